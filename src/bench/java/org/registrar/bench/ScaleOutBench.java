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

    /** Its own server holds its own demo data ({@code --students} of them): the shared one need not load any. */
    @Override
    public boolean needsDemoSchool() {
        return false;
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        BenchResult result = new BenchResult(
                name(),
                "path",
                "students",
                "desktops",
                "seconds",
                "operations",
                "ops_per_s",
                "errors",
                "peak_server_connections",
                "save_p95_ms",
                "browse_p95_ms",
                "mentors_p95_ms");
        String durability;
        try (EmbeddedPostgres server = server()) {
            durability = DurableServer.require(server.getPostgresDatabase());
            Migrations.apply(server.getPostgresDatabase());
            long loadStart = System.nanoTime();
            DemoData.load(Jdbi.create(server.getPostgresDatabase()), context.students());
            result.note(String.format(
                    "Its own server: %,d demo students loaded in %.1f s.",
                    context.students(), Measurements.since(loadStart) / 1000));
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
                row(
                        result,
                        "through PgBouncer (transaction mode, server pool " + BOUNCER_SERVER_POOL + ")",
                        context.students(),
                        through);
                through.sampleErrors().forEach(error -> result.note("Through PgBouncer, sample error: " + error));
            }
            LoadRun.Outcome straight = LoadRun.run(
                    DESKTOPS,
                    RUN,
                    i -> open(direct, false),
                    DesktopMix.actions(groups),
                    server.getPostgresDatabase(),
                    7);
            row(result, "straight at the server", context.students(), straight);
            straight.sampleErrors().forEach(error -> result.note("Straight, sample error: " + error));
        }
        result.note("Server (read back before the runs): " + durability + ".");
        return result.note(String.format(
                "Server max_connections = %d; each desktop a Registrar core with its own pool"
                        + " of 2 (PgBouncer switch on through PgBouncer), mix: browse 60 %%, mentors 25 %%, save 30 results 15 %%.",
                MAX_CONNECTIONS));
    }

    /**
     * The experiment's server: durable, and allowing {@value #MAX_CONNECTIONS} connections; WAL may grow to 4 GB
     * between checkpoints as on the app's own server, so a load of 1,000,000 students does not checkpoint every 1 GB.
     */
    static EmbeddedPostgres server() throws java.io.IOException {
        return DurableServer.builder()
                .setServerConfig("max_connections", String.valueOf(MAX_CONNECTIONS))
                .setServerConfig("max_wal_size", "4GB")
                .start();
    }

    private static void row(BenchResult result, String path, int students, LoadRun.Outcome outcome) {
        Map<String, double[]> p = outcome.percentilesByAction();
        result.row(
                path,
                students,
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
