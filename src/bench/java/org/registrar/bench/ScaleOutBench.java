package org.registrar.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.Database;
import org.registrar.db.DemoData;
import org.registrar.db.Migrations;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;

/**
 * Past one server's connection limit: 300 desktops, each with its own pool of 2, run the mixed load against a
 * server whose max_connections is 40, once through a real PgBouncer in transaction mode and once straight at the
 * server, in the same run. Uses a server of its own (the limit is part of the experiment).
 */
public final class ScaleOutBench implements BenchScenario {
    static final int DESKTOPS = Integer.getInteger("registrar.bench.desktops", 300);
    static final int MAX_CONNECTIONS = 40;
    static final int BOUNCER_SERVER_POOL = 30;
    static final Duration RUN = Duration.ofSeconds(Long.getLong("registrar.bench.scaleSeconds", 30));

    @Override
    public String name() {
        return "pgbouncer";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        BenchResult result = new BenchResult(
                name(),
                "path",
                "desktops",
                "seconds",
                "operations",
                "ops_per_s",
                "errors",
                "peak_server_connections",
                "save_p95_ms",
                "browse_p95_ms",
                "mentors_p95_ms");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", String.valueOf(MAX_CONNECTIONS))
                .start()) {
            Migrations.apply(server.getPostgresDatabase());
            DemoData.load(Jdbi.create(server.getPostgresDatabase()), 20_000);
            String direct = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
            List<long[]> groups;
            try (Database one = open(direct, false)) {
                groups = DesktopMix.cohorts(one, 400);
            }
            try (PgBouncerProcess bouncer =
                    PgBouncerProcess.start(server.getPort(), BOUNCER_SERVER_POOL, DESKTOPS * 2 + 50)) {
                LoadRun.Outcome through = LoadRun.run(
                        DESKTOPS,
                        RUN,
                        i -> open(bouncer.jdbcUrl("postgres"), true),
                        DesktopMix.actions(groups),
                        server.getPostgresDatabase(),
                        7);
                row(result, "through PgBouncer (transaction mode, server pool " + BOUNCER_SERVER_POOL + ")", through);
                through.sampleErrors().forEach(error -> result.note("Through PgBouncer, sample error: " + error));
            }
            LoadRun.Outcome straight = LoadRun.run(
                    DESKTOPS,
                    RUN,
                    i -> open(direct, false),
                    DesktopMix.actions(groups),
                    server.getPostgresDatabase(),
                    7);
            row(result, "straight at the server", straight);
            straight.sampleErrors().forEach(error -> result.note("Straight, sample error: " + error));
        }
        return result.note(String.format(
                "Server max_connections = %d; each desktop a Registrar core with its own pool"
                        + " of 2 (PgBouncer switch on through PgBouncer), mix: browse 60 %%, mentors 25 %%, save 30 results 15 %%.",
                MAX_CONNECTIONS));
    }

    private static void row(BenchResult result, String path, LoadRun.Outcome outcome) {
        Map<String, double[]> p = outcome.percentilesByAction();
        result.row(
                path,
                outcome.desktops(),
                outcome.duration().toSeconds(),
                outcome.operations(),
                outcome.throughputPerSecond(),
                outcome.errors(),
                outcome.peakServerConnections(),
                p.get(DesktopMix.SAVE)[2],
                p.get(DesktopMix.BROWSE)[2],
                p.get(DesktopMix.MENTORS)[2]);
    }

    private static Database open(String url, boolean pgBouncer) {
        ConnectionProfile profile =
                new ConnectionProfile(url, "postgres", ConnectionProfile.SslMode.DISABLE, null, pgBouncer, 2);
        return Database.open(profile, url, null, new QueryMetrics(), new PoolMetrics());
    }
}
