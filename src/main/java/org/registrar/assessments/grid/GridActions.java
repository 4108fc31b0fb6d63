package org.registrar.assessments.grid;

import java.util.List;
import javafx.collections.ObservableList;

/**
 * What the grid control asks of the screen behind it: the rows it shows and the edits a user makes in it. The
 * screen validates, journals and makes each edit undoable; the grid only reads keys and cells. FX thread only.
 */
public interface GridActions {
    /** The rows the grid shows, in order. */
    ObservableList<GridRow> rows();

    /** {@code text} typed into one cell. */
    void edit(GridRow row, GridColumn column, String text);

    /** The saved values back in {@code rows}' cells of {@code column} (Escape). */
    void revert(List<GridRow> rows, GridColumn column);

    /** {@code rows}' cells of {@code column} emptied (Delete). */
    void clear(List<GridRow> rows, GridColumn column);

    /** The first of {@code rows}' values copied to the others (Ctrl+D). */
    void fillDown(List<GridRow> rows, GridColumn column);

    /** The last edit undone (Ctrl+Z). */
    void undo();

    /** The last edit undone done again (Ctrl+Y, Ctrl+Shift+Z). */
    void redo();

    /**
     * Pasted {@code text} placed from row {@code anchor} of {@code order} (the rows as the grid shows them, sorted
     * and filtered) in {@code column}, or matched by student number.
     */
    void paste(String text, List<GridRow> order, int anchor, GridColumn column);

    /**
     * Cells the grid itself copied, placed cell for cell from row {@code anchor} of {@code order} in {@code column}
     * and rightwards: a row of blank cells stays a row (a blank cell keeps what is there), nothing is matched.
     */
    void pasteCells(List<List<String>> cells, List<GridRow> order, int anchor, GridColumn column);
}
