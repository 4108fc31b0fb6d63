package org.registrar.assessments.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.SheetRow;
import org.registrar.assessments.input.ScoreText;

/**
 * A comment of only "-" means "no comment" however it is entered (issue 19): typed into the grid as pasted or
 * imported, it clears the saved comment, and the grid shows the comment empty before anything is saved. A score of
 * only "-" is no score: refused at its row, never taken as 0, blank or excused.
 */
class GridCommentsTest {
    private final GridEditor editor = new GridEditor(() -> new BigDecimal("20"), () -> {}, Runnable::run);

    GridCommentsTest() {
        editor.load(List.of(row(1, "good start"), row(2, "late"), row(3, null)));
    }

    private static SheetRow row(long id, String comment) {
        return new SheetRow(id, "S000000" + id, "Family" + id, "Given", null, new BigDecimal("12"), false, comment, 1);
    }

    @Test
    void aTypedDashClearsTheCommentAsAPastedOneDoes() {
        GridRow typed = editor.rows().get(0);
        GridRow pasted = editor.rows().get(1);

        editor.edit(typed, GridColumn.COMMENT, "-");
        editor.pastePositional(List.of(List.of("-")), List.of(pasted), 0, GridColumn.COMMENT);

        for (GridRow row : List.of(typed, pasted)) {
            assertThat(row.text(GridColumn.COMMENT)).as("shown empty at once").isEmpty();
            assertThat(row.stateProperty().get()).isEqualTo(RowState.EDITED);
            ResultChange change = row.change(ScoreText.parse("", new BigDecimal("20")));
            assertThat(change.comment()).as("the save clears the saved comment").isNull();
            assertThat(change.score()).as("the saved score is kept").isEqualByComparingTo("12");
        }
    }

    @Test
    void aTypedDashWhereNoCommentIsSavedChangesNothing() {
        GridRow row = editor.rows().get(2);

        editor.edit(row, GridColumn.COMMENT, " - ");

        assertThat(row.text(GridColumn.COMMENT)).isEmpty();
        assertThat(row.stateProperty().get()).isNotEqualTo(RowState.EDITED);
        assertThat(editor.canUndo()).as("no step: nothing changed").isFalse();
    }

    @Test
    void aDashInsideACommentIsText() {
        GridRow row = editor.rows().get(0);

        editor.edit(row, GridColumn.COMMENT, "- absent, retake on Monday");
        editor.pastePositional(List.of(List.of("--")), List.of(editor.rows().get(1)), 0, GridColumn.COMMENT);

        assertThat(row.text(GridColumn.COMMENT)).isEqualTo("- absent, retake on Monday");
        assertThat(editor.rows().get(1).text(GridColumn.COMMENT)).isEqualTo("--");
    }

    @Test
    void aDashAsAScoreIsRefusedAtItsRow() {
        GridRow row = editor.rows().get(0);

        editor.edit(row, GridColumn.SCORE, "-");

        assertThat(row.stateProperty().get()).isEqualTo(RowState.ERROR);
        assertThat(row.messageProperty().get()).isEqualTo("\"-\" is not a number");
    }
}
