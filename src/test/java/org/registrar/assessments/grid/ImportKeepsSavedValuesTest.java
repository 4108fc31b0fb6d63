package org.registrar.assessments.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.SheetRow;
import org.registrar.assessments.input.ColumnMapping;
import org.registrar.assessments.input.InputValidator;
import org.registrar.assessments.input.ParsedScore;
import org.registrar.assessments.input.ScoreText;
import org.registrar.assessments.input.TextTable;

/**
 * Issue 14: what an import or a keyed paste matched into the grid changes. A line shorter than the header changes
 * neither the saved comment nor a score typed before; a comment of only "-" clears the saved comment, as Delete in
 * the grid does.
 */
class ImportKeepsSavedValuesTest {
    private static final BigDecimal MAX = BigDecimal.valueOf(20);
    private final SheetRow first =
            new SheetRow(1, "S0000001", "Family1", "Given", null, new BigDecimal("12"), false, "keep me", 3);
    private final SheetRow second =
            new SheetRow(2, "S0000002", "Family2", "Given", null, new BigDecimal("13"), false, "drop me", 4);

    @Test
    void aShortLineKeepsTheSavedCommentAndABlankScoreKeepsWhatWasTyped() {
        GridEditor editor = editor();
        editor.edit(editor.row(2), GridColumn.SCORE, "15");

        matched(editor, "Student number,Score,Comment\nS0000001,14\nS0000002,,\n");

        assertThat(change(editor.row(1))).isEqualTo(new ResultChange(1, new BigDecimal("14"), false, "keep me", 3));
        assertThat(editor.row(2).text(GridColumn.SCORE)).isEqualTo("15");
        assertThat(change(editor.row(2)).comment()).isEqualTo("drop me");
    }

    @Test
    void aDashClearsTheSavedCommentAsDeleteInTheGridDoes() {
        GridEditor imported = editor();
        GridEditor typed = editor();

        matched(imported, "Student number,Score,Comment\nS0000001,12,-\n");
        typed.clear(List.of(typed.row(1)), GridColumn.COMMENT);

        assertThat(change(imported.row(1))).isEqualTo(new ResultChange(1, new BigDecimal("12"), false, null, 3));
        assertThat(change(typed.row(1))).isEqualTo(change(imported.row(1)));
    }

    private GridEditor editor() {
        GridEditor editor = new GridEditor(() -> MAX, () -> {}, Runnable::run);
        editor.load(List.of(first, second));
        return editor;
    }

    private static void matched(GridEditor editor, String csv) {
        TextTable table = TextTable.parse(csv, ',');
        InputValidator roster = new InputValidator(
                List.of(
                        new SheetRow(1, "S0000001", "Family1", "Given", null, null, false, null, null),
                        new SheetRow(2, "S0000002", "Family2", "Given", null, null, false, null, null)),
                MAX);
        editor.applyMatched(
                GridEditor.match(new ColumnMapping(0, 1, 2, true).apply(table), roster, Map.of(), "Imported"));
    }

    private static ResultChange change(GridRow row) {
        ParsedScore parsed = ScoreText.parse(row.text(GridColumn.SCORE), MAX);
        return row.change(parsed);
    }
}
