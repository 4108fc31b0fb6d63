package org.registrar.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.Database;
import org.registrar.db.DemoData;
import org.registrar.db.EmbeddedServer;
import org.registrar.db.EmbeddedSetup;
import org.registrar.db.Migrations;
import org.registrar.metrics.OperationScope;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;

/**
 * The server a bench run measures, and how to open pools on it: a fresh durable embedded server (fsync and
 * synchronous_commit on) with the schema and the demo data, used as its superuser because scenarios create and
 * drop their own tables; or a configured server, migrated, used as the given login. Not thread-safe.
 */
final class BenchServer implements AutoCloseable {
    static final String DATABASE = "registrar";

    private final EmbeddedServer embedded;
    private final ConnectionProfile profile;
    private final String url;
    private final String password;
    private final Database main;
    private final ServerStatements serverStatements;

    private BenchServer(EmbeddedServer embedded, ConnectionProfile profile, String url, String password) {
        this.embedded = embedded;
        this.profile = profile;
        this.url = url;
        this.password = password;
        this.main = open(profile.poolSize());
        this.serverStatements = ServerStatements.on(main.jdbi());
    }

    /**
     * Starts an embedded server in {@code scratch}, with pg_stat_statements counting every statement it runs, and
     * loads {@code students} demo students (none when 0: the chosen scenarios make their own). Blocking.
     */
    static BenchServer embedded(Path scratch, int poolSize, int students, Consumer<String> progress)
            throws IOException {
        EmbeddedServer server = countingStatements(scratch.resolve("pgdata"), progress);
        try {
            EmbeddedSetup.createDatabaseIfMissing(server, DATABASE);
            progress.accept("Creating the schema…");
            Migrations.apply(server.dataSource(DATABASE, server.superuser()));
            EmbeddedServer.Login login = server.superuser();
            ConnectionProfile embedded = ConnectionProfile.embedded();
            ConnectionProfile profile = new ConnectionProfile(
                    embedded.url(), login.user(), embedded.sslMode(), null, false, poolSize);
            BenchServer bench = new BenchServer(server, profile, server.jdbcUrl(DATABASE), login.password());
            if (students > 0) {
                progress.accept(String.format("Generating demo data (%,d students)…", students));
                try (OperationScope scope = bench.main.queryMetrics().begin("Load demo data")) {
                    DemoData.load(bench.main.jdbi(), students);
                }
            }
            return bench;
        } catch (RuntimeException e) {
            server.close(); // never leave a postgres process behind
            throw e;
        }
    }

    /**
     * The app's durable server, started once to set {@link ServerStatements#SETTINGS} (ALTER SYSTEM: the app's start
     * takes no extra settings, and a preloaded library needs a start) and started again with them.
     */
    private static EmbeddedServer countingStatements(Path data, Consumer<String> progress) throws IOException {
        EmbeddedServer first = EmbeddedServer.startDurable(data, progress);
        try (first) {
            Jdbi.create(first.dataSource("postgres", first.superuser())).useHandle(handle -> {
                for (Map.Entry<String, String> setting : ServerStatements.SETTINGS.entrySet()) {
                    // a setting's name cannot be bound; these are constants of the bench, never user text
                    handle.execute("ALTER SYSTEM SET " + setting.getKey() + " = '" + setting.getValue() + "'");
                }
            });
        }
        progress.accept("Restarting PostgreSQL with pg_stat_statements…");
        return EmbeddedServer.startDurable(data, progress);
    }

    /** Connects to a configured server and brings its schema up to date. Blocking. */
    static BenchServer configured(ConnectionProfile profile, String password, Consumer<String> progress) {
        progress.accept("Connecting to " + profile.describe() + "…");
        BenchServer bench = new BenchServer(null, profile, profile.url(), password);
        try {
            bench.main.migrate();
        } catch (RuntimeException e) {
            bench.close();
            throw e;
        }
        return bench;
    }

    /** What the scenarios get: the main pool, a way to open more, the demo size and the login. */
    BenchContext context(int students, int repetitions, List<Integer> saveSizes) {
        return new BenchContext(
                main, this::open, students, repetitions, url, profile.user(), password, saveSizes, serverStatements);
    }

    private Database open(int poolSize) {
        return Database.open(profile.withPoolSize(poolSize), url, password, new QueryMetrics(), new PoolMetrics());
    }

    @Override
    public void close() {
        try {
            main.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
