package org.registrar.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.DatabaseErrors;
import org.registrar.i18n.Messages;
import org.registrar.metrics.OperationScope;
import org.registrar.reports.ExportFormat;
import org.registrar.reports.ReportsRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code registrar export}: a report written to a file headless, the same as the Reports screen's PDF, .xlsx and
 * CSV: a score sheet, a class overview, a transcript or a year overview. Exit 0 when the file was written. What
 * the options ask for is checked before any connection ({@link ExportRequest}); messages in the chosen language.
 */
@Command(name = "export", mixinStandardHelpOptions = true, resourceBundle = CommandHelp.BUNDLE)
final class ExportCommand implements Callable<Integer> {
    static final int WRITTEN = 0;
    static final int NOT_FOUND = 1;
    static final int BAD_ARGUMENTS = 2;
    static final int UNREACHABLE = 3;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--report", required = true, paramLabel = "${bundle:label.report}")
    String report;

    @Option(names = "--assessment", paramLabel = "${bundle:label.id}")
    String assessment;

    @Option(names = "--cohort", paramLabel = "${bundle:label.id}")
    String cohort;

    @Option(names = "--term", paramLabel = "${bundle:label.term}")
    String term;

    @Option(names = "--student", paramLabel = "${bundle:label.id}")
    String student;

    @Option(names = "--year", paramLabel = "${bundle:label.grade}")
    String year;

    @Option(names = "--school-year", paramLabel = "${bundle:label.year}")
    String schoolYear;

    @Option(names = "--format", required = true, paramLabel = "${bundle:label.format}")
    String format;

    @Option(names = "--out", required = true, paramLabel = "${bundle:label.file}")
    Path out;

    PrintStream console = System.out;

    @Override
    public Integer call() {
        if (connection.language != null) {
            if (Language.problemWith(connection.language).isPresent()) {
                console.println("registrar: "
                        + Language.problemWith(connection.language).get());
                return BAD_ARGUMENTS;
            }
            connection.language().apply();
        }
        ExportRequest request;
        try {
            request = ExportRequest.of(report, format, assessment, cohort, term, student, year, schoolYear);
        } catch (ExportRequest.Refused refused) {
            console.println(refused.getMessage());
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
            return export(request, new ReportsRepository(context.database().jdbi()), context);
        } catch (IOException cannotWrite) {
            console.println(Messages.text("cli.export.cannotWrite", String.valueOf(out), cannotWrite.getMessage()));
            return BAD_ARGUMENTS;
        } catch (RuntimeException error) {
            console.println(Messages.text("cli.export.notExported", DatabaseErrors.describe(error)));
            return UNREACHABLE;
        }
    }

    private int export(ExportRequest request, ReportsRepository reports, AppContext context) throws IOException {
        OperationScope scope = context.database().queryMetrics().begin("Export report");
        ExportRequest.Outcome outcome;
        try (scope) {
            outcome = request.read(reports);
        }
        if (outcome.table() == null) {
            console.println(outcome.message());
            return NOT_FOUND;
        }
        ExportFormat chosen = request.format();
        chosen.write(outcome.table(), out, LocalDate.now());
        console.println(Messages.text(
                "cli.export.wrote",
                String.valueOf(out),
                outcome.message(),
                scope.summary().describe()));
        return WRITTEN;
    }
}
