package org.registrar.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.registrar.i18n.Messages;

/** Operation names as support staff read them on the Health screen, apart from the status bar's phrases. */
class OperationNamesTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void aNameSaysWhatIsDoneNotThatItIsDone() {
        assertThat(OperationNames.name("Open students page")).isEqualTo("Load students page");
        assertThat(OperationPhrases.phrase("Open students page")).isEqualTo("Students page loaded");
        assertThat(OperationNames.name("Save results")).isEqualTo("Save results");
    }

    @Test
    void inGermanTheNameIsGerman() {
        Messages.use(Locale.GERMAN);
        assertThat(OperationNames.name("Open students page")).isEqualTo("Schülerseite laden");
    }

    @Test
    void anOperationWithoutANameAndNoOperationAreShownAsTheyAre() {
        assertThat(OperationNames.name("Something new")).isEqualTo("Something new");
        assertThat(OperationNames.name(null)).isNull();
    }

    @Test
    void noNameIsAnInternalWordOrAPhrase() {
        assertThat(OperationWords.KEYS.keySet().stream().map(OperationNames::name))
                .noneMatch(name -> name.matches("(?i).*\\b(prefetch|statements?|backend|poll)\\b.*"))
                .noneMatch(name -> OperationWords.KEYS.keySet().stream()
                        .map(OperationPhrases::phrase)
                        .anyMatch(name::equals));
    }
}
