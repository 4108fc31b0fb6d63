package org.registrar.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PgBouncer (Debian package {@code pgbouncer}, installed by .ci/run) in transaction mode in front of a
 * PostgreSQL server, for tests and the scale-out bench. PgBouncer refuses to run as root, so as root it is told
 * to switch to the {@code postgres} user the package creates.
 */
public final class PgBouncerProcess implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

    private final Process process;
    private final int port;
    private final Path folder;

    private PgBouncerProcess(Process process, int port, Path folder) {
        this.process = process;
        this.port = port;
        this.folder = folder;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Starts PgBouncer on a free loopback port, forwarding every database to {@code serverPort}.
     *
     * @param serverPoolSize server connections PgBouncer keeps per database and user
     */
    public static PgBouncerProcess start(int serverPort, int serverPoolSize, int maxClients) throws IOException {
        Path folder = Files.createTempDirectory("pgbouncer");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port = freePort();
        Files.writeString(folder.resolve("userlist.txt"), "\"postgres\" \"\"\n");
        Files.writeString(
                folder.resolve("pgbouncer.ini"),
                String.join(
                        "\n",
                        List.of(
                                "[databases]",
                                "* = host=127.0.0.1 port=" + serverPort,
                                "[pgbouncer]",
                                "listen_addr = 127.0.0.1",
                                "listen_port = " + port,
                                "unix_socket_dir =",
                                "auth_type = trust",
                                "auth_file = " + folder.resolve("userlist.txt"),
                                "pool_mode = transaction",
                                "default_pool_size = " + serverPoolSize,
                                "max_client_conn = " + maxClients,
                                "ignore_startup_parameters = extra_float_digits",
                                "logfile = " + folder.resolve("pgbouncer.log"),
                                "pidfile = " + folder.resolve("pgbouncer.pid"),
                                "")));
        List<String> command = new ArrayList<>(List.of(BINARY.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "postgres"));
        }
        command.add(folder.resolve("pgbouncer.ini").toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("stdout.log").toFile())
                .start();
        PgBouncerProcess bouncer = new PgBouncerProcess(process, port, folder);
        bouncer.awaitListening(Duration.ofSeconds(10));
        return bouncer;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** PgBouncer's own log, for failure messages. */
    public String log() throws IOException {
        Path log = folder.resolve("pgbouncer.log");
        return Files.exists(log) ? Files.readString(log) : Files.readString(folder.resolve("stdout.log"));
    }

    private void awaitListening(Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("PgBouncer exited: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IOException("PgBouncer did not listen within " + wait.toSeconds() + " s: " + log());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
