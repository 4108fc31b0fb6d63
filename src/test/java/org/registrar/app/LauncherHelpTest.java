package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 18: {@code registrar --help} and each command's {@code --help} speak the app's language (ADR 0059): the one
 * {@code --language} gives, else the settings' (a locked machine key, the user's choice), else the system's; English
 * when English is chosen, whatever the system speaks.
 */
class LauncherHelpTest {
    /** The commands people use, by their path under {@code registrar} ("" is the window's own command line). */
    private static final List<String> USER_COMMANDS =
            List.of("", "doctor", "migrate", "demo", "import-results", "export");

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @TempDir
    Path folder;

    /** The user's settings of this test alone: others running at the same time never see its language. */
    private final String node = "org/registrar-test/help-" + System.nanoTime();

    private final Preferences saved = Preferences.userRoot().node(node);
    private final String sharedNode = System.getProperty("registrar.prefsNode");
    private final Locale system = Locale.getDefault();
    private Path noMachineSettings;

    private record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void settingsOfItsOwn() throws Exception {
        System.setProperty("registrar.prefsNode", node);
        // a machine file of this test's own, so one on the computer running the tests cannot choose the language
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
    }

    @Test
    void eachCommandsHelpSpeaksTheLanguageGiven() {
        for (Locale language : List.of(Locale.GERMAN, Locale.FRENCH, SPANISH)) {
            String tag = language.getLanguage();
            for (String command : USER_COMMANDS) {
                // demo has no connection options: --language is the app's, before the command
                String help = command.isEmpty()
                        ? help("--language", tag)
                        : command.equals("demo") ? help("--language", tag, command) : help(command, "--language", tag);

                assertThat(squeezed(help))
                        .as("%s --help in %s:%n%s", command, language, help)
                        .contains(squeezed(description(command, language)))
                        .contains(squeezed(text("mixinStandardHelpOptions.help", language)))
                        .contains(squeezed(text("usage.synopsisHeading", language)))
                        .doesNotContain(squeezed(description(command, Locale.ENGLISH)))
                        .doesNotContain(squeezed(text("mixinStandardHelpOptions.help", Locale.ENGLISH)));
                if (!command.equals("demo")) {
                    assertThat(squeezed(help))
                            .as("%s --help in %s:%n%s", command, language, help)
                            .contains(squeezed(text("language", language)))
                            .contains("--config=" + text("label.file", language))
                            .doesNotContain(squeezed(text("language", Locale.ENGLISH)));
                }
            }
        }
    }

    @Test
    void theAppsHelpListsTheCommandsInTheLanguageGiven() {
        String help = help("--language", "fr");

        assertThat(squeezed(help))
                .contains(
                        squeezed(text("usage.commandListHeading", Locale.FRENCH).replace("%n", "")))
                .contains(squeezed(description("export", Locale.FRENCH)))
                .contains(squeezed(description("bench", Locale.FRENCH)))
                .doesNotContain(squeezed(description("doctor", Locale.ENGLISH)));
    }

    @Test
    void theHelpFollowsTheUsersSavedLanguage() throws Exception {
        saved.put("ui.language", "de");
        saved.flush();

        assertThat(squeezed(help())).contains(squeezed(description("", Locale.GERMAN)));
        assertThat(squeezed(help("export"))).contains(squeezed(description("export", Locale.GERMAN)));
        assertThat(squeezed(help("demo"))).contains(squeezed(description("demo", Locale.GERMAN)));
    }

    @Test
    void aLockedMachineKeyWinsOverTheUsersChoiceAndTheCommandLineOverBoth() throws Exception {
        saved.put("ui.language", "de");
        saved.flush();
        noMachineSettings =
                Files.writeString(folder.resolve("locked.properties"), "ui.language=fr\nlocked=ui.language\n");

        assertThat(squeezed(help("doctor"))).contains(squeezed(description("doctor", Locale.FRENCH)));
        assertThat(squeezed(help("doctor", "--language", "es"))).contains(squeezed(description("doctor", SPANISH)));
        // --language given to the app, before the command, counts too
        assertThat(squeezed(help("--language", "es", "migrate"))).contains(squeezed(description("migrate", SPANISH)));
    }

    @Test
    void theSystemsLanguageWhenNoneIsChosenAndEnglishWhenChosenOnAGermanSystem() {
        Locale.setDefault(Locale.GERMANY);

        assertThat(squeezed(help("import-results"))).contains(squeezed(description("import-results", Locale.GERMAN)));
        assertThat(squeezed(help("import-results", "--language", "en")))
                .contains(squeezed(description("import-results", Locale.ENGLISH)))
                .doesNotContain(squeezed(description("import-results", Locale.GERMAN)));
    }

    @Test
    void aRefusedCommandLineShowsItsUsageInTheChosenLanguage() {
        Run run = registrar("export", "--language", "de", "--config", noMachineSettings.toString());

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(squeezed(run.err()))
                .contains("--report")
                .contains(squeezed(description("export", Locale.GERMAN)))
                .contains(squeezed(text("registrar.export.report", Locale.GERMAN)));
    }

    /** {@code registrar --config <this test's file> <args> --help}: its output, exit code 0. */
    private String help(String... args) {
        List<String> all = new ArrayList<>(List.of("--config", noMachineSettings.toString()));
        all.addAll(List.of(args));
        all.add("--help");
        Run run = registrar(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        return run.out();
    }

    private static Run registrar(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Launcher.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** A command's description in the help bundle of {@code language}. */
    private static String description(String command, Locale language) {
        return text("registrar" + (command.isEmpty() ? "" : "." + command) + ".usage.description", language);
    }

    private static String text(String key, Locale language) {
        ResourceBundle bundle = CommandHelp.bundle(language);
        return bundle.getString(key).strip();
    }

    /** Without white space: picocli wraps lines and indents them, so a text is found whatever its line breaks. */
    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }
}
