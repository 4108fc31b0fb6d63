package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.TestDatabases;

/**
 * Issue 17, machine-wide settings on the command line: {@code doctor --config FILE} prints every effective setting
 * with where it came from (command line, machine file (locked), user, machine default, built-in); a malformed file
 * is named line by line and ends the command; {@code --demo} refuses when the file forbids the demo.
 */
class MachineSettingsCliTest {
    @TempDir
    Path folder;

    private final Preferences saved =
            Preferences.userRoot().node(System.getProperty("registrar.prefsNode", "org/registrar-test/connection"));

    private record Run(int exitCode, String out, String err) {}

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

    private Path machineFile(String... lines) throws Exception {
        Path file = folder.resolve("registrar.properties");
        Files.writeString(file, String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    @Test
    void doctorPrintsEachSettingAndWhereItCameFrom() throws Exception {
        String database = TestDatabases.freshDatabase();
        Path file = machineFile(
                "server.host=localhost",
                "server.port=" + TestDatabases.server().getPort(),
                "server.database=" + database,
                "server.sslmode=disable",
                "login.hint=postgres",
                "health.warnSeconds=90",
                "pool.size=3",
                "locked=server.host,server.sslmode");
        saved.put("pool.size", "4");
        saved.put("health.alertSeconds", "600");
        saved.put(
                "ui.language",
                "en"); // the user's choice is also the output's language (issue 18): English, as asserted
        saved.put("server.url", "jdbc:postgresql://elsewhere.example/registrar");
        saved.flush();

        Run run = registrar(
                "doctor", "--data-home", folder.resolve("home").toString(), "--config", file.toString(), "--pgbouncer");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("Settings (machine file " + file + "):")
                .containsPattern("\\n  server\\.host +localhost +machine file \\(locked\\)\\n")
                .containsPattern(
                        "\\n  server\\.port +" + TestDatabases.server().getPort() + " +machine file \\(locked\\)\\n")
                .containsPattern("\\n  server\\.url +\\(not set\\) +machine file \\(locked\\)\\n")
                .containsPattern("\\n  server\\.sslmode +disable +machine file \\(locked\\)\\n")
                .containsPattern("\\n  server\\.pgbouncer +true +command line\\n")
                .containsPattern("\\n  pool\\.size +4 +user\\n")
                .containsPattern("\\n  health\\.alertSeconds +600 +user\\n")
                .containsPattern("\\n  health\\.warnSeconds +90 +machine default\\n")
                .containsPattern("\\n  login\\.hint +postgres +machine default\\n")
                .containsPattern("\\n  demo\\.allowed +true +built-in\\n")
                .containsPattern("\\n  ui\\.language +en +user\\n")
                .containsPattern("\\n  server\\.sslrootcert +\\(not set\\) +not set\\n")
                .contains("Verdict:         HEALTHY");
        assertThat(run.out())
                .contains("postgres@localhost:" + TestDatabases.server().getPort() + "/" + database);
    }

    @Test
    void aMalformedFileIsNamedLineByLineAndEndsDoctor() throws Exception {
        Path file = machineFile(
                "# Example School",
                "server.host=db.school.example",
                "server.port=abc",
                "server.sslmode=maybe",
                "locked=server.host,server.colour");

        Run run = registrar("doctor", "--data-home", folder.resolve("home").toString(), "--config", file.toString());

        assertThat(run.exitCode()).isEqualTo(Launcher.BAD_SETTINGS);
        assertThat(run.out())
                .contains("  problem: " + file + " line 3, server.port: “abc” is not a port number (1-65535)\n")
                .contains("  problem: " + file + " line 4, server.sslmode: “maybe” is not one of disable, allow,")
                .contains("  problem: " + file + " line 5, locked: names “server.colour”, which is not a Registrar"
                        + " setting\n")
                .contains("Verdict:         UNHEALTHY: the machine-wide settings file has 3 problems")
                .doesNotContain("Exception");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFifoGivenAsTheFileDoesNotHangDoctor() throws Exception {
        Path fifo = folder.resolve("fifo.properties");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");

        Run run = registrar("doctor", "--data-home", folder.resolve("home").toString(), "--config", fifo.toString());

        assertThat(run.exitCode()).isEqualTo(Launcher.BAD_SETTINGS);
        assertThat(run.out()).contains("  problem: " + fifo + ": is not a regular file (a pipe, device or socket)");
    }

    @Test
    void aMissingGivenFileIsSaid() {
        Path missing = folder.resolve("nowhere.properties");

        Run run = registrar("doctor", "--data-home", folder.resolve("home").toString(), "--config", missing.toString());

        assertThat(run.exitCode()).isEqualTo(Launcher.BAD_SETTINGS);
        assertThat(run.out()).contains("  problem: " + missing + ": the file does not exist");
    }

    @Test
    void demoRefusesWhenTheMachineFileForbidsIt() throws Exception {
        Path file = machineFile("demo.allowed=false");

        Run run = registrar("--demo", "--data-home", folder.resolve("home").toString(), "--config", file.toString());

        assertThat(run.exitCode()).isEqualTo(Launcher.BAD_SETTINGS);
        assertThat(run.err().strip())
                .isEqualTo("registrar: --demo cannot be used: demo data is turned off on this computer by your"
                        + " school's IT department (demo.allowed=false in " + file + ").");
        assertThat(folder.resolve("home").resolve("pgdata")).doesNotExist();
    }

    @Test
    void optionsBeforeTheCommandApplyToItAsAfterIt() throws Exception {
        Path file = machineFile("server.sslmode=maybe");
        Path home = folder.resolve("before");

        Run run = registrar("--data-home", home.toString(), "--config", file.toString(), "doctor");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(Launcher.BAD_SETTINGS);
        assertThat(run.out())
                .contains("Settings (machine file " + file + "):")
                .contains("  problem: " + file + " line 1, server.sslmode: “maybe” is not one of disable, allow,");
        assertThat(home.resolve("logs"))
                .as("the data folder given before the command")
                .isDirectory();
    }

    @Test
    void aWindowOptionBeforeACommandIsRefusedNotIgnored() {
        Path home = folder.resolve("window-only");

        Run run = registrar("--demo-students=500", "doctor", "--data-home", home.toString());

        assertThat(run.exitCode()).isEqualTo(Launcher.BAD_SETTINGS);
        assertThat(run.err().strip())
                .isEqualTo("registrar: --demo-students is an option of the window, not of “doctor”: give the"
                        + " command's own options after its name (registrar doctor --help lists them).");
        assertThat(home.resolve("pgdata")).doesNotExist();
    }
}
