package org.registrar.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Measures one demo-data load (not a test): starts an embedded PostgreSQL with the builder's default settings,
 * migrates an empty database, loads {@code args[0]} students (default 1,000,000) and prints the summary and every
 * statement's elapsed time. Usage: {@code java -cp ... org.registrar.db.DemoDataBenchmark 1000000}.
 */
public final class DemoDataBenchmark {
    private DemoDataBenchmark() {}

    public static void main(String[] args) throws Exception {
        int students = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            createDatabase(server, "bench");
            Jdbi jdbi = Jdbi.create(server.getDatabase("postgres", "bench"));
            Migrations.apply(server.getDatabase("postgres", "bench"));
            jdbi.getConfig(SqlStatements.class).setSqlLogger(new PrintingLogger());
            DemoData.Summary summary = DemoData.load(jdbi, students);
            System.out.printf(
                    "%s%nloaded %,d students in %.1f s (%d cores, %s)%n",
                    summary,
                    summary.students(),
                    summary.elapsed().toMillis() / 1000.0,
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name"));
        }
    }

    private static void createDatabase(EmbeddedPostgres server, String name) throws SQLException {
        try (var connection = server.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
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
