package org.registrar.mentors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.registrar.i18n.Messages;

/** The mentor screens' times and questions follow the chosen language: its date order, its words. */
class MentorWordsInLanguagesTest {
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
    void theMoveQuestionInGermanAndEnglish() {
        Mentor target = new Mentor(9, "Weber", "Anna", "a.weber@school.example", true, 0, List.of(), 0, NOON);
        List<CurrentMentor> one = List.of(new CurrentMentor(1, "Åberg, Lina", 7L, "Müller, Sophie"));
        List<CurrentMentor> three = List.of(
                new CurrentMentor(1, "Åberg, Lina", 7L, "Müller, Sophie"),
                new CurrentMentor(2, "Berg, Tom", null, null),
                new CurrentMentor(3, "Cruz, Ana", 8L, "Kim, Jae"));

        Messages.use(Locale.ENGLISH);
        assertThat(CurrentMentor.moveQuestion(one, target))
                .isEqualTo("Åberg, Lina already has a mentor: Müller, Sophie. Move Åberg, Lina from Müller, Sophie to "
                        + "Weber, Anna?");
        Messages.use(Locale.GERMAN);
        assertThat(CurrentMentor.moveQuestion(one, target))
                .isEqualTo("Åberg, Lina hat bereits einen Mentor: Müller, Sophie. Åberg, Lina von Müller, Sophie zu "
                        + "Weber, Anna verschieben?");
        assertThat(CurrentMentor.moveQuestion(three, target))
                .isEqualTo("2 der 3 Schüler haben bereits einen anderen Mentor (Kim, Jae: 1; Müller, Sophie: 1). Zu "
                        + "Weber, Anna verschieben?");
    }

    @Test
    void frenchDayMonthYearWithSlashes() {
        Messages.use(Locale.FRENCH);
        assertThat(Columns.when(NOON)).startsWith("03/12/2026 ");
    }
}
