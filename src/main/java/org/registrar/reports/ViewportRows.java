package org.registrar.reports;

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
 * columns now in view in. FX thread only.
 */
final class ViewportRows {
    @SuppressWarnings("rawtypes")
    private static final Callback DEFAULT_CELLS = TableColumn.DEFAULT_CELL_FACTORY;

    private final TableView<List<Object>> table;
    private ScrollBar across;

    private ViewportRows(TableView<List<Object>> table) {
        this.table = table;
    }

    /** Gives {@code table} rows that hold the cells of the columns in view only. */
    static void install(TableView<List<Object>> table) {
        ViewportRows rows = new ViewportRows(table);
        table.setRowFactory(unused -> rows.new Row());
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

        @Override
        protected Skin<?> createDefaultSkin() {
            return new CellsInView(this);
        }
    }

    /** A row's skin that starts without cells: its layout adds those in view (the height is fixed) and styles them. */
    private static final class CellsInView extends TableRowSkin<List<Object>> {
        CellsInView(TableRow<List<Object>> row) {
            super(row);
            TableView<List<Object>> view = row.getTableView();
            if (view != null && view.getFixedCellSize() > 0) {
                // JavaFX added every cell before it read the fixed height; with it, its layout adds the ones in view
                getChildren().clear();
            }
        }

        @Override
        protected void layoutChildren(double x, double y, double width, double height) {
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
