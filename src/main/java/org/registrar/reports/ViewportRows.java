package org.registrar.reports;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Skin;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableRowSkin;
import javafx.scene.control.skin.VirtualFlow;
import javafx.util.Callback;

/**
 * A report table's rows put into the scene only the cells of the columns in view. JavaFX 21 means to do so for a table
 * of fixed row height (the stylesheet gives one), but (1) it takes a row as wide as all its columns to be in view, and
 * (2) a new row's skin adds every cell to the scene before it knows the height is fixed, so each cell is made a skin
 * and styled (a class overview's 93 columns × ~17 rows: ~1,600 cells, ~70 KB allocated and ~18 KB kept each, most of it
 * CSS selector matching) and then taken out again. Here a row is as wide as the view reaches (its preferred width is
 * still all its columns', so the scroll bar and header are unchanged), its skin starts without cells, and a cell gets
 * its skin and style when it first comes into view. Horizontal scrolling widens the rows and lets the cells of the
 * columns now in view in.
 *
 * <p>A new report's rows can also be held back and let in a few per pulse ({@link #holdBack}, {@link #reveal}): the
 * table has its whole place once its header is made, a held-back row shows empty, and a row let in gets the cells in
 * view. Each pulse lays out and draws only the rows it lets in (a table that grew a row a pulse was laid out and
 * redrawn whole each time). A row's skin is made with the row, before it is in the scene (see {@link Row#Row()}).
 * FX thread only.
 */
final class ViewportRows {
    @SuppressWarnings("rawtypes")
    private static final Callback DEFAULT_CELLS = TableColumn.DEFAULT_CELL_FACTORY;

    private static final String KEY = ViewportRows.class.getName();

    private final TableView<List<Object>> table;
    /** The rows this table made (a VirtualFlow makes a few dozen and reuses them). */
    private final List<Row> rows = new ArrayList<>();
    /** Rows made ahead of the table's first layout with rows ({@link #makeAhead}), handed out first. */
    private final Deque<Row> ahead = new ArrayDeque<>();

    private ScrollBar across;
    /** Rows from the top of the view that have their cells; every row when not held back. */
    private int revealed = Integer.MAX_VALUE;
    /** The index of the first row in view when the reveal last looked. */
    private int top;

    private ViewportRows(TableView<List<Object>> table) {
        this.table = table;
    }

    /** Gives {@code table} rows that hold the cells of the columns in view only. */
    static ViewportRows install(TableView<List<Object>> table) {
        ViewportRows viewport = new ViewportRows(table);
        table.getProperties().put(KEY, viewport);
        table.setRowFactory(unused -> {
            Row row = viewport.ahead.isEmpty() ? viewport.new Row() : viewport.ahead.poll();
            viewport.rows.add(row);
            return row;
        });
        return viewport;
    }

    /** The rows {@link #install} gave {@code table}. */
    static ViewportRows of(TableView<?> table) {
        return (ViewportRows) table.getProperties().get(KEY);
    }

    /**
     * Makes up to {@code count} rows before the table asks for them; true once {@code needed} are waiting. A row
     * makes a cell for each column (93 in a class overview) with its skin: the ~20 rows a table shows, made in the
     * pulse it first lays them out, were a 25-38 ms piece of FX-thread work.
     */
    boolean makeAhead(int count, int needed) {
        for (int made = 0; made < count && ahead.size() < needed; made++) {
            ahead.add(new Row());
        }
        return ahead.size() >= needed;
    }

    /** No row gets its cells until {@link #reveal} lets it in. */
    void holdBack() {
        revealed = 0;
    }

    /**
     * Lets {@code more} rows more, counted from the top of the view, get their cells in the next layout; true once
     * every row in view has been let in (rows after that get their cells as usual).
     */
    boolean reveal(int more) {
        top = Integer.MAX_VALUE;
        int last = -1;
        for (Row row : rows) {
            if (inView(row)) {
                top = Math.min(top, row.getIndex());
                last = Math.max(last, row.getIndex());
            }
        }
        if (last < 0) {
            // no row in view (no rows, or a table not on the screen): nothing to spread over pulses
            revealed = Integer.MAX_VALUE;
            return true;
        }
        int before = revealed;
        revealed = (int) Math.min(Integer.MAX_VALUE, (long) revealed + more);
        for (Row row : rows) {
            // only the rows let in now: laying out those let in before again would cost a pulse more each time
            if (inView(row) && letIn(row.getIndex()) && row.getIndex() - top >= before) {
                row.requestLayout();
            }
        }
        if (letIn(last)) {
            revealed = Integer.MAX_VALUE;
            return true;
        }
        return false;
    }

