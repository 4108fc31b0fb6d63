package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.DemoData;
import org.registrar.i18n.Messages;

/**
 * Issue 18: what every command prints speaks the language its help speaks (--language, the locked machine key, the
 * user's choice, else the system's), picocli's own refusals included. Each case ends before any database is used.
 */
class CommandLanguageTest {
    @TempDir
    Path folder;

    /** The user's settings of this test alone: others running at the same time never see its language. */
    private final String node = "org/registrar-test/command-language-" + System.nanoTime();

    private final Preferences saved = Preferences.userRoot().node(node);
    private final String sharedNode = System.getProperty("registrar.prefsNode");
    private final Locale system = Locale.getDefault();
    private final Locale messages = Messages.locale();
    private Path noMachineSettings;

    private record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void settingsOfItsOwn() throws Exception {
        System.setProperty("registrar.prefsNode", node);
        // the test runs in English whatever the computer's language, so German can only come from the choice
        Locale.setDefault(Locale.ENGLISH);
        Messages.use(Locale.ENGLISH);
        noMachineSettings = Files.writeString(folder.resolve("empty.properties"), "");
    }

    @AfterEach
    void restore() throws Exception {
        saved.removeNode();
        if (sharedNode == null) {
            System.clearProperty("registrar.prefsNode");
        } else {
            System.setProperty("registrar.prefsNode", sharedNode);
        }
        Locale.setDefault(system);
        Messages.use(messages);
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
            commandLine.setOut(new PrintWriter(capturedOut, true));
            commandLine.setErr(new PrintWriter(capturedErr, true));
            int exitCode = commandLine.execute(args);
            return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private String home() {
        return folder.resolve("home").toString();
    }

    @Test
    void theWindowsOwnRefusalsAreInTheChosenLanguage() throws Exception {
        Path noDemo = Files.writeString(folder.resolve("no-demo.properties"), "demo.allowed=false\n");

        Run students = registrar("--language", "de", "--config", noMachineSettings.toString(), "--demo-students", "0");
        Run demo = registrar("--language", "de", "--config", noDemo.toString(), "--demo");

        assertThat(students.exitCode()).isEqualTo(2);
        assertThat(students.err()).contains("--demo-students muss zwischen 1 und 1000000 liegen");
        assertThat(demo.exitCode()).isEqualTo(Launcher.BAD_SETTINGS);
        assertThat(demo.err())
                .contains("registrar: --demo kann nicht verwendet werden: Die IT-Abteilung Ihrer Schule")
                .contains("demo.allowed=false in " + noDemo);
        assertThat(Locale.getDefault()).as("the run's language ends with it").isEqualTo(Locale.ENGLISH);
        assertThat(Messages.locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void doctorSpeaksTheUsersSavedChoiceWithoutLanguageGiven() throws Exception {
        saved.put("ui.language", "de");
        saved.flush();
        Path broken = Files.writeString(folder.resolve("broken.properties"), "server.sslmode=maybe\n");

        Run run = registrar("doctor", "--data-home", home(), "--config", broken.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(Launcher.BAD_SETTINGS);
        assertThat(run.out())
                .contains("Befund:          NICHT GESUND")
                .containsPattern("\\n  ui\\.language +de +Benutzer\\n")
                .containsPattern("\\n  server\\.sslrootcert +\\(nicht gesetzt\\) +nicht gesetzt\\n")
                .doesNotContain("Verdict", "built-in");
    }

    @Test
    void migrateSpeaksTheLanguageGiven() {
        Run run = registrar(
                "migrate", "--language", "de", "--config", noMachineSettings.toString(), "--data-home", home());

        assertThat(run.exitCode()).isEqualTo(Launcher.BAD_SETTINGS);
        assertThat(run.out()).contains("migrate aktualisiert einen Schulserver");
    }

    @Test
    void importResultsSpeaksTheLanguageGiven() throws Exception {
        Path file = Files.writeString(folder.resolve("scores.csv"), "student number;score\n");

        Run run = registrar(
                "import-results",
                "--language",
                "de",
                "--config",
                noMachineSettings.toString(),
                "--data-home",
                home(),
                "--assessment",
                "1",
                "--file",
                file.toString(),
                "--encoding",
                "no-such-encoding");

        assertThat(run.exitCode()).isEqualTo(ImportResultsCommand.BAD_ARGUMENTS);
        assertThat(run.out()).contains("Unbekannte Kodierung no-such-encoding");
    }

    @Test
    void settingsThatCannotBeUsedAreNamedInTheChosenLanguage() {
        Run run = registrar(
                "migrate",
                "--language",
                "de",
                "--config",
                noMachineSettings.toString(),
                "--data-home",
                home(),
                "--db-url",
                "jdbc:postgresql://localhost/registrar",
                "--pool-size",
                "0");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(Launcher.BAD_SETTINGS);
        assertThat(run.err()).contains("registrar: Die Verbindungsangabe auf der Befehlszeile kann nicht verwendet");
    }

    @Test
    void picocliRefusalsAreInTheChosenLanguageWithTheirSuggestions() {
        String config = noMachineSettings.toString();

        Run missing = registrar("export", "--language", "de", "--config", config);
        Run unknown = registrar("doctor", "--language", "de", "--config", config, "--db-ur", "x");
        Run invalid = registrar("--language", "de", "--config", config, "demo", "--students", "many");
        Run noValue = registrar("export", "--language", "de", "--config", config, "--report");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err())
                .contains("Es fehlen die Pflichtoptionen: --report, --format, --out")
                .doesNotContain("Missing required");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("Unbekannte Option")
                .contains("--db-ur")
                .containsPattern("Meinten Sie: .*--db-url")
                .doesNotContain("Unknown option", "Possible solutions");
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err())
                .contains("Ungültiger Wert für --students: many")
                .doesNotContain("Invalid value");
        assertThat(noValue.err()).contains("Es fehlt der Wert für --report");
    }

    @Test
    void benchSaysItIsNotInstalledInTheMessagesLanguage() throws Exception {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Messages.use(Locale.GERMAN);
        try (PrintStream captured = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setErr(captured);
            assertThat(new BenchLauncher(folder).call()).isEqualTo(BenchLauncher.NOT_INSTALLED);
        } finally {
            System.setErr(originalErr);
        }

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("registrar bench: Der Benchmark ist nicht installiert: keine " + BenchLauncher.JAR)
                .contains(folder.toString());
    }

    @Test
    void demosSummaryIsInTheMessagesLanguage() {
        Messages.use(Locale.GERMAN);

        var lines =
                DemoCommand.summary(new DemoData.Summary(40, 1_000, 12, 80, 24_000, Duration.ofMillis(2_500)), 7.25);

        assertThat(lines.get(0))
                .startsWith(
                        "1.000 Schüler, 40 Klassen, 12 Mentoren, 80 Leistungsnachweise und 24.000 Ergebnisse in 2,5 s")
                .endsWith("7,2 s");
        assertThat(lines.get(1)).startsWith("Langsamste Anweisungen");
        assertThat(DemoCommand.statement(12.34, "SELECT  1\n FROM x")).isEqualTo("  12,3 ms  SELECT 1 FROM x");
    }
}
