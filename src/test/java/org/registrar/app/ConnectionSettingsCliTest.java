package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.TestDatabases;

/**
 * Items 12 and 13 of "Shared PCs and hostile logins" (docs/reliability.md), on the command line: saved connection
 * settings that cannot be used end a command with one clear line and a non-zero exit, never a stack trace; a URL
 * holding a password is refused, and the password is printed and logged nowhere.
 */
class ConnectionSettingsCliTest {
    private static final String SECRET = "Sekr1t-" + System.nanoTime();

    @TempDir
    Path dataHome;

    private final Preferences saved =
            Preferences.userRoot().node(System.getProperty("registrar.prefsNode", "org/registrar-test/connection"));

    private record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @AfterEach
    void forgetSavedSettings() throws Exception {
        saved.clear();
        saved.flush();
    }

    private Run registrar(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            picocli.CommandLine commandLine = Launcher.commandLine();
            commandLine.setOut(new java.io.PrintWriter(capturedOut, true));
            commandLine.setErr(new java.io.PrintWriter(capturedErr, true));
            int exitCode = commandLine.execute(args);
            return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private void save(String url, String sslMode) throws Exception {
        saved.put("url", url);
        saved.put("user", "postgres");
        saved.put("sslMode", sslMode);
        saved.flush();
    }

    private static void assertOneClearLine(Run run, String problem) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(Launcher.BAD_SETTINGS);
        assertThat(run.err().strip().lines()).as(run.all()).hasSize(1);
        assertThat(run.err())
                .startsWith("registrar: The saved connection settings cannot be used: ")
                .contains(problem);
        assertThat(run.all()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aSavedUrlWithDriverOptionsEndsDoctorWithOneClearLine() throws Exception {
        save(TestDatabases.jdbcUrl("postgres") + "?sslmode=require", "disable");

        Run run = registrar("doctor", "--data-home", dataHome.toString());

        assertOneClearLine(run, "The database URL may not carry driver options");
    }

    @Test
    void aSavedBogusSslModeEndsDoctorWithOneClearLine() throws Exception {
        save(TestDatabases.jdbcUrl("postgres"), "bogus");

        Run run = registrar("doctor", "--data-home", dataHome.toString());

        assertOneClearLine(run, "The TLS mode (sslmode) “bogus” is not one of disable, allow, prefer");
    }

    @Test
    void aPasswordInTheUrlIsRefusedAndPrintedOrLoggedNowhere() throws Exception {
        String url = "jdbc:postgresql://postgres:" + SECRET + "@localhost:"
                + TestDatabases.server().getPort() + "/postgres";

        Run given = registrar("doctor", "--data-home", dataHome.toString(), "--db-url", url, "--ssl-mode", "disable");
        save(url, "disable");
        Run fromSaved = registrar("doctor", "--data-home", dataHome.toString());

        assertThat(given.exitCode()).as(given.all()).isEqualTo(Launcher.BAD_SETTINGS);
        assertThat(given.err())
                .startsWith("registrar: The connection options cannot be used: The database URL may not hold a "
                        + "user name or password");
        assertOneClearLine(fromSaved, "may not hold a user name or password");
        assertThat(given.all() + fromSaved.all()).doesNotContain(SECRET);
        assertThat(Files.readString(Path.of(System.getProperty("registrar.logDir"), "registrar.log")))
                .doesNotContain(SECRET);
    }
}
