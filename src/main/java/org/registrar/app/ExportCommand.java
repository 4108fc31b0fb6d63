package org.registrar.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.DatabaseErrors;
import org.registrar.metrics.OperationScope;
import org.registrar.reports.ExportFormat;
import org.registrar.reports.ReportTable;
import org.registrar.reports.ReportTables;
import org.registrar.reports.ReportsRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code registrar export}: a report written to a file headless, the same as the Reports screen's PDF, .xlsx and
 * CSV. Exit 0 when the file was written.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write a report (a score sheet) as PDF, .xlsx or CSV, as the Reports screen does.")
final class ExportCommand implements Callable<Integer> {
    static final int WRITTEN = 0;
    static final int NOT_FOUND = 1;
    static final int BAD_ARGUMENTS = 2;
    static final int UNREACHABLE = 3;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--report", required = true, description = "The report: score-sheet")
    String report;

    @Option(names = "--assessment", required = true, description = "Assessment id")
    long assessment;

    @Option(names = "--format", required = true, description = "pdf, csv or xlsx")
    String format;

    @Option(names = "--out", required = true, description = "The file to write")
    Path out;

    PrintStream console = System.out;

    @Override
    public Integer call() {
        if (!"score-sheet".equals(report)) {
            console.println("Unknown report " + report + ": give score-sheet.");
            return BAD_ARGUMENTS;
        }
        ExportFormat chosen;
        try {
            chosen = ExportFormat.named(format);
        } catch (IllegalArgumentException unknown) {
            console.println("Unknown format " + format + ": give pdf, csv or xlsx.");
            return BAD_ARGUMENTS;
        }
        Launcher.prepareLogging(connection.dataHome());
        ConnectionProfile profile = connection.resolve();
        try (AppContext context = Startup.open(
                profile,
                ConnectionOptions.passwordFromEnvironment(),
                connection.dataHome(),
                Startup.DEFAULT_DEMO_STUDENTS,
                step -> {})) {
            OperationScope scope = context.database().queryMetrics().begin("Export report");
            Optional<ReportTable> table;
            try (scope) {
                table = new ReportsRepository(context.database().jdbi())
                        .scoreSheet(assessment)
                        .map(ReportTables::of);
            }
            if (table.isEmpty()) {
                console.println("No assessment " + assessment + ".");
                return NOT_FOUND;
            }
            chosen.write(table.get(), out, LocalDate.now());
            console.println("Wrote " + out + " (" + table.get().rows().size() + " students); "
                    + scope.summary().describe());
            return WRITTEN;
        } catch (IOException cannotWrite) {
            console.println("Cannot write " + out + ": " + cannotWrite.getMessage());
            return BAD_ARGUMENTS;
        } catch (RuntimeException error) {
            console.println("Not exported: " + DatabaseErrors.describe(error));
            return UNREACHABLE;
        }
    }
}