    private boolean letIn(int index) {
        return revealed == Integer.MAX_VALUE || (index >= 0 && index - top < revealed);
    }

    private static boolean inView(Row row) {
        return row.isVisible() && row.getParent() != null && row.getIndex() >= 0;
    }

    /**
     * A column's cell as JavaFX makes it, as wide as its column before it has a skin: a row places each cell after the
     * widths of the cells before it, those out of view too (which have none).
     */
    @SuppressWarnings("unchecked")
    static TableCell<List<Object>, String> cell(TableColumn<List<Object>, String> column) {
        TableCell<List<Object>, String> cell = (TableCell<List<Object>, String>) DEFAULT_CELLS.call(column);
        cell.prefWidthProperty().bind(column.widthProperty());
        return cell;
    }

    /** How far to the right the table's view reaches, in a row's coordinates; unbounded until the table has a skin. */
    private double rightEdge() {
        ScrollBar bar = scrollBar();
        return bar == null ? Double.MAX_VALUE : bar.getValue() + table.getWidth();
    }

    /** The table's horizontal scroll bar (its VirtualFlow's), found once. */
    private ScrollBar scrollBar() {
        if (across == null) {
            for (Node node : table.lookupAll(".scroll-bar")) {
                if (node instanceof ScrollBar bar
                        && bar.getOrientation() == Orientation.HORIZONTAL
                        && bar.getParent() instanceof VirtualFlow) {
                    across = bar;
                    break;
                }
            }
        }
        return across;
    }

    /** A row as wide as the view reaches, re-sized when the table scrolls sideways. */
    private final class Row extends TableRow<List<Object>> {
        private double asked = -1;
        private boolean following;

        @Override
        public void resize(double width, double height) {
            asked = width;
            super.resize(Math.min(width, rightEdge()), height);
            ScrollBar bar = following ? null : scrollBar();
            if (bar != null) {
                following = true;
                bar.valueProperty().addListener((value, before, now) -> {
                    if (asked >= 0) {
                        resize(asked, getHeight());
                    }
                });
            }
        }

        Row() {
            // the skin is made now, before the row is in the scene: it puts a cell for every column into the row and
            // takes those out of view out again, which in the scene styled each of them (a CSS pass per cell)
            updateTableView(table);
            setSkin(new CellsInView(this));
        }

        @Override
        protected Skin<?> createDefaultSkin() {
            return new CellsInView(this);
        }

        /** Whether this row may have its cells yet (a held-back report lets its rows in a few per pulse). */
        boolean letIn() {
            return ViewportRows.this.letIn(getIndex());
        }
    }

    /**
     * A row's skin that starts without cells: its layout adds those in view (the height is fixed) and styles them,
     * once the row is let in.
     */
    private static final class CellsInView extends TableRowSkin<List<Object>> {
        private final Row row;

        CellsInView(Row row) {
            super(row);
            this.row = row;
            TableView<List<Object>> view = row.getTableView();
            if (view != null && view.getFixedCellSize() > 0) {
                // JavaFX added every cell before it read the fixed height; with it, its layout adds the ones in view
                getChildren().clear();
            }
        }

        @Override
        protected void layoutChildren(double x, double y, double width, double height) {
            if (!row.letIn()) {
                // held back: shown empty (its background only) until the reveal lets it in and lays it out again
                return;
            }
            super.layoutChildren(x, y, width, height);
            // a cell let in by this layout is styled now (it is laid out next in this same pass, and drawn in this
            // frame)
            for (Node child : getChildren()) {
                if (child instanceof Control cell && cell.getSkin() == null) {
                    cell.applyCss();
                }
            }
        }
    }
}
