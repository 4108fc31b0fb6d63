package org.registrar.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.Database;
import org.registrar.db.DemoData;
import org.registrar.db.Migrations;
import org.registrar.db.Timeouts;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;

/**
 * 300 desktops, each with its own pool of 2, against a server allowing 40 connections: through a real PgBouncer in
 * transaction mode every operation succeeds; straight at the server, desktops are refused.
 */
class ScaleOutTest {
    private static final int DESKTOPS = 300;
    private static final Duration RUN = Duration.ofSeconds(8);
    /** Generous: 300 desktops start at once on a 2-core machine shared with the rest of the suite. */
    private static final Timeouts PATIENT =
            new Timeouts(Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(60));

    private static EmbeddedPostgres server;
    private static List<long[]> groups;

    @BeforeAll
    static void serverWithFortyConnections() throws Exception {
        assumeTrue(PgBouncerProcess.installed() || System.getenv("CI") != null, "pgbouncer is installed by .ci/run");
        server = ScaleOutBench.server();
        Migrations.apply(server.getPostgresDatabase());
        DemoData.load(Jdbi.create(server.getPostgresDatabase()), 2_000);
        try (Database one = open(direct(), false)) {
            groups = DesktopMix.cohorts(one, 50);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String direct() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    }

    private static Database open(String url, boolean pgBouncer) {
        return open(url, pgBouncer, PATIENT);
    }

    private static Database open(String url, boolean pgBouncer, Timeouts timeouts) {
        ConnectionProfile profile =
                new ConnectionProfile(url, "postgres", ConnectionProfile.SslMode.DISABLE, null, pgBouncer, 2);
        return Database.open(profile, timeouts, url, null, new QueryMetrics(), new PoolMetrics());
    }

    @Test
    void threeHundredDesktopsThroughPgBouncerRunWithoutErrors() throws Exception {
        try (PgBouncerProcess bouncer = PgBouncerProcess.start(server.getPort(), 30, DESKTOPS * 2 + 50)) {
            LoadRun.Outcome outcome = LoadRun.run(
                    DESKTOPS,
                    RUN,
                    i -> open(bouncer.jdbcUrl("postgres"), true),
                    DesktopMix.actions(groups),
                    server.getPostgresDatabase(),
                    1);

            assertThat(outcome.errors())
                    .as(String.join("\n", outcome.sampleErrors()))
                    .isZero();
            assertThat(outcome.operations()).isGreaterThan(DESKTOPS);
            assertThat(outcome.peakServerConnections()).isLessThanOrEqualTo(30);
        }
    }

    @Test
    void threeHundredDesktopsStraightAtTheServerAreRefused() throws Exception {
        // every desktop works at the same moment and keeps its connection in its own pool (as the app does for
        // 15 s): the server has 40 slots, so most desktops wait the app's 5 s and hear "database busy"
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        // desktops keep their pools open until all have tried, as running desktops do
        java.util.concurrent.CountDownLatch tried = new java.util.concurrent.CountDownLatch(DESKTOPS);
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> desktops = new java.util.ArrayList<>();
        for (int i = 0; i < DESKTOPS; i++) {
            Thread desktop = new Thread(() -> {
                try (Database database = open(direct(), false, Timeouts.DEFAULT)) {
                    start.await();
                    database.jdbi().useHandle(handle -> handle.execute("SELECT pg_sleep(0.2)"));
                    served.incrementAndGet();
                    tried.countDown();
                    tried.await();
                } catch (Exception error) {
                    refused.incrementAndGet();
                    tried.countDown();
                }
            });
            desktop.start();
            desktops.add(desktop);
        }
        start.countDown();
        for (Thread desktop : desktops) {
            desktop.join();
        }

        assertThat(served.get()).isPositive();
        assertThat(refused.get()).as("desktops refused of %d", DESKTOPS).isPositive();
    }
}
