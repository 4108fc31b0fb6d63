package org.registrar.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.registrar.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's data folder as the app sees it: whether its initialisation finished (a marker written
 * only after the first successful start), the port it used last, and setting aside a folder whose first start was
 * cut short. Blocking file I/O; thread-safe.
 */
final class DataFolder {
    private static final Logger LOG = LoggerFactory.getLogger(DataFolder.class);
    /** The port this data folder used last, reused when free so a desktop keeps its port. */
    static final String PORT_FILE = "registrar-port";
    /** Written after the first start succeeded: initdb, passwords and the server's start all done. */
    static final String INITIALISED = "registrar-initialised";
    /** Written by PostgreSQL at every server start (its command line). */
    static final String POSTMASTER_OPTS = "postmaster.opts";
    /** A port is at most 5 digits; anything longer is not a port (and is not read further). */
    private static final int MAX_PORT_FILE_BYTES = 16;
    /** Ports below 1024 need privileges the app does not have. */
    private static final int LOWEST_PORT = 1024;

    private static final int HIGHEST_PORT = 65_535;

    private DataFolder() {}

    enum State {
        /** Missing or empty: the next start initialises it. */
        NEW,
        /** Started before (by this version, or by an earlier one: its port file or postmaster.opts is there). */
        INITIALISED,
        /** Something is there but the first start never finished (initdb or the first start was killed). */
        INCOMPLETE
    }

    static State state(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return State.NEW;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isEmpty()) {
                return State.NEW;
            }
        }
        if (Files.exists(directory.resolve(INITIALISED))) {
            return State.INITIALISED;
        }
        // earlier versions wrote no marker, and the port file only after a successful start (a failed write only
        // logged); PostgreSQL itself writes postmaster.opts at every start, so either proves a server ran here
        boolean earlierVersionStarted =
                (Files.exists(directory.resolve(PORT_FILE)) || Files.exists(directory.resolve(POSTMASTER_OPTS)))
                        && Files.exists(directory.resolve("PG_VERSION"))
                        && Files.exists(directory.resolve("global").resolve("pg_control"));
        return earlierVersionStarted ? State.INITIALISED : State.INCOMPLETE;
    }

    /**
     * Makes {@code directory} ready for a start: a folder whose first start was cut short is moved aside (never
     * deleted: it might hold something) so that a new one is initialised. Creates it private when missing.
     */
    static void prepare(Path directory, Consumer<String> progress) throws IOException {
        if (state(directory) == State.INCOMPLETE) {
            Path aside = directory.resolveSibling(directory.getFileName() + ".incomplete-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            LOG.warn("The first start in {} did not finish (no {}): moving it to {}", directory, INITIALISED, aside);
            Files.move(directory, aside);
            String step = Messages.text("messages.dataFolder.cutShort", String.valueOf(aside));
            LOG.info("{}", step);
            progress.accept(step);
        }
        PrivateFolder.ensure(directory);
    }

    static void markInitialised(Path directory) throws IOException {
        if (!Files.exists(directory.resolve(INITIALISED))) {
            PrivateFolder.writeFile(
                    directory.resolve(INITIALISED),
                    "PostgreSQL was initialised and started here\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The port remembered in {@link #PORT_FILE} while it is valid and free, so a desktop keeps its port; else a free one. */
    static int choosePort(Path directory) throws IOException {
        OptionalInt remembered = rememberedPort(directory);
        if (remembered.isPresent() && isFree(remembered.getAsInt())) {
            LOG.info("Using port {} remembered in {}", remembered.getAsInt(), PORT_FILE);
            return remembered.getAsInt();
        }
        remembered.ifPresent(port -> LOG.info("Remembered port {} is taken", port));
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LOG.info("Using free port {}", socket.getLocalPort());
            return socket.getLocalPort();
        }
    }

    /** The port in the port file when it holds one (at most 16 bytes read; a regular file only), else empty. */
    static OptionalInt rememberedPort(Path directory) {
        Path file = directory.resolve(PORT_FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            LOG.info("No port remembered in {}", directory);
            return OptionalInt.empty();
        }
        try {
            // a file over the bound is refused unread (LocalFiles.Unreadable, logged below as unreadable)
            Optional<Integer> port = parsePort(LocalFiles.readText(file, MAX_PORT_FILE_BYTES, LinkOption.NOFOLLOW_LINKS)
                    .trim());
            if (port.isEmpty()) {
                LOG.warn("{} holds no port between {} and {}: ignoring it", file, LOWEST_PORT, HIGHEST_PORT);
                return OptionalInt.empty();
            }
            return OptionalInt.of(port.get());
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", file, e.toString());
            return OptionalInt.empty();
        }
    }

    static void rememberPort(Path directory, int port) {
        try {
            PrivateFolder.writeFile(
                    directory.resolve(PORT_FILE), (port + System.lineSeparator()).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.warn("Could not remember port {} in {}", port, directory, e);
        }
    }

    private static Optional<Integer> parsePort(String text) {
        if (!text.matches("[0-9]{1,5}")) {
            return Optional.empty();
        }
        int port = Integer.parseInt(text);
        return port >= LOWEST_PORT && port <= HIGHEST_PORT ? Optional.of(port) : Optional.empty();
    }

    /** Free on the one address the server listens on ({@link EmbeddedServer#LOOPBACK}). */
    private static boolean isFree(int port) {
        try {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(EmbeddedServer.LOOPBACK), port));
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
