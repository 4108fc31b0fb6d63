package org.registrar.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.registrar.i18n.Messages;

/** Issue 18: doctor's "where a setting came from" and the language setting's problem were English in every language. */
class SettingsWordsTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void whereASettingCameFromSpeaksTheChosenLanguage() {
        Messages.use(Locale.GERMAN);
        assertThat(Source.COMMAND_LINE.words()).isEqualTo("Befehlszeile");
        assertThat(Source.MACHINE_LOCKED.words()).isEqualTo("Rechnerdatei (gesperrt)");
        assertThat(Source.NOT_SET.words()).isEqualTo("nicht gesetzt");
        Messages.use(Locale.ENGLISH);
        assertThat(Source.BUILT_IN.words()).isEqualTo("built-in");
    }

    @Test
    void anUnknownLanguageIsNamedInTheChosenLanguage() {
        Messages.use(Locale.GERMAN);
        assertThat(Key.UI_LANGUAGE.problemWith("it"))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("ist keiner von en, de, fr, es")
                        .doesNotContain("is not one of"));
    }

    @Test
    void whyNoPasswordIsRememberedSpeaksTheChosenLanguage() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Keychain.noSessionBus(System.getProperty("os.name", ""), System.getenv()), "a desktop with a keychain");
        Messages.use(Locale.GERMAN);
        assertThat(Keychain.probe("registrar-words-test").unavailableReason())
                .hasValue("In dieser Sitzung läuft kein Schlüsselbund (Registrar braucht einen Secret Service wie GNOME"
                        + " Keyring oder KWallet), daher kann das Passwort nicht gespeichert werden.");
    }
}
