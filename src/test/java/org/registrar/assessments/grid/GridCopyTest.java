package org.registrar.assessments.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.input.TextTable;

/** The grid's copy is the text a spreadsheet copies, and the grid's paste reads it back cell for cell. */
class GridCopyTest {
    private static final List<List<String>> BLOCK = List.of(
            List.of("12,5", "plain words"), List.of("", "said \"well done\"\tthen left"), List.of("EX", "two\nlines"));

    @Test
    void aBlockIsTabsBetweenCellsAndALinePerRowWithExcelsQuotes() {
        assertThat(GridCopy.tsv(BLOCK))
                .isEqualTo("12,5\tplain words\n" + "\t\"said \"\"well done\"\"\tthen left\"\n" + "EX\t\"two\nlines\"");
    }

    @Test
    void onlyCellsWithATabALineBreakOrAQuoteAreQuoted() {
        assertThat(GridCopy.cell("17/20")).isEqualTo("17/20");
        assertThat(GridCopy.cell("it's fine, really")).isEqualTo("it's fine, really");
        assertThat(GridCopy.cell("a\r\nb")).isEqualTo("\"a\r\nb\"");
        assertThat(GridCopy.cell("5\" long")).isEqualTo("\"5\"\" long\"");
        assertThat(GridCopy.cell(null)).isEmpty();
    }

    @Test
    void thePastePathReadsTheCopyBackCellForCell() {
        TextTable table = TextTable.parse(GridCopy.tsv(BLOCK) + "\n", '\t');
        assertThat(table.rows()).extracting(TextTable.Row::cells).containsExactlyElementsOf(BLOCK);
    }
}
