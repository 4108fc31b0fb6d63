package org.registrar.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.registrar.i18n.Messages;

/** The count of matching students and the status names read in the chosen language, numbers grouped as it does. */
class StudentWordsInLanguagesTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void inEnglish() {
        Messages.use(Locale.ENGLISH);
        assertThat(new RowCount(11_123, true).describe()).isEqualTo("11,123 students");
        assertThat(new RowCount(1, true).describe()).isEqualTo("1 student");
        assertThat(new RowCount(1_000_000, false).describe()).isEqualTo("about 1,000,000 students");
        assertThat(StatusNames.label("on_leave")).isEqualTo("on leave");
    }

    @Test
    void inGerman() {
        Messages.use(Locale.GERMAN);
        assertThat(new RowCount(11_123, true).describe()).isEqualTo("11.123 Schülerinnen und Schüler");
        assertThat(new RowCount(1_000_000, false).describe()).isEqualTo("etwa 1.000.000 Schülerinnen und Schüler");
        assertThat(StatusNames.label("on_leave")).isEqualTo("beurlaubt");
        assertThat(StatusNames.converter().fromString("beurlaubt")).isEqualTo("on_leave");
    }

    @Test
    void inFrench() {
        Messages.use(Locale.FRENCH);
        assertThat(new RowCount(11_123, true).describe()).isEqualTo("11\u202f123 élèves");
        assertThat(StatusNames.label("graduated")).isEqualTo("diplômé");
        assertThat(StatusNames.label("someday_new")).isEqualTo("someday new");
    }
}
