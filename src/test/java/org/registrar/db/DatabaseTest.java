package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.metrics.OperationScope;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;

class DatabaseTest {
    private String name;
    private Database database;

    @BeforeEach
    void open() {
        name = TestDatabases.freshDatabase();
        database = open(ConnectionProfile.DEFAULT_POOL_SIZE, TestDatabases.jdbcUrl(name), null);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Database open(int poolSize, String url, String password) {
        return Database.open(
                ConnectionProfile.embedded().withPoolSize(poolSize),
                url,
                password,
                new QueryMetrics(),
                new PoolMetrics());
    }

    @Test
    void poolNeverExceedsItsMaximumUnderTwentyConcurrentTasks() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(20);
        AtomicInteger highestServerConnections = new AtomicInteger();
        AtomicInteger highestPoolTotal = new AtomicInteger();
        String applicationName = ApplicationName.forThisDesktop();
        List<CompletableFuture<Integer>> work = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                work.add(CompletableFuture.supplyAsync(
                        () -> database.jdbi().withHandle(handle -> {
                            highestPoolTotal.accumulateAndGet(
                                    database.poolState().total(), Math::max);
                            int open = serverConnections(applicationName);
                            highestServerConnections.accumulateAndGet(open, Math::max);
                            handle.execute("SELECT pg_sleep(0.05)");
                            return 1;
                        }),
                        callers));
            }
            int done = 0;
            for (CompletableFuture<Integer> future : work) {
                done += future.get(60, TimeUnit.SECONDS);
            }
            assertThat(done).isEqualTo(20);
        } finally {
            callers.shutdownNow();
        }
        assertThat(highestPoolTotal.get()).isBetween(1, 2);
        assertThat(highestServerConnections.get()).isBetween(1, 2);
    }

    /** Counted with a separate fixture connection, so it does not take one from the pool under test. */
    private int serverConnections(String applicationName) {
        return TestDatabases.jdbi(name)
                .withHandle(handle -> handle.createQuery(
                                "SELECT count(*) FROM pg_stat_activity WHERE datname = :db AND application_name = :app")
                        .bind("db", name)
                        .bind("app", applicationName)
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void everyConnectionCarriesTheDesktopsApplicationName() {
        String seen = database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()")
                        .mapTo(String.class)
                        .one());

        assertThat(seen).startsWith("Registrar ").contains(" @ ").contains("/" + System.getProperty("user.name"));
    }

    @Test
    void aTransactionOfTwoStatementsCountsAsTwoStatementsAndOneTransaction() {
        OperationScope scope = database.queryMetrics().begin("Save results");
        try (scope) {
            database.jdbi().useTransaction(handle -> {
                handle.execute("CREATE TEMP TABLE scratch(id int)");
                handle.execute("INSERT INTO scratch VALUES (1)");
            });
        }

        assertThat(scope.summary().statements()).isEqualTo(2);
        assertThat(scope.summary().transactions()).isEqualTo(1);
    }

    @Test
    void manualBeginAndCommitCountOneTransaction() {
        OperationScope scope = database.queryMetrics().begin("Manual");
        try (scope;
                Handle handle = database.jdbi().open()) {
            handle.begin();
            handle.execute("SELECT 1");
            handle.commit();
        }

        assertThat(scope.summary().transactions()).isEqualTo(1);
    }

    @Test
    void exhaustedPoolReportsDatabaseBusy() throws Exception {
        try (Database single = open(1, TestDatabases.jdbcUrl(name), null)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = new Thread(() -> {
                try {
                    single.jdbi().useHandle(handle -> {
                        handle.execute("SELECT 1");
                        holding.countDown();
                        release.await();
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            holder.start();
            holding.await(10, TimeUnit.SECONDS);
            try {
                assertThatThrownBy(() -> single.jdbi().withHandle(handle -> handle.execute("SELECT 1")))
                        .satisfies(error -> {
                            assertThat(DatabaseErrors.classify(error)).isEqualTo(DatabaseErrors.Kind.BUSY);
                            assertThat(DatabaseErrors.describe(error)).startsWith("Database busy");
                        });
            } finally {
                release.countDown();
                holder.join();
            }
        }
    }

    @Test
    void unreachableServerReportsDatabaseUnavailableWithoutAStackTrace() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Database nowhere = open(2, "jdbc:postgresql://localhost:" + closedPort + "/registrar", null)) {
            assertThatThrownBy(() -> nowhere.jdbi().withHandle(handle -> handle.execute("SELECT 1")))
                    .satisfies(error -> {
                        assertThat(DatabaseErrors.classify(error)).isEqualTo(DatabaseErrors.Kind.UNAVAILABLE);
                        assertThat(DatabaseErrors.describe(error))
                                .startsWith("Database unavailable")
                                .doesNotContain("Exception");
                    });
        }
    }

    @Test
    void passwordNeverAppearsInTheLog() throws Exception {
        String password = "Pa55-never-logged-" + System.nanoTime();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Database withPassword = open(2, TestDatabases.jdbcUrl(name), password)) {
            withPassword.jdbi().withHandle(handle -> handle.execute("SELECT 1"));
        }
        try (Database failing = open(2, "jdbc:postgresql://localhost:" + closedPort + "/x", password)) {
            assertThatThrownBy(() -> failing.jdbi().withHandle(handle -> handle.execute("SELECT 1")));
        }

        Path log = Path.of(System.getProperty("registrar.logDir"), "registrar.log");
        assertThat(log).exists();
        String content = Files.readString(log);
        assertThat(content).contains("Opening pool for").doesNotContain(password);
    }
}
