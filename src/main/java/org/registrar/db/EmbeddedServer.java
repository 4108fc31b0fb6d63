package org.registrar.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the app runs for itself when no connection is configured. It holds the user's real data
 * in a folder of the user data directory, so it is durable (fsync, synchronous_commit and full_page_writes on)
 * and keeps its data and, when free, its port across restarts.
 *
 * <p>Starting recovers from a previous session that died hard: a postgres left running by a killed JVM is
 * stopped cleanly first ({@code pg_ctl stop -m fast}), and a {@code postmaster.pid} left by a power loss is
 * removed. A folder still in use by another running app is refused, never taken over.
 *
 * <p>{@link #startDurable}, {@link #serverSetting} and {@link #close} block (a start takes seconds, a stop up to
 * a minute): never call them on the FX Application Thread. Thread-safe: an instance is immutable apart from
 * {@link #close()}, which is idempotent. At most one instance per data folder.
 */
public final class EmbeddedServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final String SUPERUSER = "postgres";
    /** The port this data folder used last, reused when free so a desktop keeps its port. */
    static final String PORT_FILE = "registrar-port";

    static final String PID_FILE = "postmaster.pid";
    /** The file zonky locks while its server runs; the OS drops the lock when that JVM dies. */
    static final String ZONKY_LOCK_FILE = "epg-lock";
    /** Crash recovery after a power loss replays WAL, so allow more than zonky's 10 s. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final Set<Path> RUNNING_HERE = ConcurrentHashMap.newKeySet();

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the durable server for real data in {@code dataDirectory} (created and initialised on first use),
     * after stopping any server a previous session left running there. {@code progress} receives human-readable
     * steps on the calling thread. Blocking.
     *
     * @throws IOException if the folder is in use by another running app, or the server cannot be started
     */
    public static EmbeddedServer startDurable(Path dataDirectory, Consumer<String> progress) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        if (!RUNNING_HERE.add(directory)) {
            throw new IOException("An embedded server already runs on " + directory + " in this application");
        }
        try {
            report(progress, "Checking for a previous server…");
            Files.createDirectories(directory);
            requireNoOtherOwner(directory);
            clearPreviousServer(directory, progress);
            int port = choosePort(directory);
            report(progress, "Starting PostgreSQL…");
            EmbeddedServer server = new EmbeddedServer(launch(directory, port), directory);
            server.requireDurable();
            rememberPort(directory, port);
            report(progress, "PostgreSQL is ready on port " + port);
            return server;
        } catch (IOException | RuntimeException e) {
            RUNNING_HERE.remove(directory);
            throw e;
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** {@code jdbc:postgresql://localhost:<port>/<database>}; connect as {@link #user()}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The superuser, {@code postgres}; the server trusts local connections, so no password. */
    public String user() {
        return SUPERUSER;
    }

    /** An unpooled superuser data source to the {@code postgres} database, e.g. for {@code CREATE DATABASE}. */
    public DataSource postgresDatabase() {
        return postgres.getPostgresDatabase();
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

    /** Stops the server (fast shutdown: open transactions roll back) and waits for it to exit. Blocking. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Optional<ProcessHandle> postmaster = postmasterPid(dataDirectory).flatMap(ProcessHandle::of);
        LOG.info("Stopping PostgreSQL on port {} (fast shutdown)", port());
        try {
            postgres.close();
            if (postmaster.isPresent()) {
                awaitStop(postmaster.get(), dataDirectory);
            }
        } catch (IOException e) {
            LOG.error("Could not stop PostgreSQL in {}", dataDirectory, e);
        } finally {
            RUNNING_HERE.remove(dataDirectory);
        }
        LOG.info("PostgreSQL stopped; data kept in {}", dataDirectory);
    }

    private static EmbeddedPostgres launch(Path directory, int port) throws IOException {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    // bulk loads (the first start's demo data) without a checkpoint every 1 GB of WAL; durability is
                    // unchanged (every commit is still flushed), only crash recovery may replay more WAL
                    .setServerConfig("max_wal_size", "4GB")
                    .start();
        } catch (RuntimeException e) {
            throw new IOException("Could not start PostgreSQL in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Zonky passes {@code -F} (fsync off) before our settings; prove ours won before real data goes in. */
    private void requireDurable() throws IOException {
        try {
            String durability = String.join(
                    " ",
                    serverSetting("fsync"),
                    serverSetting("synchronous_commit"),
                    serverSetting("full_page_writes"));
            LOG.info("PostgreSQL fsync, synchronous_commit, full_page_writes: {}", durability);
            if (!durability.equals("on on on")) {
                throw new IOException("PostgreSQL started without full durability (" + durability + ")");
            }
        } catch (SQLException | IOException e) {
            close();
            throw e instanceof IOException io ? io : new IOException("Could not read PostgreSQL settings", e);
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
                throw new IOException("The data folder " + directory + " is in use by another running Registrar");
            }
            LOG.info("{} is left from an earlier session and nobody holds it", lockFile);
        } catch (OverlappingFileLockException e) {
            throw new IOException("The data folder " + directory + " is in use in this application", e);
        }
    }

    private static void clearPreviousServer(Path directory, Consumer<String> progress) throws IOException {
        Path pidFile = directory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            LOG.info("No {} in {}: the previous server stopped cleanly, or none ran", PID_FILE, directory);
            return;
        }
        Optional<Long> pid = postmasterPid(directory);
        Optional<ProcessHandle> orphan = pid.flatMap(ProcessHandle::of).filter(p -> isPostgresOn(p, directory));
        if (orphan.isPresent()) {
            report(progress, "Stopping the server a previous session left running…");
            stopOrphan(orphan.get(), directory);
        } else {
            LOG.warn(
                    "Stale {} (PID {} is no postgres serving {}), left by a crash: removing it",
                    PID_FILE,
                    pid.map(String::valueOf).orElse("unreadable"),
                    directory);
            Files.deleteIfExists(pidFile);
        }
    }

    /** Line 1 of postmaster.pid is the PID, line 4 the port (PostgreSQL docs, "Database File Layout"). */
    private static Optional<Long> postmasterPid(Path directory) {
        try {
            List<String> lines = Files.readAllLines(directory.resolve(PID_FILE), StandardCharsets.UTF_8);
            String port = lines.size() > 3 ? lines.get(3).trim() : "?";
            long pid = Long.parseLong(lines.get(0).trim());
            LOG.info("{} names PID {} on port {}", PID_FILE, pid, port);
            return Optional.of(pid);
        } catch (IOException | RuntimeException e) {
            LOG.info("No readable PID in {} of {}: {}", PID_FILE, directory, e.toString());
            return Optional.empty();
        }
    }

    /** Whether the PID from postmaster.pid still runs a postgres, and on this folder: PIDs get reused. */
    private static boolean isPostgresOn(ProcessHandle process, Path directory) {
        String name = commandName(process);
        boolean ours =
                isRunning(process) && name.matches("postgres(\\.exe)?( \\(deleted\\))?") && runsIn(process, directory);
        LOG.info("PID {} ('{}') {} our server", process.pid(), name, ours ? "is" : "is not");
        return ours;
    }

    /** PostgreSQL chdirs to its data folder; where /proc cannot tell, trust postmaster.pid. */
    private static boolean runsIn(ProcessHandle process, Path directory) {
        try {
            return Files.isSameFile(Path.of("/proc", Long.toString(process.pid()), "cwd"), directory);
        } catch (IOException e) {
            return true;
        }
    }

    /** The executable's file name; " (deleted)" is appended when a tmp cleaner removed zonky's binaries. */
    private static String commandName(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> Path.of(command).getFileName().toString())
                .orElse("");
    }

    private static void stopOrphan(ProcessHandle orphan, Path directory) throws IOException {
        LOG.warn("PostgreSQL PID {} from a previous session still runs on {}: stopping it", orphan.pid(), directory);
        String pgCtlName = commandName(orphan).equals("postgres.exe") ? "pg_ctl.exe" : "pg_ctl";
        Optional<Path> pgCtl = orphan.info()
                .command()
                .map(postgres -> Path.of(postgres).resolveSibling(pgCtlName))
                .filter(Files::isExecutable);
        if (pgCtl.isEmpty() || !pgCtlStop(pgCtl.get(), directory)) {
            LOG.warn("pg_ctl unavailable or failed; asking PID {} to stop with SIGTERM", orphan.pid());
            orphan.destroy();
        }
        awaitStop(orphan, directory);
        LOG.info("Stopped PostgreSQL PID {} left by a previous session", orphan.pid());
    }

    /** Runs the orphan's own pg_ctl; as root through {@code unshare -U}, exactly as zonky started it. */
    private static boolean pgCtlStop(Path pgCtl, Path directory) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                pgCtl.toString(),
                "stop",
                "-D",
                directory.toString(),
                "-m",
                "fast",
                "-w",
                "-t",
                Long.toString(STOP_WAIT.toSeconds())));
        LOG.info("Running {}", String.join(" ", command));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int exitCode = process.onExit().join().exitValue(); // its output ended, so it has exited
        LOG.info("pg_ctl stop exited with {}: {}", exitCode, output);
        return exitCode == 0;
    }

    /** Stopped means the postmaster removed its pid file and exited (a reaped-late zombie counts as exited). */
    private static void awaitStop(ProcessHandle process, Path directory) throws IOException {
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (isRunning(process) || Files.exists(directory.resolve(PID_FILE))) {
            if (!isRunning(process)) {
                LOG.warn("PID {} exited without removing {}: removing it", process.pid(), PID_FILE);
                Files.deleteIfExists(directory.resolve(PID_FILE));
            } else if (System.nanoTime() > deadline) {
                throw new IOException("PostgreSQL (PID " + process.pid() + ") on " + directory + " did not stop within "
                        + STOP_WAIT.toSeconds() + " s; stop it and try again");
            }
            pause();
        }
    }

    private static boolean isRunning(ProcessHandle process) {
        return process.isAlive() && process.info().command().isPresent();
    }

    /** The port remembered in {@link #PORT_FILE} while it is free, so a desktop keeps its port; else a free one. */
    private static int choosePort(Path directory) throws IOException {
        try {
            int remembered = Integer.parseInt(
                    Files.readString(directory.resolve(PORT_FILE)).trim());
            if (isFree(remembered)) {
                LOG.info("Using port {} remembered in {}", remembered, PORT_FILE);
                return remembered;
            }
            LOG.info("Remembered port {} is taken", remembered);
        } catch (IOException | NumberFormatException e) {
            LOG.info("No port remembered in {}", directory);
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LOG.info("Using free port {}", socket.getLocalPort());
            return socket.getLocalPort();
        }
    }

    private static void rememberPort(Path directory, int port) {
        try {
            Files.writeString(directory.resolve(PORT_FILE), port + System.lineSeparator());
        } catch (IOException e) {
            LOG.warn("Could not remember port {} in {}", port, directory, e);
        }
    }

    /** Free on every address "localhost" names, as PostgreSQL listens on all of them. */
    private static boolean isFree(int port) {
        try {
            for (InetAddress address : InetAddress.getAllByName("localhost")) {
                try (ServerSocket socket = new ServerSocket()) {
                    socket.bind(new InetSocketAddress(address, port));
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() throws InterruptedIOException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for PostgreSQL to stop");
        }
    }

    private static void report(Consumer<String> progress, String step) {
        LOG.info("{}", step);
        progress.accept(step);
    }
}
