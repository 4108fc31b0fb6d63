package org.registrar.assessments.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.registrar.i18n.Messages;

/** The grid's State column in the chosen language: German staff saw "unchanged" beside every row (issue 18). */
class RowStateWordsTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void theStateColumnSpeaksTheChosenLanguageWhileItsStyleTokenStays() {
        Messages.use(Locale.GERMAN);
        assertThat(RowState.UNCHANGED.shown()).isEqualTo("unverändert");
        assertThat(RowState.ERROR.shown()).isEqualTo("Fehler");
        Messages.use(Locale.FRENCH);
        assertThat(RowState.SAVED.shown()).isEqualTo("enregistré");
        Messages.use(Locale.forLanguageTag("es"));
        assertThat(RowState.CONFLICT.shown()).isEqualTo("conflicto");
        assertThat(RowState.EDITED.label()).isEqualTo("edited");
    }

    @Test
    void sortingByStateRanksTheShownWords() {
        Messages.use(Locale.GERMAN);
        assertThat(GridOrder.states().compare("Fehler: zu groß", "unverändert")).isNegative();
    }
}
