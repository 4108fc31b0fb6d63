package org.registrar.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.Database;
import org.registrar.db.DemoData;
import org.registrar.db.EmbeddedServer;
import org.registrar.db.Privileges;
import org.registrar.db.PrivilegesRepository;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;

/**
 * Brings the app's data side up: the embedded server when no connection is configured, the pool, the schema,
 * the demo data on first start. Blocking: runs on a worker thread, reporting each step to {@code progress}.
 */
final class Startup {
    static final String EMBEDDED_DATABASE = "registrar";
    static final int DEFAULT_DEMO_STUDENTS = 20_000;

    private Startup() {}

    static AppContext open(
            ConnectionProfile profile, String password, Path dataHome, int demoStudents, Consumer<String> progress) {
        return open(profile, password, dataHome, demoStudents, progress, true);
    }

    /**
     * As above; with {@code migrateServer} false a configured server's schema is left as it is (the doctor
     * checks, it does not change). The embedded server is always migrated: it is this desktop's own.
     */
    static AppContext open(
            ConnectionProfile profile,
            String password,
            Path dataHome,
            int demoStudents,
            Consumer<String> progress,
            boolean migrateServer) {
        if (!profile.isEmbedded()) {
            progress.accept("Connecting to " + profile.describe() + "…");
            Database database = Database.open(profile, profile.url(), password, new QueryMetrics(), new PoolMetrics());
            return finish(null, database, profile.url(), migrateServer, false, demoStudents, progress, dataHome);
        }
        EmbeddedServer server = startEmbedded(dataHome, progress);
        try {
            String url = server.jdbcUrl(EMBEDDED_DATABASE);
            Database database = Database.open(profile, url, null, new QueryMetrics(), new PoolMetrics());
            return finish(server, database, url, true, true, demoStudents, progress, dataHome);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static EmbeddedServer startEmbedded(Path dataHome, Consumer<String> progress) {
        try {
            EmbeddedServer server = EmbeddedServer.startDurable(dataHome.resolve("pgdata"), progress);
            try {
                createDatabaseIfMissing(server);
            } catch (RuntimeException e) {
                server.close(); // never leave a postgres process behind
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded database: " + e.getMessage(), e);
        }
    }

    /** Provisioning, like an admin creating the database on a real server: before the pool exists. */
    private static void createDatabaseIfMissing(EmbeddedServer server) {
        try (Connection connection = server.postgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rows =
                    statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + EMBEDDED_DATABASE + "'")) {
                if (rows.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + EMBEDDED_DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the embedded database: " + e.getMessage(), e);
        }
    }

    private static AppContext finish(
            EmbeddedServer server,
            Database database,
            String url,
            boolean migrate,
            boolean loadDemo,
            int demoStudents,
            Consumer<String> progress,
            Path dataHome) {
        try {
            String version = "not checked";
            if (migrate) {
                progress.accept("Checking the schema…");
                version = database.migrate();
            }
            DemoData.Summary loaded = null;
            if (loadDemo && DemoData.isEmpty(database.jdbi())) {
                progress.accept(String.format("First start: generating demo data (%,d students)…", demoStudents));
                try (var scope = database.queryMetrics().begin("Load demo data")) {
                    loaded = DemoData.load(database.jdbi(), demoStudents);
                }
            }
            Privileges privileges = new PrivilegesRepository(database.jdbi()).load();
            AppContext context = new AppContext(server, database, url, version, loaded, dataHome, privileges);
            context.monitor().reportSuccess();
            return context;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }
}
