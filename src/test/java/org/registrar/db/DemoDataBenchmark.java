package org.registrar.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Measures one demo-data load (not a test): starts the app's own durable embedded server (fsync, synchronous_commit
 * and full_page_writes on, printed as the server reports them) in a scratch folder, migrates an empty database, loads {@code args[0]} students (default 1,000,000) and prints the summary and every
 * statement's elapsed time. Usage: {@code java -cp ... org.registrar.db.DemoDataBenchmark 1000000}.
 */
public final class DemoDataBenchmark {
    private DemoDataBenchmark() {}

    public static void main(String[] args) throws Exception {
        int students = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path scratch = Files.createTempDirectory("registrar-demo-bench");
        try (EmbeddedServer server = EmbeddedServer.startDurable(scratch.resolve("pgdata"), step -> {})) {
            EmbeddedSetup.createDatabaseIfMissing(server, "bench");
            DataSource bench = server.dataSource("bench", server.superuser());
            Migrations.apply(bench);
            Jdbi jdbi = Jdbi.create(bench);
            System.out.println("server: fsync " + server.serverSetting("fsync") + ", synchronous_commit "
                    + server.serverSetting("synchronous_commit") + ", full_page_writes "
                    + server.serverSetting("full_page_writes"));
            jdbi.getConfig(SqlStatements.class).setSqlLogger(new PrintingLogger());
            DemoData.Summary summary = DemoData.load(jdbi, students);
            System.out.printf(
                    "%s%nloaded %,d students in %.1f s (%d cores, %s)%n",
                    summary,
                    summary.students(),
                    summary.elapsed().toMillis() / 1000.0,
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name"));
        } finally {
            deleteTree(scratch); // a million students leave gigabytes
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    /** Prints each statement's first words and elapsed time. */
    private static final class PrintingLogger implements SqlLogger {
        @Override
        public void logAfterExecution(StatementContext context) {
            Duration elapsed = Duration.between(context.getExecutionMoment(), context.getCompletionMoment())
                    .truncatedTo(ChronoUnit.MILLIS);
            String sql = context.getRenderedSql().replaceAll("\\s+", " ");
            System.out.printf("%8d ms  %s%n", elapsed.toMillis(), sql.substring(0, Math.min(70, sql.length())));
        }
    }
}
