package org.registrar.reports;

import java.util.function.BooleanSupplier;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/**
 * Lets a new table's rows get their cells a few per pulse. A TableView gives every row in view a cell for each column
 * in view, and fills the rest of its height with empty rows that have those cells too: ~20 rows of a wide report in
 * one pulse were most of its FX-thread stall. So the table is held to its header's height while its columns come
 * (each batch of columns lays its rows out again); the rows it will show are made a few a pulse, out of the scene
 * (ViewportRows#makeAhead); then it is given its whole place with its rows held back (ViewportRows shows them empty),
 * and each pulse after that lets in as many rows as a budget of cells allows. Each of those pulses
 * lays out and draws the rows it lets in, not the whole table: a table that grew a row a pulse was redrawn whole each
 * time, 20-36 ms of the software renderer's work a pulse for a class overview. Used as a {@link PulseSteps#repeat}
 * step. FX thread only.
 */
final class RowReveal implements BooleanSupplier {
    /**
     * At most this many new cells per pulse (or one row's, when a row has more). Each new cell is made, styled and
     * laid out in that pulse: 84 of them (a whole score sheet's height) took 46-93 ms of FX-thread CPU on a loaded
     * machine; 40 keep a pulse near half that.
     */
    static final int CELLS_PER_PULSE = 40;

    /**
     * Cells made per pulse in rows made ahead (ViewportRows#makeAhead): made before the rows are in the scene, they
     * are not styled or laid out, so many more fit in a pulse than cells put on the screen.
     */
    static final int CELLS_MADE_PER_PULSE = 200;

    /** The row height when the stylesheet has not given one (2.8em of a 13 px font). */
    private static final double ROW_HEIGHT = 36;

    private final TableView<?> table;
    private final int columns;
    private final double place;
    private boolean placed;

    /** For a table of {@code columns} columns that will have {@code place} pixels of height. */
    RowReveal(TableView<?> table, int columns, double place) {
        this.table = table;
        this.columns = Math.max(1, columns);
        this.place = place;
    }

    /** How many more rows the table shows per pulse for a report of {@code columns} columns. */
    static int rowsPerPulse(int columns) {
        return Math.max(1, CELLS_PER_PULSE / Math.max(1, columns));
    }

    /**
     * Holds {@code table} (it must have ViewportRows) to (less than) its header's height, and its rows back: none gets
     * cells until a step lets it in.
     */
    static void holdBack(TableView<?> table) {
        table.setMaxHeight(1);
        ViewportRows.of(table).holdBack();
    }

    /**
     * Makes the rows the table will show, a few a pulse; then gives the table its place (its rows show empty); then
     * lets a few more rows get their cells each time.
     */
    @Override
    public boolean getAsBoolean() {
        ViewportRows rows = ViewportRows.of(table);
        if (!placed) {
            // the rows in view, one partly, and the one the flow keeps to measure with
            int needed = (int) Math.ceil(place / rowHeight()) + 2;
            if (rows.makeAhead(Math.max(1, CELLS_MADE_PER_PULSE / columns), needed)) {
                placed = true;
                table.setMaxHeight(Region.USE_COMPUTED_SIZE);
            }
            return false;
        }
        return rows.reveal(rowsPerPulse(columns));
    }

    private double rowHeight() {
        return table.getFixedCellSize() > 0 ? table.getFixedCellSize() : ROW_HEIGHT;
    }
}
