package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.i18n.Messages;
import org.registrar.settings.Key;
import org.registrar.settings.MachineFile;
import org.registrar.settings.Settings;
import org.registrar.settings.Source;

/**
 * ui.language in the settings layers (ADR 0049 on ADR 0050): command line > locked machine key > user > machine
 * default > the system's; a locked key locks the menu; the menu's choice is kept in the user's settings.
 */
class LanguageSettingTest {
    private static final Path FILE = Path.of("/etc/registrar/registrar.properties");

    @TempDir
    Path folder;

    private final Preferences node = Preferences.userRoot().node("org/registrar/test/language-" + System.nanoTime());

    @AfterEach
    void restore() throws Exception {
        node.removeNode();
        Locale.setDefault(Locale.UK);
        Messages.use(Locale.ENGLISH);
    }

    private static MachineFile machine(Map<Key, String> values, Key... locked) {
        return new MachineFile(FILE, true, values, Set.of(locked), List.of());
    }

    private static Language language(Map<Key, String> commandLine, MachineFile machine, Map<Key, String> user) {
        return Language.of(Settings.resolve(commandLine, machine, user));
    }

    @Test
    void eachLayerWinsOverTheOnesBelowIt() {
        MachineFile defaults = machine(Map.of(Key.UI_LANGUAGE, "fr"));
        MachineFile locking = machine(Map.of(Key.UI_LANGUAGE, "fr"), Key.UI_LANGUAGE);
        Map<Key, String> user = Map.of(Key.UI_LANGUAGE, "es");

        assertThat(language(Map.of(), MachineFile.absent(FILE), Map.of()))
                .isEqualTo(new Language(null, Source.NOT_SET, false));
        assertThat(language(Map.of(), defaults, Map.of())).isEqualTo(new Language("fr", Source.MACHINE_DEFAULT, false));
        assertThat(language(Map.of(), defaults, user)).isEqualTo(new Language("es", Source.USER, false));
        assertThat(language(Map.of(), locking, user)).isEqualTo(new Language("fr", Source.MACHINE_LOCKED, true));
        assertThat(language(Map.of(Key.UI_LANGUAGE, "de"), locking, user))
                .isEqualTo(new Language("de", Source.COMMAND_LINE, true));
    }

    @Test
    void aLockedKeyWithoutAValueLocksTheSystemsLanguage() {
        Language locked = language(Map.of(), machine(Map.of(), Key.UI_LANGUAGE), Map.of(Key.UI_LANGUAGE, "de"));

        assertThat(locked.locked()).isTrue();
        assertThat(locked.tag()).isNull();
    }

    @Test
    void aSavedValueThatIsNoShippedLanguageIsIgnored() {
        assertThat(language(Map.of(), MachineFile.absent(FILE), Map.of(Key.UI_LANGUAGE, "klingon"))
                        .tag())
                .isNull();
        assertThat(Language.problemWith("it"))
                .hasValueSatisfying(
                        problem -> assertThat(problem).contains("--language").contains("en, de, fr, es"));
        assertThat(Language.problemWith("DE")).isEmpty();
    }

    @Test
    void theMachineFileChecksTheValue() throws Exception {
        Path good = write("good.properties", "ui.language=DE\nlocked=ui.language\n");
        Path bad = write("bad.properties", "ui.language=it\n");

        MachineFile read = MachineFile.read(good, true);
        assertThat(read.issues()).isEmpty();
        assertThat(read.values()).containsEntry(Key.UI_LANGUAGE, "de");
        assertThat(read.locked()).containsExactly(Key.UI_LANGUAGE);
        assertThat(MachineFile.read(bad, true).issues())
                .singleElement()
                .satisfies(issue -> assertThat(issue.describe()).contains("ui.language"));
    }

    @Test
    void applyingChoosesTheMessagesAndTheDefaultLocale() {
        Locale.setDefault(Locale.forLanguageTag("de-AT"));
        new Language("de", Source.USER, false).apply();
        assertThat(Locale.getDefault()).isEqualTo(Locale.forLanguageTag("de-AT"));
        assertThat(Messages.text("menu.file")).isEqualTo("_Datei");

        new Language("fr", Source.COMMAND_LINE, false).apply();
        assertThat(Locale.getDefault()).isEqualTo(Locale.FRENCH);
        assertThat(Messages.text("menu.help")).isEqualTo("Ai_de");
    }

    @Test
    void theMenusChoiceIsKeptInTheUsersSettingsAndSurvivesForgettingTheServer() {
        ProfileStore store = new ProfileStore(node);
        store.saveLanguage("es");
        assertThat(store.layer()).containsEntry(Key.UI_LANGUAGE, "es");

        store.clear();
        assertThat(store.layer()).containsEntry(Key.UI_LANGUAGE, "es");

        store.saveLanguage(null);
        assertThat(store.layer()).doesNotContainKey(Key.UI_LANGUAGE);
    }

    @Test
    void theCommandLineOptionIsTheStrongestLayer() {
        Launcher launcher = new Launcher();
        picocli.CommandLine.populateCommand(launcher, "--language", "fr");

        assertThat(launcher.connection.layer()).containsEntry(Key.UI_LANGUAGE, "fr");
    }

    @Test
    void anUnshippedLanguageOnTheCommandLineIsRefusedBeforeAnyWindow() {
        java.io.StringWriter err = new java.io.StringWriter();
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        int exit;
        try {
            picocli.CommandLine commandLine = Launcher.commandLine();
            commandLine.setErr(new java.io.PrintWriter(err));
            exit = commandLine.execute("--language", "it");
        } finally {
            System.setErr(before);
        }

        assertThat(exit).isEqualTo(Launcher.BAD_SETTINGS);
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("--language: “it” is not one of en, de, fr, es");
    }

    private Path write(String name, String text) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }
}
