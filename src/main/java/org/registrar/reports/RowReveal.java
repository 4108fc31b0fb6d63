package org.registrar.reports;

import java.util.function.BooleanSupplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/**
 * Lets a new table show its rows a few per pulse. A TableView gives every row in view a cell for each of its columns,
 * and fills the rest of its height with empty rows that have those cells too: a class overview's 43 columns × ~20
 * rows in view are ~860 cells made, styled and laid out, which in one pulse was most of its FX-thread stall (no
 * column is left out for being scrolled off to the side: a row is as wide as all its columns). So the table's height
 * is held back to its header, then grows each pulse by as many rows as a budget of cells allows, until the table
 * has the whole of its place. Used as a {@link PulseSteps#repeat} step. FX thread only.
 */
final class RowReveal implements BooleanSupplier {
    /**
     * At most this many new cells per pulse (or one row's, when a row has more). Each new cell is made, styled and
     * laid out in that pulse: 84 of them (a whole score sheet's height) took 46-93 ms of FX-thread CPU on a loaded
     * machine; 40 keep a pulse near half that.
     */
    static final int CELLS_PER_PULSE = 40;

    /** The row height when the stylesheet has not given one yet (2.8em of a 13 px font). */
    private static final double ROW_HEIGHT = 36;

    private final TableView<?> table;
    private final int rowsPerPulse;
    private int rows;

    RowReveal(TableView<?> table, int columns) {
        this.table = table;
        this.rowsPerPulse = rowsPerPulse(columns);
    }

    /** How many more rows the table shows per pulse for a report of {@code columns} columns. */
    static int rowsPerPulse(int columns) {
        return Math.max(1, CELLS_PER_PULSE / Math.max(1, columns));
    }

    /** Holds {@code table} to (less than) its header's height: no row gets cells until a step lets it in. */
    static void holdBack(TableView<?> table) {
        table.setMaxHeight(1);
    }

    /** Lets a few more rows into view; true once the table is no longer held back. */
    @Override
    public boolean getAsBoolean() {
        if (rows > 0 && table.getHeight() < table.getMaxHeight() - 1) {
            // the last height given was more than the table's place: it has all of it
            table.setMaxHeight(Region.USE_COMPUTED_SIZE);
            return true;
        }
        rows += rowsPerPulse;
        // a pixel short: the layout rounds the height up, and a sliver of one more row would give that row cells too
        table.setMaxHeight(top() + rows * rowHeight() - 1);
        return false;
    }

    private double top() {
        Insets insets = table.getInsets();
        Node header = table.lookup(".column-header-background");
        double headerHeight = header instanceof Region region ? Math.max(region.getHeight(), region.prefHeight(-1)) : 0;
        return insets.getTop() + insets.getBottom() + headerHeight;
    }

    private double rowHeight() {
        return table.getFixedCellSize() > 0 ? table.getFixedCellSize() : ROW_HEIGHT;
    }
}
