package org.registrar.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;

/**
 * One embedded PostgreSQL per test JVM (fsync off: test data only), and a fresh database per test, copied from
 * a migrated template that holds a small deterministic demo data set. Thread-safe.
 */
public final class TestDatabases {
    public static final String TEMPLATE = "registrar_template";
    /** Students in the template's demo data; small so copying the template stays fast. */
    public static final int TEMPLATE_STUDENTS = 600;

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabases() {}

    /** The shared server, started on first use. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            createTemplate();
        }
        return server;
    }

    /** A new database, migrated and holding the template's demo data, for one test. Returns its name. */
    public static String freshDatabase() {
        String name =
                "t_" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid();
        execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return name;
    }

    /** An empty database with no schema at all. Returns its name. */
    public static String emptyDatabase() {
        String name =
                "e_" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid();
        execute("CREATE DATABASE " + name);
        return name;
    }

    /** Drops a database made by {@link #freshDatabase} or {@link #emptyDatabase}, ending its sessions first. */
    public static void drop(String database) {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    /**
     * Stops the shared server, if one was started, and deletes its data folder: at the end of the test run, so that
     * the work is not left to the server's JVM shutdown hook, which the test runner kills after 30 s.
     */
    public static synchronized void stopServer() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }

    /** A plain (unpooled) data source for fixtures and assertions; the app's code under test uses its own pool. */
    public static DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl(database));
        dataSource.setUser("postgres");
        return dataSource;
    }

    /**
     * Creates {@code login} (replacing an old one of that name) as a member of {@code groupRole} and opens the app's
     * own pool on {@code database} as it. The caller closes it.
     */
    public static Database openAs(String database, String login, String groupRole, int poolSize) {
        jdbi(database).useHandle(handle -> {
            handle.execute("DROP ROLE IF EXISTS " + login);
            handle.execute("CREATE ROLE " + login + " LOGIN IN ROLE " + groupRole);
        });
        String url = jdbcUrl(database);
        return Database.open(
                new ConnectionProfile(url, login, ConnectionProfile.SslMode.DISABLE, null, false, poolSize),
                url,
                null,
                new QueryMetrics(),
                new PoolMetrics());
    }

    public static Jdbi jdbi(String database) {
        return Jdbi.create(dataSource(database));
    }

    /**
     * Waits until a session of {@code jdbi}'s database waits for a lock while running a statement that starts with
     * {@code statementStart}, for at most {@code within}. Blocks.
     */
    public static void awaitLockWait(Jdbi jdbi, String statementStart, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            boolean waiting = jdbi.withHandle(handle -> handle.createQuery("SELECT EXISTS (SELECT FROM pg_stat_activity"
                            + " WHERE wait_event_type = 'Lock' AND datname = current_database()"
                            + " AND starts_with(query, :start))")
                    .bind("start", statementStart)
                    .mapTo(Boolean.class)
                    .one());
            if (waiting) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("No session waited for a lock running: " + statementStart);
    }

    private static void createTemplate() {
        execute("CREATE DATABASE " + TEMPLATE);
        DataSource template = dataSource(TEMPLATE);
        Migrations.apply(template);
        DemoData.load(Jdbi.create(template), TEMPLATE_STUDENTS);
        execute("ALTER DATABASE " + TEMPLATE + " WITH IS_TEMPLATE true");
    }

    private static void execute(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
