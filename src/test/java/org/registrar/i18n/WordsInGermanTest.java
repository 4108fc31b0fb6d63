package org.registrar.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.input.Problem;
import org.registrar.assessments.input.ScoreText;
import org.registrar.mentors.RosterEntry;
import org.registrar.metrics.HealthAlerts;

/** With German chosen, the status bar's alert, a validation problem and a roster line read German, numbers and month names German too. */
class WordsInGermanTest {
    @BeforeEach
    void german() {
        Messages.use(Locale.GERMAN);
    }

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void theStatusBarAlertIsGerman() {
        HealthAlerts.State state = new HealthAlerts().evaluate(List.of(), Instant.now(), true);
        assertThat(state.reason()).isEqualTo("Server lehnt Verbindungen ab");
    }

    @Test
    void aScoreProblemIsGermanWithADecimalComma() {
        String problem = ScoreText.parse("25,5", new BigDecimal("20.5")).problem();
        assertThat(problem).isEqualTo("„25,5“ liegt über der Höchstpunktzahl 20,5");
        assertThat(new Problem(4, Problem.Column.SCORE, "S0000012", problem).describe())
                .isEqualTo("Zeile 4, S0000012: „25,5“ liegt über der Höchstpunktzahl 20,5");
    }

    @Test
    void aRosterDateHasAGermanMonthAndTheScoreAGermanDecimalComma() {
        RosterEntry entry = new RosterEntry(
                1L,
                "S0000001",
                "Åberg",
                "Ana",
                "aberg",
                "7B",
                null,
                "",
                null,
                null,
                "Mathe 2",
                new BigDecimal("14.5"),
                new BigDecimal("20"),
                false,
                LocalDate.of(2026, 10, 12));
        assertThat(entry.latestResult()).isEqualTo("Mathe 2: 14,5 / 20 (12. Okt.)");
    }
}
