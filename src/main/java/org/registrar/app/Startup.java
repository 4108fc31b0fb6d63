package org.registrar.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.Database;
import org.registrar.db.DemoData;
import org.registrar.db.EmbeddedServer;
import org.registrar.db.EmbeddedSetup;
import org.registrar.db.Migrations;
import org.registrar.db.Privileges;
import org.registrar.db.PrivilegesRepository;
import org.registrar.db.ServerAddress;
import org.registrar.db.ServerInUseException;
import org.registrar.db.StartLock;
import org.registrar.db.StartPhases;
import org.registrar.i18n.Messages;
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
            progress.accept(connecting(profile));
            Database database = Database.open(profile, profile.url(), password, new QueryMetrics(), new PoolMetrics());
            String version = Messages.text("start.schema-unchecked");
            try {
                // the pool opens no connection until asked: connect first, so a server that is not there is
                // reported as such at once, not after the schema check's start-up (Flyway) under its words
                database.connect();
                if (migrateServer) {
                    progress.accept(Messages.text("start.checking-schema"));
                    version = database.migrate();
                }
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
            return finish(null, database, profile.url(), version, null, progress, dataHome);
        }
        try (StartLock lock = StartLock.acquire(dataHome, progress)) {
            return openEmbedded(profile, dataHome, demoStudents, progress);
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("start.embedded-failed", String.valueOf(e.getMessage())), e);
        }
    }

    /** "Connecting to db.school.org port 5432 as ana…". */
    static String connecting(ConnectionProfile profile) {
        try {
            ServerAddress address = ServerAddress.of(profile.url());
            String port = String.valueOf(address.port());
            return profile.user() == null
                    ? Messages.text("start.connecting-port", address.host(), port)
                    : Messages.text("start.connecting-port-user", address.host(), port, profile.user());
        } catch (IllegalArgumentException unreadable) {
            return Messages.text("start.connecting", profile.describe());
        }
    }

    /**
     * Under the start lock: starts the server (or joins the one another window of this user started), sets it up as
     * the superuser (database, schema, desktop login, demo data) and opens the pool as the desktop login, a member
     * of registrar_admin: everyday work never runs as a superuser.
     */
    private static AppContext openEmbedded(
            ConnectionProfile profile, Path dataHome, int demoStudents, Consumer<String> progress) throws IOException {
        StartPhases phases = StartPhases.process();
        warmUpBeside();
        EmbeddedServer server = phases.time("server start", () -> startOrAttach(dataHome.resolve("pgdata"), progress));
        CompletableFuture<Database> opening = null;
        try {
            String url = server.jdbcUrl(EMBEDDED_DATABASE);
            EmbeddedServer.Login login = server.desktopLogin();
            ConnectionProfile desktop =
                    new ConnectionProfile(null, login.user(), profile.sslMode(), null, false, profile.poolSize());
            opening = openPoolBeside(desktop, url, login.password());
            String version = Messages.text("start.schema-unchecked");
            if (server.owned()) {
                phases.time("database exists", () -> {
                    EmbeddedSetup.createDatabaseIfMissing(server, EMBEDDED_DATABASE);
                    return null;
                });
                progress.accept(Messages.text("start.checking-schema"));
                version = phases.time(
                        "schema (Flyway)",
                        () -> Migrations.apply(server.dataSource(EMBEDDED_DATABASE, server.superuser())));
                phases.time("desktop login", () -> {
                    EmbeddedSetup.ensureDesktopLogin(server, EMBEDDED_DATABASE);
                    return null;
                });
            }
            Database database = opened(opening);
            opening = null; // taken: closed below on failure
            DemoData.Summary loaded = null;
            try {
                if (server.owned()) {
                    loaded = phases.time(
                            "demo data check", () -> loadDemoIfEmpty(server, database, demoStudents, progress));
                } else {
                    version = Migrations.currentVersion(database.dataSource());
                }
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
            return finish(server, database, url, version, loaded, progress, dataHome);
        } catch (RuntimeException e) {
            if (opening != null) {
                opening.thenAccept(Database::close); // opened beside a set-up that failed: no pool left behind
            }
            server.close(); // never leave a postgres process behind
            throw e;
        }
    }

    /**
     * The desktop's pool opens no connection (ADR 0058): it is opened, and the start's first statements parsed into its
     * Jdbi, on a thread of its own while the superuser checks the database, the schema and the desktop login, instead
     * of after them (its classes, Hikari's and Jdbi's, loaded in 0.2 s of a second start; the first statement's
     * parsing was part of the demo data check).
     */
    private static CompletableFuture<Database> openPoolBeside(ConnectionProfile desktop, String url, String password) {
        CompletableFuture<Database> opening = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        opening.complete(StartPhases.process().time("pool opened (beside the set-up)", () -> {
                            Database database =
                                    Database.open(desktop, url, password, new QueryMetrics(), new PoolMetrics());
                            database.parseAhead(DemoData.IS_EMPTY, PrivilegesRepository.SQL);
                            return database;
                        }));
                    } catch (Throwable error) {
                        opening.completeExceptionally(error);
                    }
                },
                "registrar-pool-opening");
        thread.setDaemon(true);
        thread.start();
        return opening;
    }

    /**
     * The pool's classes and Jdbi's parser loaded while the server starts (the start's thread waits on pg_ctl): the
     * pool opened after it then opens within the superuser's set-up (ADR 0058).
     */
    private static void warmUpBeside() {
        Thread thread = new Thread(
                () -> {
                    try {
                        StartPhases.process().time("pool classes loaded (beside the server start)", () -> {
                            Database.warmUp(DemoData.IS_EMPTY, PrivilegesRepository.SQL);
                            return null;
                        });
                    } catch (RuntimeException | LinkageError e) {
                        // a warm-up only: the pool's opening loads them itself
                    }
                },
                "registrar-pool-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static Database opened(CompletableFuture<Database> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static EmbeddedServer startOrAttach(Path dataDirectory, Consumer<String> progress) throws IOException {
        try {
            return EmbeddedServer.startDurable(dataDirectory, progress);
        } catch (ServerInUseException inUse) {
            progress.accept(Messages.text("start.joining"));
            return EmbeddedServer.attach(dataDirectory);
        }
    }

    /**
     * Demo data goes in as the superuser: the load drops and restores indexes and switches triggers off, which only
     * the tables' owner may. Its statements are counted like the app's own.
     */
    private static DemoData.Summary loadDemoIfEmpty(
            EmbeddedServer server, Database database, int demoStudents, Consumer<String> progress) {
        // asked through the desktop's pool, whose first connection the window needs anyway: a superuser login of
        // its own (SCRAM, a new session) only when there is demo data to load
        if (!DemoData.isEmpty(database.jdbi())) {
            return null;
        }
        Jdbi setup = Jdbi.create(server.dataSource(EMBEDDED_DATABASE, server.superuser()))
                .installPlugin(new PostgresPlugin());
        setup.setSqlLogger(database.queryMetrics());
        progress.accept(Messages.text("start.generating-demo", demoStudents));
        try (var scope = database.queryMetrics().begin("Load demo data")) {
            return DemoData.load(setup, demoStudents);
        }
    }

    private static AppContext finish(
            EmbeddedServer server,
            Database database,
            String url,
            String version,
            DemoData.Summary loaded,
            Consumer<String> progress,
            Path dataHome) {
        try {
            // the pool's first connection (login) and the first query
            Privileges privileges = StartPhases.process()
                    .time("pool and privileges", () -> new PrivilegesRepository(database.jdbi()).load());
            AppContext context = new AppContext(server, database, url, version, loaded, dataHome, privileges);
            context.monitor().reportSuccess();
            return context;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }
}
