package org.registrar.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.registrar.i18n.Messages;

/**
 * The count of matching students, the status names and a student's recent results read in the chosen language, with
 * its digits, separators and date order.
 */
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
        assertThat(result("17.50", false).describeScore()).isEqualTo("17.50 / 20");
        assertThat(result(null, true).describeScore()).isEqualTo("excused");
        assertThat(result(null, false).describeScore()).isEqualTo("not scored");
    }

    private static ResultLine result(String score, boolean excused) {
        return new ResultLine(
                "Maths test 2",
                "Maths",
                LocalDate.of(2026, 10, 1),
                score == null ? null : new BigDecimal(score),
                new BigDecimal("20.00"),
                excused);
    }

    @Test
    void inGerman() {
        Messages.use(Locale.GERMAN);
        assertThat(new RowCount(11_123, true).describe()).isEqualTo("11.123 Schüler");
        assertThat(new RowCount(1_000_000, false).describe()).isEqualTo("etwa 1.000.000 Schüler");
        assertThat(StatusNames.label("on_leave")).isEqualTo("beurlaubt");
        assertThat(StatusNames.converter().fromString("beurlaubt")).isEqualTo("on_leave");
        assertThat(result("17.50", false).describeScore()).isEqualTo("17,50 / 20");
        assertThat(result(null, true).describeScore()).isEqualTo("entschuldigt");
        assertThat(result("17.50", false).describeDate()).isEqualTo("01.10.2026");
    }

    @Test
    void inFrench() {
        Messages.use(Locale.FRENCH);
        assertThat(new RowCount(11_123, true).describe()).isEqualTo("11\u202f123 élèves");
        assertThat(StatusNames.label("graduated")).isEqualTo("diplômé");
        assertThat(StatusNames.label("someday_new")).isEqualTo("someday new");
        assertThat(result("9.5", false).describeScore()).isEqualTo("9,5 / 20");
        assertThat(result("9.5", false).describeDate()).isEqualTo("1 oct. 2026");
    }
}
