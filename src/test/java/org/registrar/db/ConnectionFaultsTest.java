package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;
import org.registrar.tasks.Tasks;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Connection faults against a real server of the test's own (so it can be stopped and started): each test names
 * the fault it proves in docs/reliability.md.
 */
class ConnectionFaultsTest {
    private static final Timeouts SHORT =
            new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(2));

    @TempDir
    Path folder;

    private EmbeddedServer server;
    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = EmbeddedServer.startDurable(folder.resolve("pgdata"), step -> {});
    }

    @AfterEach
    void stopAll() throws Exception {
        Collections.reverse(closeLater);
        for (AutoCloseable each : closeLater) {
            each.close();
        }
        server.close();
    }

    private Database open(String url, int poolSize, Timeouts timeouts) {
        Database database = Database.open(
                ConnectionProfile.embedded().withPoolSize(poolSize),
                timeouts,
                url,
                server.superuser().password(),
                new QueryMetrics(),
                new PoolMetrics());
        closeLater.add(database);
        return database;
    }

    private static int selectOne(Database database) {
        return database.jdbi()
                .withHandle(handle ->
                        handle.createQuery("SELECT 1").mapTo(Integer.class).one());
    }

    @Test
    void terminatedIdleBackendsAreReplacedTransparently() throws Exception {
        Database database = openWithoutAliveBypass(server.jdbcUrl("postgres"));
        assertThat(database.poolState().idle()).isPositive();

        try (Connection admin = server.postgresDatabase().getConnection()) {
            admin.createStatement()
                    .execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE " + OUR_SESSIONS);
            // termination is asynchronous: wait until the backends are gone, as they are for an idle desktop
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ourSessions(admin) == 0);
        }

        assertThat(selectOne(database)).isEqualTo(1);
    }

    private static final String OUR_SESSIONS =
            "application_name = '" + ApplicationName.forThisDesktop().replace("'", "''") + "'";

    private static int ourSessions(Connection admin) throws java.sql.SQLException {
        try (var rows =
                admin.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity WHERE " + OUR_SESSIONS)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /**
     * A pool of 2 that has served one statement, opened with HikariCP's alive-bypass window at 0 (the pool reads it
     * when built): a connection handed back 500 ms ago or less is otherwise lent without a check. A desktop's idle
     * connections are far older than that; this stands for them without the test waiting out the window.
     */
    private Database openWithoutAliveBypass(String url) {
        String property = "com.zaxxer.hikari.aliveBypassWindowMs";
        String before = System.getProperty(property);
        System.setProperty(property, "0");
        try {
            Database database = open(url, 2, SHORT);
            selectOne(database);
            return database;
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    @Test
    void stoppedServerFailsFastAndTheAppRecoversByItselfWhenItReturns() throws Exception {
        Database database = open(server.jdbcUrl("postgres"), 2, SHORT);
        ConnectionMonitor monitor = new ConnectionMonitor(database, Duration.ofMillis(300));
        closeLater.add(monitor);
        Tasks tasks = tasksWatchedBy(monitor);
        assertThat(tasks.run("Before", () -> selectOne(database)).future().get(10, TimeUnit.SECONDS))
                .isEqualTo(1);
        assertThat(monitor.state()).isEqualTo(ConnectionMonitor.State.CONNECTED);
        Path dataDirectory = server.dataDirectory();

        server.close();
        assertThatThrownBy(() ->
                        tasks.run("During", () -> selectOne(database)).future().get(20, TimeUnit.SECONDS))
                .satisfies(error ->
                        assertThat(DatabaseErrors.describe(error.getCause())).startsWith("Database unavailable"));
        assertThat(monitor.state()).isIn(ConnectionMonitor.State.DOWN, ConnectionMonitor.State.RECONNECTING);

        // while down, work is refused before it starts: nothing waits on the absent server
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        assertThatThrownBy(() -> tasks.run("While down", () -> {
                            started.set(true);
                            return selectOne(database);
                        })
                        .future()
                        .get(20, TimeUnit.SECONDS))
                .hasRootCauseMessage("Database unavailable (waiting for the server to return)");
        assertThat(started).as("the work itself ran").isFalse();

        server = EmbeddedServer.startDurable(dataDirectory, step -> {});
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> monitor.state() == ConnectionMonitor.State.CONNECTED);
        assertThat(tasks.run("After", () -> selectOne(database)).future().get(10, TimeUnit.SECONDS))
                .isEqualTo(1);
    }

    private Tasks tasksWatchedBy(ConnectionMonitor monitor) {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        closeLater.add(worker::shutdownNow);
        return new Tasks(worker, Runnable::run, new QueryMetrics(), new Tasks.Observer() {
            @Override
            public void beforeRun() throws Exception {
                monitor.requireAvailable();
            }

            @Override
            public void succeeded() {
                monitor.reportSuccess();
            }

            @Override
            public void failed(Throwable error) {
                monitor.reportFailure(error);
            }
        });
    }

    @Test
    void blackHoledNetworkFailsWithinTheSocketTimeout() throws Exception {
        TcpProxy proxy = new TcpProxy(server.port());
        closeLater.add(proxy);
        Database database = open("jdbc:postgresql://localhost:" + proxy.port() + "/postgres", 1, SHORT);
        selectOne(database);

        proxy.swallowTraffic();
        // the driver's read gives up at the socket timeout (nothing else ends a black-holed read) and says so
        assertThatThrownBy(() -> selectOne(database))
                .satisfies(
                        error -> assertThat(DatabaseErrors.classify(error)).isEqualTo(DatabaseErrors.Kind.UNAVAILABLE))
                .hasRootCauseInstanceOf(java.net.SocketTimeoutException.class);
    }

    @Test
    void fiftyQueuedOperationsOnAnExhaustedPoolCompleteInOrder() throws Exception {
        Database database = open(server.jdbcUrl("postgres"), 2, Timeouts.DEFAULT);
        ExecutorService worker = Executors.newFixedThreadPool(2);
        Tasks tasks = new Tasks(worker, Runnable::run, database.queryMetrics(), new Tasks.Observer() {
            @Override
            public void succeeded() {}

            @Override
            public void failed(Throwable error) {}
        });
        List<Integer> started = Collections.synchronizedList(new ArrayList<>());
        List<Tasks.Pending<Integer>> pending = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                int number = i;
                pending.add(tasks.run("Queued " + i, () -> {
                    started.add(number);
                    return database.jdbi()
                            .withHandle(handle -> handle.createQuery("SELECT :n FROM pg_sleep(0.02)")
                                    .bind("n", number)
                                    .mapTo(Integer.class)
                                    .one());
                }));
            }
            for (int i = 0; i < 50; i++) {
                assertThat(pending.get(i).future().get(60, TimeUnit.SECONDS)).isEqualTo(i);
            }
        } finally {
            worker.shutdownNow();
        }
        assertThat(database.poolState().total()).isLessThanOrEqualTo(2);
        for (int i = 2; i < 50; i++) {
            assertThat(started.indexOf(i))
                    .as("operation %d starts after %d", i, i - 2)
                    .isGreaterThan(started.indexOf(i - 2));
        }
    }

    @Test
    void connectionHeldTooLongIsLoggedWithTheStackThatTookIt() throws Exception {
        Database database = open(server.jdbcUrl("postgres"), 1, SHORT);
        Path log = Path.of(System.getProperty("registrar.logDir"), "registrar.log");
        long logged = Files.exists(log) ? Files.size(log) : 0;
        // held until the pool logs it (after the 2 s leak threshold), however long that takes on a busy machine
        database.jdbi().useHandle(handle -> {
            handle.execute("SELECT 1");
            WaitForAsyncUtils.waitFor(
                    30,
                    TimeUnit.SECONDS,
                    () -> loggedSince(log, logged).contains("Connection leak detection triggered"));
        });

        assertThat(loggedSince(log, logged))
                .contains("Connection leak detection triggered")
                .contains("connectionHeldTooLongIsLoggedWithTheStackThatTookIt");
    }

    /** What the log file gained after its first {@code from} bytes. */
    private static String loggedSince(Path log, long from) throws java.io.IOException {
        if (!Files.exists(log)) {
            return "";
        }
        byte[] all = Files.readAllBytes(log);
        return new String(
                all,
                (int) Math.min(from, all.length),
                (int) Math.max(0, all.length - from),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void statementTimeoutGivesAMessageNamingTheOperation() {
        Database database = open(server.jdbcUrl("postgres"), 1, SHORT);

        assertThatThrownBy(() -> database.jdbi().useHandle(handle -> {
                    handle.execute("SET statement_timeout = '200ms'");
                    handle.execute("SELECT pg_sleep(2)");
                }))
                .satisfies(error -> {
                    assertThat(DatabaseErrors.classify(error)).isEqualTo(DatabaseErrors.Kind.TIMEOUT);
                    assertThat(DatabaseErrors.describe("Open students page", error))
                            .startsWith("“Open students page” took longer than the server allows");
                });
    }

    @Test
    void serverUnreachableAtStartOpensThePoolAndConnectsWhenTheServerAppears() throws Exception {
        Path dataDirectory = server.dataDirectory();
        int port = server.port();
        server.close();
        Database database = open("jdbc:postgresql://localhost:" + port + "/postgres", 2, SHORT);
        assertThatThrownBy(() -> selectOne(database))
                .satisfies(
                        error -> assertThat(DatabaseErrors.classify(error)).isEqualTo(DatabaseErrors.Kind.UNAVAILABLE));

        server = EmbeddedServer.startDurable(dataDirectory, step -> {});
        assertThat(server.port()).isEqualTo(port);

        assertThat(selectOne(database)).isEqualTo(1);
    }

    @Test
    void driverIsNeverAskedForAConnectionWithoutTimeouts() throws Exception {
        var properties = Database.driverProperties(ConnectionProfile.embedded(), Timeouts.DEFAULT);

        assertThat(properties.getProperty("socketTimeout")).isEqualTo("120");
        assertThat(properties.getProperty("connectTimeout")).isEqualTo("5");
        assertThat(properties.getProperty("tcpKeepAlive")).isEqualTo("true");
        assertThat(properties.getProperty("logServerErrorDetail")).isEqualTo("false");
        try (Connection connection =
                DriverManager.getConnection(server.jdbcUrl("postgres"), withUser(properties, server))) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    private static java.util.Properties withUser(java.util.Properties properties, EmbeddedServer server) {
        java.util.Properties copy = new java.util.Properties();
        copy.putAll(properties);
        copy.setProperty("user", "postgres");
        copy.setProperty("password", server.superuser().password());
        return copy;
    }
}
