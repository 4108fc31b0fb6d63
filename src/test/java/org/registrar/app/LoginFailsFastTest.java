package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.DatabaseErrors;
import org.registrar.db.TcpProxy;

/**
 * Item 15 of "Shared PCs and hostile logins" (docs/reliability.md): a server that refuses a login at once (wrong
 * password, unknown user, unknown database, no password given) used to be reported after 12-13 s, and some in the
 * wrong words ("cannot be reached", "no connection became free"). Each is now reported as soon as the server
 * answers, in its own words, the same on the start-up path ({@link Startup#open}) and in {@code doctor}. "As soon
 * as the server answers" is checked as what the server sees, through a proxy that counts connections: at most
 * {@link #LOGINS_AT_MOST} connections (doctor's TCP step, one login), not the pool's retries with backoff until its
 * 5 s connection timeout, twice or more per start, that made the 12 s before.
 */
class LoginFailsFastTest {
    private static final String PASSWORD = "Right-" + System.nanoTime();
    private static final int LOGINS_AT_MOST = 2;

    private static EmbeddedPostgres server;

    @TempDir
    Path dataHome;

    @BeforeAll
    static void passwordCheckingServer() throws Exception {
        server = EmbeddedPostgres.builder().start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("CREATE ROLE ana LOGIN PASSWORD '" + PASSWORD + "'");
            var hba = statement.executeQuery("SHOW hba_file");
            hba.next();
            Files.writeString(
                    Path.of(hba.getString(1)),
                    String.join(
                            "\n",
                            "local all all trust",
                            "host all postgres 127.0.0.1/32 trust",
                            "host all postgres ::1/128 trust",
                            "host all all 127.0.0.1/32 scram-sha-256",
                            "host all all ::1/128 scram-sha-256",
                            ""));
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** The server, reached through a proxy that counts the connections opened to it. */
    private TcpProxy proxy;

    @BeforeEach
    void countingProxy() throws Exception {
        proxy = new TcpProxy(server.getPort());
    }

    @AfterEach
    void closeProxy() throws Exception {
        proxy.close();
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + proxy.port() + "/" + database;
    }

    private static ConnectionProfile profile(String url, String user) {
        return new ConnectionProfile(url, user, ConnectionProfile.SslMode.DISABLE, null, false, 2);
    }

    /** Starts as the window does; returns the start-up screen's sentence and checks the server was not asked again and again. */
    private String startUp(ConnectionProfile profile, String password) {
        List<String> reason = new ArrayList<>();
        assertThatThrownBy(() -> Startup.open(profile, password, dataHome, 600, step -> {}, false))
                .satisfies(error -> reason.add(DatabaseErrors.describeConnect(error)));
        assertThat(proxy.connections()).as("connections: " + reason.get(0)).isBetween(1, LOGINS_AT_MOST);
        return reason.get(0);
    }

    @Test
    void aWrongPasswordIsReportedAtOnce() {
        assertThat(startUp(profile(url("postgres"), "ana"), PASSWORD + "-wrong"))
                .startsWith("The server refused the password for this login");
    }

    @Test
    void anUnknownUserIsReportedAtOnce() {
        assertThat(startUp(profile(url("postgres"), "nobody_here"), PASSWORD))
                .startsWith("The server refused the password for this login: check the user name and password");
    }

    @Test
    void anUnknownDatabaseIsReportedAtOnce() {
        assertThat(startUp(profile(url("no_such_database"), "ana"), PASSWORD))
                .startsWith("The database named in the connection settings does not exist on the server");
    }

    @Test
    void noPasswordGivenIsReportedAsSuchAtOnce() {
        assertThat(startUp(profile(url("postgres"), "ana"), null))
                .startsWith("The server asks for a password for this login, but none was given");
    }

    private record Run(int exitCode, String output) {}

    private Run doctor(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            List<String> all = new ArrayList<>(List.of("doctor", "--data-home", dataHome.toString()));
            all.addAll(List.of(args));
            int exitCode = Launcher.commandLine().execute(all.toArray(String[]::new));
            return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void doctorWithoutAPasswordSaysSoAtOnceNotThatTheServerCannotBeReached() {
        Run run = doctor("--db-url", url("postgres"), "--db-user", "ana", "--ssl-mode", "disable");

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output())
                .contains("UNHEALTHY: The server asks for a password for ana, but none was given")
                .doesNotContain("cannot be reached")
                .doesNotContain("Exception");
        assertThat(proxy.connections()).as("connections: " + run.output()).isBetween(1, LOGINS_AT_MOST);
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersIsNamedSoNotABusyPool() throws Exception {
        // Written by the acceptor thread, read here in finally: a thread-safe list.
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept());
                    } catch (Exception closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "jdbc:postgresql://localhost:" + silent.getLocalPort() + "/registrar";

            Run run = doctor("--db-url", url, "--db-user", "ana", "--ssl-mode", "disable");

            assertThat(run.exitCode()).as(run.output()).isNotZero();
            assertThat(run.output())
                    .contains("UNHEALTHY: The server accepted the connection but did not answer the login in time")
                    .doesNotContain("no connection became free")
                    .doesNotContain("Exception");
            // The messages above tell a silent server from a busy pool; doctor waits for the login once (its login
            // timeout), not over and over for minutes
            assertThat(accepted.size()).as("connections: " + run.output()).isBetween(1, LOGINS_AT_MOST);
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
