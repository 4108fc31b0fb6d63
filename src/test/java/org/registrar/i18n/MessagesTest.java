package org.registrar.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void argumentsAreFormattedInTheChosenLanguage() {
        Messages.use(Locale.FRENCH);
        assertThat(Messages.text("about.header", "2.1")).startsWith("Registrar 2.1\nClient d'administration");
    }

    @Test
    void theFallbackIsEnglish() {
        Messages.use(Locale.forLanguageTag("pt-BR"));
        assertThat(Messages.text("about.title")).isEqualTo("About Registrar");
    }

    @Test
    void aMissingKeyIsNamed() {
        assertThatThrownBy(() -> Messages.text("no.such.key")).hasMessageContaining("no.such.key");
    }

    @Test
    void thePseudoLocaleIsLongerAndAccentedButKeepsItsArguments() {
        Messages.use(Messages.PSEUDO);
        String text = Messages.text("about.header", "2.1");
        assertThat(text).startsWith("[Régîštrår 2.1").contains("·").endsWith("]");
        assertThat(text.length()).isGreaterThanOrEqualTo((int)
                (Messages.text("about.header", "2.1").length()));
        Messages.use(Locale.ENGLISH);
        int english = Messages.text("about.title").length();
        Messages.use(Messages.PSEUDO);
        assertThat(Messages.text("about.title").length()).isGreaterThanOrEqualTo((int) (english * 1.4));
    }
}
