package org.registrar.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.DemoData;
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
            DemoData.Summary summary = context.demoLoaded();
            System.out.printf(
                    "Generated %,d students, %,d cohorts, %,d mentors, %,d assessments, %,d results in %.1f s "
                            + "(including indexes and ANALYZE); whole start incl. server and schema %.1f s%n",
                    summary.students(),
                    summary.cohorts(),
                    summary.mentors(),
                    summary.assessments(),
                    summary.results(),
                    summary.elapsed().toMillis() / 1000.0,
                    (System.nanoTime() - start) / 1e9);
            System.out.println("Slowest statements of the load (QueryMetrics):");
            context.database().queryMetrics().slowestStatements().stream()
                    .limit(8)
                    .forEach(sample -> System.out.printf(
                            "  %8.1f ms  %s%n",
                            sample.millis(),
                            sample.sql()
                                    .replaceAll("\\s+", " ")
                                    .substring(
                                            0,
                                            Math.min(
                                                    90,
                                                    sample.sql()
                                                            .replaceAll("\\s+", " ")
                                                            .length()))));
        } finally {
            deleteQuietly(scratch);
        }
        return 0;
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not remove " + folder + ": " + e.getMessage());
        }
    }
}
