package org.registrar.reports;

import java.util.function.BooleanSupplier;
import javafx.scene.control.TableView;

/**
 * Lets a new table's rows get their cells a few per pulse. A TableView gives every row in view a cell for each column
 * in view, and fills the rest of its height with empty rows that have those cells too: ~20 rows of a wide report in
 * one pulse were most of its FX-thread stall. So the rows are held back (ViewportRows shows them empty) and each pulse
 * lets in as many as a budget of cells allows. The table keeps its place throughout: each pulse lays out and draws the
 * rows it lets in, not the whole table (growing the table's height a row a pulse redrew all of it each time, 20-36 ms
 * of the software renderer's work a pulse for a class overview). Used as a {@link PulseSteps#repeat} step. FX thread
 * only.
 */
final class RowReveal implements BooleanSupplier {
    /**
     * At most this many new cells per pulse (or one row's, when a row has more). Each new cell is made, styled and
     * laid out in that pulse: 84 of them (a whole score sheet's height) took 46-93 ms of FX-thread CPU on a loaded
     * machine; 40 keep a pulse near half that.
     */
    static final int CELLS_PER_PULSE = 40;

    private final TableView<?> table;
    private final int rowsPerPulse;

    RowReveal(TableView<?> table, int columns) {
        this.table = table;
        this.rowsPerPulse = rowsPerPulse(columns);
    }

    /** How many more rows the table shows per pulse for a report of {@code columns} columns. */
    static int rowsPerPulse(int columns) {
        return Math.max(1, CELLS_PER_PULSE / Math.max(1, columns));
    }

    /** Holds {@code table}'s rows back (it must have ViewportRows): none gets cells until a step lets it in. */
    static void holdBack(TableView<?> table) {
        ViewportRows.of(table).holdBack();
    }

    /** Lets a few more rows get their cells; true once every row in view has them. */
    @Override
    public boolean getAsBoolean() {
        return ViewportRows.of(table).reveal(rowsPerPulse);
    }
}
