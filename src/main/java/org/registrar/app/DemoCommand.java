package org.registrar.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.DemoData;
import org.registrar.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code registrar demo --students N}: generates a demo database on a fresh embedded server and reports how long
 * it took. The benchmark behind the demo-data figure in docs/performance.md.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, resourceBundle = CommandHelp.BUNDLE)
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--students", paramLabel = "${bundle:label.number}")
    int students = 1_000_000;

    @Override
    public Integer call() throws IOException {
        Path scratch = Files.createTempDirectory("registrar-demo");
        Launcher.prepareLogging(scratch);
        long start = System.nanoTime();
        try (AppContext context =
                Startup.open(ConnectionProfile.embedded(), null, scratch, students, System.out::println)) {
            summary(context.demoLoaded(), (System.nanoTime() - start) / 1e9).forEach(System.out::println);
            context.database().queryMetrics().slowestStatements().stream()
                    .limit(8)
                    .forEach(sample -> System.out.println(statement(sample.millis(), sample.sql())));
        } finally {
            deleteQuietly(scratch);
        }
        return 0;
    }

    /** What the load made and how long it took, then the heading of the slowest statements; in the chosen language. */
    static List<String> summary(DemoData.Summary summary, double wholeStartSeconds) {
        return List.of(
                Messages.text(
                        "cli.demo.generated",
                        summary.students(),
                        summary.cohorts(),
                        summary.mentors(),
                        summary.assessments(),
                        summary.results(),
                        summary.elapsed().toMillis() / 1000.0,
                        wholeStartSeconds),
                Messages.text("cli.demo.slowest"));
    }

    /** One of the slowest statements: its time and its first 90 characters on one line. */
    static String statement(double millis, String sql) {
        String oneLine = sql.replaceAll("\\s+", " ");
        return "  " + Messages.text("cli.demo.statement", millis, oneLine.substring(0, Math.min(90, oneLine.length())));
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println(Messages.text("cli.demo.cannotRemove", String.valueOf(folder), e.getMessage()));
        }
    }
}
