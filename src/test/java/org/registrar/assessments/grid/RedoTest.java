package org.registrar.assessments.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.data.SheetRow;

/** Redo does again what undo undid, step by step, until a new edit ends it. */
class RedoTest {
    private final GridEditor editor = new GridEditor(() -> new BigDecimal("20"), () -> {}, Runnable::run);

    RedoTest() {
        editor.load(List.of(row(1), row(2), row(3)));
    }

    private static SheetRow row(long id) {
        return new SheetRow(id, "S000000" + id, "Family" + id, "Given", null, null, false, null, null);
    }

    @Test
    void redoDoesAgainWhatUndoUndidInOrder() {
        GridRow first = editor.rows().get(0);
        editor.edit(first, GridColumn.SCORE, "7");
        editor.edit(first, GridColumn.SCORE, "8");
        editor.undo();
        editor.undo();
        assertThat(first.text(GridColumn.SCORE)).isEmpty();

        assertThat(editor.redo()).isTrue();
        assertThat(first.text(GridColumn.SCORE)).isEqualTo("7");
        assertThat(first.stateProperty().get()).isEqualTo(RowState.EDITED);
        assertThat(editor.redo()).isTrue();
        assertThat(first.text(GridColumn.SCORE)).isEqualTo("8");
        assertThat(editor.redo()).isFalse();
        assertThat(editor.undo()).isTrue();
        assertThat(first.text(GridColumn.SCORE)).isEqualTo("7");
    }

    @Test
    void aNewEditEndsWhatCanBeRedone() {
        GridRow first = editor.rows().get(0);
        editor.pastePositional(List.of(List.of("5"), List.of("6")), 0, GridColumn.SCORE);
        editor.undo();
        editor.edit(editor.rows().get(2), GridColumn.SCORE, "9");
        assertThat(editor.canRedo()).isFalse();
        assertThat(editor.redo()).isFalse();
        assertThat(first.text(GridColumn.SCORE)).isEmpty();
    }

    @Test
    void aPasteGoesDownTheRowsInTheOrderShown() {
        List<GridRow> shown = List.of(
                editor.rows().get(2), editor.rows().get(0), editor.rows().get(1));
        editor.pastePositional(List.of(List.of("1"), List.of("2")), shown, 0, GridColumn.SCORE);
        assertThat(editor.rows().get(2).text(GridColumn.SCORE)).isEqualTo("1");
        assertThat(editor.rows().get(0).text(GridColumn.SCORE)).isEqualTo("2");
        assertThat(editor.rows().get(1).text(GridColumn.SCORE)).isEmpty();
    }
}
