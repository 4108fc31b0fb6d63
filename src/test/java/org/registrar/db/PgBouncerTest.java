package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.bench.PgBouncerProcess;
import org.registrar.health.Diagnostics;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;

/** The app's data access through a real PgBouncer in transaction mode, with the profile's PgBouncer switch on. */
class PgBouncerTest {
    private PgBouncerProcess bouncer;
    private String name;
    private final List<Database> open = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        assumeTrue(PgBouncerProcess.installed() || System.getenv("CI") != null, "pgbouncer is installed by .ci/run");
        name = TestDatabases.freshDatabase();
        bouncer = PgBouncerProcess.start(TestDatabases.server().getPort(), 4, 500);
    }

    @AfterEach
    void stop() {
        open.forEach(Database::close);
        if (bouncer != null) {
            bouncer.close();
        }
    }

    private Database desktop() {
        ConnectionProfile profile = new ConnectionProfile(
                bouncer.jdbcUrl(name), "postgres", ConnectionProfile.SslMode.DISABLE, null, true, 2);
        Database database = Database.open(profile, profile.url(), null, new QueryMetrics(), new PoolMetrics());
        open.add(database);
        return database;
    }

    @Test
    void repeatedStatementsFromManyDesktopsWorkInTransactionMode() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        List<CompletableFuture<Long>> work = new ArrayList<>();
        try {
            for (int d = 0; d < 16; d++) {
                Database database = desktop();
                work.add(CompletableFuture.supplyAsync(
                        () -> {
                            long total = 0;
                            // more than pgjdbc's default prepareThreshold of 5: without prepareThreshold=0 the
                            // driver would name a server-side statement that the next transaction's backend lacks
                            for (int i = 0; i < 12; i++) {
                                total += database.jdbi()
                                        .inTransaction(handle -> handle.createQuery(
                                                        "SELECT count(*) FROM students WHERE cohort_id = :cohort")
                                                .bind("cohort", 1)
                                                .mapTo(Long.class)
                                                .one());
                            }
                            return total;
                        },
                        callers));
            }
            for (CompletableFuture<Long> each : work) {
                assertThat(each.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void diagnosticsAreHealthyThroughPgBouncer() throws Exception {
        Database database = desktop();

        var report = new Diagnostics(database).run();

        assertThat(report.verdict()).as(bouncer.log()).startsWith("HEALTHY");
    }

    @Test
    void migrationsRunThroughPgBouncer() {
        Database database = desktop();

        assertThat(database.migrate()).isEqualTo(Migrations.currentVersion(TestDatabases.dataSource(name)));
    }
}
