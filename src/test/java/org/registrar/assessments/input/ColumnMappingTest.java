package org.registrar.assessments.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.registrar.i18n.Messages;

/**
 * Issue 14, lines shorter or longer than the header: a missing or blank cell keeps what is saved (score and comment),
 * a comment cell holding only "-" clears the comment, and such lines are reported at their line.
 */
class ColumnMappingTest {
    private static final ColumnMapping MAPPING = new ColumnMapping(0, 1, 2, true);

    @Test
    void aMissingCellKeepsTheSavedScoreAndComment() {
        TextTable table = TextTable.parse("Student number,Score,Comment\nS0000001,44\nS0000002\n", ',');

        assertThat(MAPPING.apply(table))
                .containsExactly(new InputRow(2, "S0000001", "44", null), new InputRow(3, "S0000002", null, null));
    }

    @Test
    void aBlankCellKeepsAndACommentOfOnlyADashClears() {
        TextTable table = TextTable.parse("Student number,Score,Comment\nS0000001,,\nS0000002,7, - \n", ',');

        assertThat(MAPPING.apply(table))
                .containsExactly(new InputRow(2, "S0000001", null, null), new InputRow(3, "S0000002", "7", ""));
    }

    @Test
    void linesShorterOrLongerThanTheHeaderAreReportedAtTheirLine() {
        TextTable table = TextTable.parse(
                "Student number,Score,Comment\nS0000001,4,ok\nS0000002,5,fine\nS0000003,6\nS0000004,7,good,extra\n"
                        + "S0000005,8,ok,,\nS0000006\n",
                ',');

        List<LineNote> notes = MAPPING.notes(table);

        assertThat(notes)
                .extracting(LineNote::describe)
                .containsExactly(
                        "line 4 has 2 cells, the header has 3: the missing comment keeps the saved one",
                        "line 5 has 4 cells: the 4th is ignored",
                        "line 7 has 1 cell, the header has 3: the missing score and comment keep the saved ones");
        assertThat(notes).extracting(LineNote::column).containsExactly(3, 4, 2);
    }

    /** Issue 19: the notes come from the bundle, so a German user reads them in German, ordinals included. */
    @Test
    void theNotesAreWrittenInTheChosenLanguage() {
        TextTable table = TextTable.parse(
                "Student number,Score,Comment\nS0000001,4\nS0000002,5,fine,extra,more\nS0000003\n", ',');
        Messages.use(Locale.GERMAN);
        try {
            assertThat(MAPPING.notes(table))
                    .extracting(LineNote::describe)
                    .containsExactly(
                            "Zeile 2 hat 2 Zellen, die Kopfzeile hat 3: Für die fehlende Angabe (Kommentar) bleibt der"
                                    + " gespeicherte Wert",
                            "Zeile 3 hat 5 Zellen: die 4. und 5. Zelle werden ignoriert",
                            "Zeile 4 hat 1 Zelle, die Kopfzeile hat 3: Für die fehlenden Angaben (Note und Kommentar)"
                                    + " bleiben die gespeicherten Werte");
        } finally {
            Messages.use(Locale.ENGLISH);
        }
    }

    @Test
    void englishOrdinalsEndAsWritten() {
        assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111))
                .extracting(ColumnMapping::ordinal)
                .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th");
        Messages.use(Locale.FRENCH);
        try {
            assertThat(List.of(1, 2, 21)).extracting(ColumnMapping::ordinal).containsExactly("1re", "2e", "21e");
        } finally {
            Messages.use(Locale.ENGLISH);
        }
    }
}
