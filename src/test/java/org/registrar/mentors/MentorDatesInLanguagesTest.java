package org.registrar.mentors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.registrar.i18n.Messages;

/** The mentor screens' times follow the chosen language's date order, not one English pattern. */
class MentorDatesInLanguagesTest {
    /** Noon UTC: the same calendar day in every zone a school is in. */
    private static final Instant NOON = Instant.parse("2026-12-03T12:00:00Z");

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void germanDayMonthYearWithPoints() {
        Messages.use(Locale.GERMAN);
        assertThat(Columns.when(NOON)).startsWith("03.12.26, ");
    }

    @Test
    void frenchDayMonthYearWithSlashes() {
        Messages.use(Locale.FRENCH);
        assertThat(Columns.when(NOON)).startsWith("03/12/2026 ");
    }
}
