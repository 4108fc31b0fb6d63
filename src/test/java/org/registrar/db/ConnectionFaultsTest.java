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
        Database database = open(server.jdbcUrl("postgres"), 2, SHORT);
        selectOne(database);
        assertThat(database.poolState().idle()).isPositive();

        try (Connection admin = server.postgresDatabase().getConnection()) {
            admin.createStatement()
                    .execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity " + "WHERE application_name = '"
                            + ApplicationName.forThisDesktop().replace("'", "''") + "'");
        }
        Thread.sleep(700); // past HikariCP's 500 ms window in which a recently used connection is not re-validated

        assertThat(selectOne(database)).isEqualTo(1);
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
        long start = System.nanoTime();
        assertThatThrownBy(() ->
                        tasks.run("During", () -> selectOne(database)).future().get(20, TimeUnit.SECONDS))
                .satisfies(error ->
                        assertThat(DatabaseErrors.describe(error.getCause())).startsWith("Database unavailable"));
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isLessThan(SHORT.connect().plusSeconds(3));
        assertThat(monitor.state()).isIn(ConnectionMonitor.State.DOWN, ConnectionMonitor.State.RECONNECTING);

        long fastStart = System.nanoTime();
        assertThatThrownBy(() ->
                tasks.run("While down", () -> selectOne(database)).future().get(20, TimeUnit.SECONDS));
        assertThat(Duration.ofNanos(System.nanoTime() - fastStart)).isLessThan(Duration.ofMillis(500));

        server = EmbeddedServer.startDurable(dataDirectory, step -> {});
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (monitor.state() != ConnectionMonitor.State.CONNECTED && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(monitor.state()).isEqualTo(ConnectionMonitor.State.CONNECTED);
        assertThat(tasks.run("After", () -> selectOne(database)).future().get(10, TimeUnit.SECONDS))
                .isEqualTo(1);
    }

    private static Tasks tasksWatchedBy(ConnectionMonitor monitor) {
        ExecutorService worker = Executors.newSingleThreadExecutor();
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
        long start = System.nanoTime();
        assertThatThrownBy(() -> selectOne(database)).satisfies(error -> assertThat(DatabaseErrors.classify(error))
                .isEqualTo(DatabaseErrors.Kind.UNAVAILABLE));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(SHORT.socket().plus(SHORT.connect()).plusSeconds(3));
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
                    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT :n FROM pg_sleep(0.02)")
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
        database.jdbi().useHandle(handle -> {
            handle.execute("SELECT 1");
            Thread.sleep(2600);
        });

        Path log = Path.of(System.getProperty("registrar.logDir"), "registrar.log");
        String content = Files.readString(log);
        assertThat(content)
                .contains("Connection leak detection triggered")
                .contains("connectionHeldTooLongIsLoggedWithTheStackThatTookIt");
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
        assertThatThrownBy(() -> selectOne(database)).satisfies(error -> assertThat(DatabaseErrors.classify(error))
                .isEqualTo(DatabaseErrors.Kind.UNAVAILABLE));

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
