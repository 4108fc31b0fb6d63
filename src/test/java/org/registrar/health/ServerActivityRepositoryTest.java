package org.registrar.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.registrar.db.TestDatabases;
import org.registrar.testing.TestSession;

/** pg_stat_activity read through the app's pool against the real embedded server, with fixture sessions. */
class ServerActivityRepositoryTest {
    private TestSession session;
    private ServerActivityRepository repository;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        repository = new ServerActivityRepository(session.database().jdbi());
    }

    @AfterEach
    void close() {
        session.close();
    }

    private Connection fixture(String applicationName) throws SQLException {
        Connection connection = TestDatabases.dataSource(session.databaseName()).getConnection();
        connection.setClientInfo("ApplicationName", applicationName);
        return connection;
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private ServerSession awaitSession(Predicate<ServerSession> wanted) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<ServerSession> found =
                    repository.activity().sessions().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("session never appeared");
    }

    @Test
    void reportsIdleInTransactionAndTheBlockedQueryWithItsBlocker() throws Exception {
        try (Connection holder = fixture("fixture holder");
                Connection waiter = fixture("fixture waiter")) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.executeUpdate(
                        "UPDATE cohorts SET name = name || '' WHERE id = (SELECT min(id) FROM cohorts)");
            }
            int holderPid = pid(holder);
            int waiterPid = pid(waiter);
            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
                try (Statement statement = waiter.createStatement()) {
                    return statement.executeUpdate(
                            "UPDATE cohorts SET name = name || '' WHERE id = (SELECT min(id) FROM cohorts)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            ServerSession waiting =
                    awaitSession(s -> s.pid() == waiterPid && !s.blockedBy().isEmpty());
            ServerActivity activity = repository.activity();
            ServerSession idle = activity.sessions().stream()
                    .filter(s -> s.pid() == holderPid)
                    .findFirst()
                    .orElseThrow();

            assertThat(waiting.blockedBy()).containsExactly(holderPid);
            assertThat(waiting.category()).isEqualTo(ServerSession.Category.WAITING);
            assertThat(waiting.application()).isEqualTo("fixture waiter");
            assertThat(waiting.level(HealthSettings.DEFAULTS)).isEqualTo(ServerSession.Level.WARNING);
            assertThat(idle.category()).isEqualTo(ServerSession.Category.IDLE_IN_TRANSACTION);
            assertThat(idle.transactionAge()).isNotNull();
            assertThat(activity.maxConnections()).isGreaterThan(0);
            assertThat(activity.connectionsUsed()).isGreaterThanOrEqualTo(3);
            assertThat(activity.missing()).isNull();
            assertThat(activity.groups())
                    .anyMatch(group -> group.application().equals("fixture holder")
                            && group.state().equals("idle in transaction"));
            assertThat(activity.sessions())
                    .filteredOn(ServerSession::own)
                    .singleElement()
                    .satisfies(own -> assertThat(own.query()).startsWith(ServerActivityRepository.TAG));

            holder.rollback();
            assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    @Test
    void cancelsABackendRunningPgSleep() throws Exception {
        try (Connection sleeper = fixture("fixture sleeper")) {
            int sleeperPid = pid(sleeper);
            CompletableFuture<Void> sleeping = CompletableFuture.runAsync(() -> {
                try (Statement statement = sleeper.createStatement()) {
                    statement.execute("SELECT pg_sleep(60)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            ServerSession running = awaitSession(s -> s.pid() == sleeperPid
                    && s.category() == ServerSession.Category.ACTIVE
                    && s.query().contains("pg_sleep"));
            assertThat(running.maySignal()).isTrue();

            assertThat(repository.cancel(sleeperPid)).isTrue();

            assertThatThrownBy(() -> sleeping.get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class)
                    .rootCause()
                    .hasMessageContaining("canceling statement due to user request");
        }
    }

    @Test
    void theSupportRoleSeesEverySessionButMayNotSignalASuperuser() throws Exception {
        String role = "support_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
        TestDatabases.jdbi(session.databaseName()).useHandle(handle -> {
            handle.execute("CREATE ROLE " + role + " LOGIN IN ROLE registrar_support");
        });
        try (Connection other = fixture("fixture other")) {
            int otherPid = pid(other);
            ServerActivity activity = new ServerActivityRepository(jdbiAs(role)).activity();

            ServerSession seen = activity.sessions().stream()
                    .filter(s -> s.pid() == otherPid)
                    .findFirst()
                    .orElseThrow();
            assertThat(activity.missing()).isNull();
            assertThat(seen.state()).isEqualTo("idle");
            assertThat(seen.maySignal()).isFalse();
            assertThat(activity.maySignalOthers()).isFalse();
            assertThatThrownBy(() -> jdbiAs(role)
                            .withHandle(handle -> handle.select("SELECT count(*) FROM students")
                                    .mapTo(Long.class)
                                    .one()))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void aRoleWithoutMonitoringRightsIsToldWhatIsMissing() throws Exception {
        String role = "plain_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000;
        TestDatabases.jdbi(session.databaseName())
                .useHandle(handle -> handle.execute("CREATE ROLE " + role + " LOGIN"));
        try (Connection other = fixture("fixture other")) {
            int otherPid = pid(other);
            ServerActivity activity = new ServerActivityRepository(jdbiAs(role)).activity();

            assertThat(activity.missing()).contains("pg_read_all_stats").contains("pg_monitor");
            assertThat(activity.sessions())
                    .filteredOn(s -> s.pid() == otherPid)
                    .singleElement()
                    .satisfies(s -> assertThat(s.category()).isEqualTo(ServerSession.Category.HIDDEN));
        }
    }

    private Jdbi jdbiAs(String role) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(TestDatabases.jdbcUrl(session.databaseName()));
        dataSource.setUser(role);
        return Jdbi.create(dataSource);
    }
}
