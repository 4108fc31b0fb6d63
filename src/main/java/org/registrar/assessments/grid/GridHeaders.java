package org.registrar.assessments.grid;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * What the grid's headers do beyond naming their columns: a click sorts by the column (a second click reverses),
 * and a column dragged wider or narrower is remembered for this user and given its width again on the next open.
 * FX thread only.
 */
final class GridHeaders {
    /** The columns left to right: their ids and how a click on their header sorts them. */
    private static final List<String> IDS =
            List.of("number-column", "name-column", "saved-column", "score-column", "comment-column", "state-column");

    private static final Map<String, Comparator<String>> ORDER = Map.of(
            "number-column", GridOrder.text(),
            "name-column", GridOrder.text(),
            "saved-column", GridOrder.scores(),
            "score-column", GridOrder.scores(),
            "comment-column", GridOrder.text(),
            "state-column", GridOrder.states());

    private GridHeaders() {}

    /** Every column sortable by its own order, named by its id (the key its remembered width is kept under). */
    @SuppressWarnings("unchecked")
    static void sortable(TableView<GridRow> table) {
        List<TableColumn<GridRow, ?>> columns = table.getColumns();
        for (int i = 0; i < columns.size() && i < IDS.size(); i++) {
            TableColumn<GridRow, String> column = (TableColumn<GridRow, String>) columns.get(i);
            if (column.getId() == null) {
                column.setId(IDS.get(i));
            }
            column.setComparator(ORDER.getOrDefault(column.getId(), GridOrder.text()));
            column.setSortable(true);
        }
    }

    /**
     * The widths {@code widths} remembers, given back (never below what a header needs) under {@code userKey}, the
     * width the table's column fitting then keeps (ColumnFit.USER_WIDTH); and from now on every
     * column the user drags is remembered.
     */
    static void rememberWidths(TableView<GridRow> table, ColumnWidths widths, String userKey) {
        for (TableColumn<GridRow, ?> column : table.getColumns()) {
            if (column.getId() != null) {
                widths.width(column.getId()).ifPresent(width -> {
                    double restored = Math.max(column.getMinWidth(), width);
                    column.getProperties().put(userKey, restored);
                    column.setPrefWidth(restored);
                });
            }
        }
        Callback<TableView.ResizeFeatures, Boolean> policy = table.getColumnResizePolicy();
        table.setColumnResizePolicy(features -> {
            boolean resized = policy.call(features);
            TableColumn<?, ?> column = features.getColumn();
            // a column of its own: the user dragged its header's edge (the grid's own fitting calls with none)
            if (resized && column != null && column.getId() != null) {
                column.getProperties().put(userKey, column.getWidth());
                widths.remember(column.getId(), column.getWidth());
            }
            return resized;
        });
    }
}
