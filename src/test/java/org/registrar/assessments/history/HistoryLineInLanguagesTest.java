package org.registrar.assessments.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.data.Assessment;
import org.registrar.i18n.Messages;

/**
 * A history line says its change and its time in the chosen language (decimal commas, the locale's date order); an
 * assessment its day and maximum.
 */
class HistoryLineInLanguagesTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    private static HistoryEntry entry(String operation, String oldScore, String newScore, String newComment) {
        return new HistoryEntry(
                1,
                Instant.parse("2026-12-03T08:04:05Z"),
                "ana",
                operation,
                7,
                "",
                "",
                9,
                "",
                oldScore == null ? null : new BigDecimal(oldScore),
                newScore == null ? null : new BigDecimal(newScore),
                false,
                false,
                null,
                newComment,
                null);
    }

    @Test
    void inEnglishAsBefore() {
        Messages.use(Locale.ENGLISH);
        assertThat(HistoryLine.change(entry("update", "7", "8.50", "retake")))
                .isEqualTo("7 → 8.5; comment: none → \"retake\"");
        assertThat(HistoryLine.change(entry("insert", null, "7", null))).isEqualTo("new: 7");
        HistoryLine line = HistoryLine.of(entry("insert", null, "7", null), ZONE);
        assertThat(line.student()).isEqualTo("student 7");
        assertThat(line.assessment()).isEqualTo("assessment 9");
    }

    @Test
    void inGermanWithDecimalCommaAndGermanDates() {
        Messages.use(Locale.GERMAN);
        assertThat(HistoryLine.change(entry("update", "7", "8.50", "retake")))
                .isEqualTo("7 → 8,5; Kommentar: keiner → \"retake\"");
        assertThat(HistoryLine.change(entry("delete", "12.25", null, null))).isEqualTo("gelöscht: 12,25");
        HistoryLine line = HistoryLine.of(entry("insert", null, "7", null), ZONE);
        assertThat(line.change()).isEqualTo("neu: 7");
        assertThat(line.when()).isEqualTo("03.12.26, 09:04:05");
        assertThat(line.student()).isEqualTo("Schüler 7");
    }

    @Test
    void inFrenchWithFrenchDates() {
        Messages.use(Locale.FRENCH);
        HistoryLine line = HistoryLine.of(entry("update", "7", "9.5", null), ZONE);
        assertThat(line.change()).isEqualTo("7 → 9,5");
        assertThat(line.when()).isEqualTo("03/12/2026 09:04:05");
    }

    @Test
    void anAssessmentNamesItsDayAndMaximumInTheLanguage() {
        Assessment maths =
                new Assessment(1, 2, "Maths test 1", "Maths", new BigDecimal("20.50"), LocalDate.of(2025, 9, 12));
        Messages.use(Locale.GERMAN);
        assertThat(maths.describe()).isEqualTo("Maths test 1 · 12.09.2025 · max. 20,5");
        Messages.use(Locale.FRENCH);
        assertThat(maths.describe()).isEqualTo("Maths test 1 · 12 sept. 2025 · max 20,5");
    }
}
