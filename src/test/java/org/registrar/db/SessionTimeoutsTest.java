package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;

/**
 * Item 14 of "Shared PCs and hostile logins" (docs/reliability.md), at the session level: every session of the app
 * starts with idle_in_transaction_session_timeout and lock_timeout (no statement sent for them), a lock wait ends
 * with its own words, and PgBouncer mode sends no startup options (PgBouncer refuses them).
 */
class SessionTimeoutsTest {
    private static final Timeouts SHORT = new Timeouts(
            Duration.ofSeconds(2),
            Duration.ofSeconds(15),
            Duration.ofSeconds(30),
            Duration.ofSeconds(3),
            Duration.ofSeconds(4));

    private static Database open(String name) {
        return Database.open(
                ConnectionProfile.embedded(),
                SHORT,
                TestDatabases.jdbcUrl(name),
                null,
                new QueryMetrics(),
                new PoolMetrics());
    }

    @Test
    void everySessionStartsWithTheIdleTransactionAndLockWaitLimits() {
        try (Database database = open(TestDatabases.freshDatabase())) {
            var settings = database.jdbi()
                    .withHandle(handle -> handle.createQuery(
                                    "SELECT current_setting('idle_in_transaction_session_timeout'),"
                                            + " current_setting('lock_timeout')")
                            .map((rows, context) -> rows.getString(1) + " " + rows.getString(2))
                            .one());

            assertThat(settings).isEqualTo("3s 4s");
            assertThat(database.queryMetrics().totals().statements()).isEqualTo(1);
        }
    }

    @Test
    void aLockHeldLongerThanTheLockWaitEndsTheWaitWithItsOwnWords() throws Exception {
        String name = TestDatabases.freshDatabase();
        try (Database database = open(name);
                Connection holder = TestDatabases.dataSource(name).getConnection();
                Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.execute("SELECT 1 FROM students WHERE id = (SELECT min(id) FROM students) FOR UPDATE");

            // the words are those of lock_timeout (SQLSTATE 55P03), not of the socket timeout or the pool
            assertThatThrownBy(
                            () -> database.jdbi()
                                    .useHandle(
                                            handle -> handle.execute(
                                                    "UPDATE students SET given_name = given_name WHERE id = (SELECT min(id) FROM students)")))
                    .satisfies(error -> assertThat(DatabaseErrors.describe(error))
                            .startsWith("The rows are still locked by another session, for example an earlier save "
                                    + "whose connection dropped"));
            holder.rollback();
        }
    }

    @Test
    void pgBouncerModeSendsNoStartupOptions() {
        ConnectionProfile direct = new ConnectionProfile(
                "jdbc:postgresql://db/registrar", "ana", ConnectionProfile.SslMode.DISABLE, null, false, 2);
        ConnectionProfile bouncer = new ConnectionProfile(
                "jdbc:postgresql://db/registrar", "ana", ConnectionProfile.SslMode.DISABLE, null, true, 2);

        assertThat(Database.driverProperties(direct, Timeouts.DEFAULT).getProperty("options"))
                .isEqualTo("-c idle_in_transaction_session_timeout=20000 -c lock_timeout=25000");
        assertThat(Database.driverProperties(bouncer, Timeouts.DEFAULT).getProperty("options"))
                .isNull();
    }
}
