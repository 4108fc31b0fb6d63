package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, "Remember the password": the keychain through java-keyring against a real Secret Service
 * (gnome-keyring-daemon in a D-Bus session of its own, started for the test; skipped with the reason where this
 * machine has neither), and for real without one: the reason is given and nothing is kept anywhere.
 */
class KeychainTest {
    private static final String SERVICE =
            "Registrar-test-" + ProcessHandle.current().pid();

    @TempDir
    Path folder;

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static void assumeSecretService() {
        assumeTrue(
                onPath("dbus-run-session") && onPath("gnome-keyring-daemon"),
                "no Secret Service can be started here: dbus-run-session (Debian: dbus-bin) and gnome-keyring-daemon"
                        + " (gnome-keyring) are needed; .ci/run installs them");
    }

    private List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dregistrar.logDir=" + folder.resolve("logs"),
                "-cp",
                System.getProperty("java.class.path"),
                KeychainChild.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** The child inside a D-Bus session with an unlocked keyring of its own (its files in a scratch home). */
    private List<String> withSecretService(String... args) {
        String java =
                String.join(" ", java(args).stream().map(KeychainTest::quoted).toList());
        return List.of(
                "dbus-run-session",
                "--",
                "sh",
                "-c",
                "printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec " + java);
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private List<String> run(List<String> command, boolean secretService) throws IOException, InterruptedException {
        Path output = folder.resolve("child.txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("DBUS_SESSION_BUS_ADDRESS");
        Path runtime = Files.createDirectories(folder.resolve("runtime"));
        environment.put("XDG_RUNTIME_DIR", runtime.toString()); // no $XDG_RUNTIME_DIR/bus of the real session
        environment.put("HOME", Files.createDirectories(folder.resolve("home")).toString());
        environment.put("XDG_DATA_HOME", folder.resolve("home/.local/share").toString());
        Process child = builder.start();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the child did not end: " + Files.readString(output));
        }
        List<String> lines = Files.readAllLines(output).stream()
                .filter(line -> !line.matches("^\\d\\d:\\d\\d:\\d\\d.*"))
                .toList();
        assertThat(lines).as(Files.readString(output)).contains("DONE");
        return lines;
    }

    @Test
    void storesReadsReplacesAndForgetsInARealSecretService() throws Exception {
        assumeSecretService();

        List<String> lines = run(withSecretService("store-and-forget", SERVICE), true);

        assertThat(lines)
                .containsSubsequence(
                        "unavailable: -",
                        "before: false",
                        "read: Pässword 1",
                        "replaced: Pässword 2",
                        "forgot: true",
                        "after: false",
                        "forgot again: false",
                        "DONE");
    }

    @Test
    void withoutAKeychainTheReasonIsGivenAndNothingIsKept() throws Exception {
        List<String> lines = run(java("none", SERVICE), false);

        assertThat(lines)
                .containsSubsequence(
                        "unavailable: No keychain is running in this session (Registrar needs a Secret Service such as"
                                + " GNOME Keyring or KWallet), so the password cannot be remembered.",
                        "read: false",
                        "refused: No keychain is running in this session (Registrar needs a Secret Service such as"
                                + " GNOME Keyring or KWallet), so the password cannot be remembered.",
                        "forgot: false",
                        "DONE");
        try (var files = Files.walk(folder.resolve("home"))) {
            assertThat(files.filter(Files::isRegularFile).toList())
                    .as("nothing kept in a file")
                    .isEmpty();
        }
    }

    @Test
    void aRememberedPasswordTheServerRefusesIsForgottenAndATypedOneKeptOnceItWorks() throws Exception {
        assumeSecretService();
        String password = "Right-" + System.nanoTime();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            try (Connection connection = server.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SET password_encryption = 'scram-sha-256'");
                statement.execute("CREATE ROLE ana LOGIN PASSWORD '" + password + "'");
                var hba = statement.executeQuery("SHOW hba_file");
                hba.next();
                Files.writeString(
                        Path.of(hba.getString(1)),
                        "local all all trust\nhost all postgres 127.0.0.1/32 trust\n"
                                + "host all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n");
                statement.execute("SELECT pg_reload_conf()");
            }

            List<String> lines = run(
                    withSecretService(
                            "login",
                            SERVICE,
                            "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres",
                            "ana",
                            password,
                            "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres"),
                    true);

            assertThat(lines)
                    .containsSubsequence(
                            "unavailable: -",
                            "refused: LOGIN",
                            "after refusal: false",
                            "typed: ok 1",
                            "kept: true",
                            "away: UNAVAILABLE",
                            "after away: true",
                            "DONE");
        }
    }
}
