package org.registrar.assessments.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Blocks as Excel, LibreOffice and Google Sheets put them on the clipboard. */
class PasteBlockTest {
    private final InputValidator roster = new InputValidator(CorpusTest.ROSTER, BigDecimal.valueOf(20));

    @Test
    void aBlockWithStudentNumbersIsMatchedByStudentWithItsHeaderSkipped() {
        PasteBlock block = PasteBlock.parse(
                "No.\tName\tPoints\tNote\r\nS0000003\tFam, Giv\t12\tok\r\nS0000001\tX\tEX\t\r\n", roster);

        assertThat(block.keyed()).isTrue();
        assertThat(block.keyedRows())
                .containsExactly(new InputRow(2, "S0000003", "12", "ok"), new InputRow(3, "S0000001", "EX", null));
    }

    @Test
    void aBlockOfScoresOnlyIsPlacedByPosition() {
        PasteBlock block = PasteBlock.parse("12\tgood\n13,5\n\"multi\nline\"\n", roster);

        assertThat(block.keyed()).isFalse();
        assertThat(block.cells())
                .containsExactly(
                        java.util.List.of("12", "good"), java.util.List.of("13,5"), java.util.List.of("multi\nline"));
    }

    @Test
    void unknownStudentNumbersStillMakeTheBlockKeyedSoTheyAreReportedNotPlacedByPosition() {
        PasteBlock block = PasteBlock.parse("S9999998\t10\nS0000002\t11\n", roster);

        assertThat(block.keyed()).isTrue();
        assertThat(block.keyedRows()).extracting(InputRow::student).containsExactly("S9999998", "S0000002");
    }

    @Test
    void aPastedLineShorterThanTheHeaderKeepsTheSavedCommentAndADashClearsIt() {
        PasteBlock block = PasteBlock.parse(
                "Student number\tScore\tComment\nS0000001\t12\nS0000002\t\t-\nS0000003\t14\t\n", roster);

        assertThat(block.keyedRows())
                .containsExactly(
                        new InputRow(2, "S0000001", "12", null),
                        new InputRow(3, "S0000002", null, ""),
                        new InputRow(4, "S0000003", "14", null));
    }
}
