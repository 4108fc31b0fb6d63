package org.registrar.ui;

import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Sizes a table's columns to their content (issue 18): each column at least as wide as the longest word of its
 * header, preferably as wide as its header and the rows shown; one column (the widest text, e.g. an email) takes
 * whatever width is left. Refits when the table's width or rows change; a user may still drag a column wider.
 * Headers wrap onto two lines before they are cut (ColumnFit.css). FX thread only.
 */
public final class ColumnFit<S> {
    /** Cell padding, the header's sort arrow and a little air, in pixels. */
    private static final double HEADER_EXTRA = 18;

    private static final double CELL_EXTRA = 16;
    /** The arrow a sorted column's header shows beside its text. */
    private static final double SORT_ARROW = 14;

    private static final int SAMPLED_ROWS = 100;
    /** TableColumn's default preferred width, which its header takes as "never sized" (see notDefault). */
    private static final double DEFAULT_WIDTH = 80;

    private static final javafx.css.PseudoClass WRAPPED = javafx.css.PseudoClass.getPseudoClass("wrapped");
    /** Room for the vertical scroll bar, shown or not, so a full page never makes the table scroll sideways. */
    private static final double SCROLL_BAR = 14;

    /**
     * A column property: the width the user dragged the column to (a Double). The fit keeps it (at least the header's
     * longest word) instead of the content's width; the grid remembers it per user (issue 19).
     */
    public static final String USER_WIDTH = "registrar.userWidth";

    private final TableView<S> table;
    private final TableColumn<S, ?> flexible;
    private final List<TableColumn<S, ?>> optional;
    private final Text measure = new Text();

    private ColumnFit(TableView<S> table, TableColumn<S, ?> flexible, List<TableColumn<S, ?>> optional) {
        this.table = table;
        this.flexible = flexible;
        this.optional = optional;
    }

    /**
     * Fits {@code table}'s columns now and whenever its rows change; {@code flexible} takes the width left over.
     * The table then never scrolls sideways while its headers' longest words fit.
     */
    public static <S> ColumnFit<S> apply(TableView<S> table, TableColumn<S, ?> flexible) {
        return apply(table, flexible, List.of());
    }

    /**
     * As {@link #apply(TableView, TableColumn)}, and when the other columns' content does not fit, the
     * {@code optional} columns are hidden, first one first, until it does (panes resize by priority: what the
     * detail pane shows anyway goes first); they come back when the table is wide enough again.
     */
    public static <S> ColumnFit<S> apply(
            TableView<S> table, TableColumn<S, ?> flexible, List<TableColumn<S, ?>> optional) {
        ColumnFit<S> fit = new ColumnFit<>(table, flexible, List.copyOf(optional));
        table.getStyleClass().add("fit-columns");
        table.getStylesheets().add(ColumnFit.class.getResource("ColumnFit.css").toExternalForm());
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.skinProperty().addListener((obs, old, skin) -> fit.fit());
        table.widthProperty().addListener((obs, old, width) -> fit.fit());
        table.getSortOrder().addListener((ListChangeListener<TableColumn<S, ?>>) change -> fit.fit());
        table.getItems().addListener((ListChangeListener<S>) change -> fit.fit());
        table.itemsProperty().addListener((obs, old, items) -> {
            items.addListener((ListChangeListener<S>) change -> fit.fit());
            fit.fit();
        });
        fit.fit();
        return fit;
    }

    /**
     * Measures the headers and the rows shown and shares the table's width out: every column gets at least the
     * longest word of its header, then as much of its preferred width as fits, and the flexible column the rest.
     */
    public void fit() {
        measure.setFont(font());
        var columns = table.getColumns();
        double[] min = new double[columns.size()];
        double[] pref = new double[columns.size()];
        double[] full = new double[columns.size()];
        for (int index = 0; index < columns.size(); index++) {
            TableColumn<S, ?> column = columns.get(index);
            String header = column.getText() == null ? "" : column.getText();
            double longestWord = 0;
            for (String word : header.split("\\s+")) {
                longestWord = Math.max(longestWord, width(word));
            }
            double arrow = table.getSortOrder().contains(column) ? SORT_ARROW : 0;
            min[index] = Math.ceil(longestWord + HEADER_EXTRA + arrow);
            full[index] = Math.ceil(width(header) + HEADER_EXTRA + arrow);
            pref[index] = Math.max(
                    min[index], Math.ceil(Math.max(width(header) + HEADER_EXTRA, contentWidth(column) + CELL_EXTRA)));
            if (column.getProperties().get(USER_WIDTH) instanceof Double dragged) {
                pref[index] = Math.max(min[index], Math.floor(dragged));
            }
        }
        double available = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - SCROLL_BAR;
        boolean[] shown = new boolean[columns.size()];
        java.util.Arrays.fill(shown, true);
        // optional columns give way while the others' content would be cut: a narrow table shows fewer columns whole
        // rather than every column as "S00001…" (the flexible and optional ones count only their headers' words)
        for (TableColumn<S, ?> dropped : optional) {
            if (available <= 0 || needed(min, pref, shown) <= available) {
                break;
            }
            shown[columns.indexOf(dropped)] = false;
        }
        // the flexible column gives way first (down to its header), then the others share what is missing
        int flex = columns.indexOf(flexible);
        if (available > 0 && flex >= 0 && shown[flex]) {
            double deficit = sum(pref, shown) - available;
            if (deficit > 0) {
                pref[flex] = Math.max(min[flex], pref[flex] - deficit);
            }
        }
        double sumMin = sum(min, shown);
        double sumPref = sum(pref, shown);
        boolean wraps = false;
        for (int index = 0; index < columns.size(); index++) {
            double width;
            if (available <= 0 || available >= sumPref) {
                width = pref[index] + (columns.get(index) == flexible ? Math.max(0, available - sumPref) : 0);
            } else if (available > sumMin) {
                width = min[index] + (pref[index] - min[index]) * (available - sumMin) / (sumPref - sumMin);
            } else {
                width = min[index];
            }
            wraps |= shown[index] && Math.floor(width) < full[index];
            columns.get(index).setVisible(shown[index]);
            columns.get(index).setMinWidth(min[index]);
            columns.get(index).setPrefWidth(notDefault(Math.floor(width)));
        }
        // a header on two lines needs a header row of two lines (ColumnFit.css)
        table.pseudoClassStateChanged(WRAPPED, wraps);
    }

    /**
     * A column whose preferred width is exactly JavaFX's default (80) when its header is first laid out (a column
     * shown again) is sized to its content by the skin, whatever was asked: 79 instead keeps what was shared out.
     */
    private static double notDefault(double width) {
        return width == DEFAULT_WIDTH ? DEFAULT_WIDTH - 1 : width;
    }

    /** What the shown columns need uncut: the content of the fixed ones, the header words of the others. */
    private double needed(double[] min, double[] pref, boolean[] shown) {
        var columns = table.getColumns();
        double sum = 0;
        for (int index = 0; index < columns.size(); index++) {
            if (shown[index]) {
                TableColumn<S, ?> column = columns.get(index);
                sum += column == flexible || optional.contains(column) ? min[index] : pref[index];
            }
        }
        return sum;
    }

    private static double sum(double[] widths, boolean[] shown) {
        double sum = 0;
        for (int index = 0; index < widths.length; index++) {
            sum += shown[index] ? widths[index] : 0;
        }
        return sum;
    }

    private double contentWidth(TableColumn<S, ?> column) {
        double widest = 0;
        Font header = measure.getFont();
        measure.setFont(Font.font(header.getFamily(), header.getSize()));
        int rows = Math.min(SAMPLED_ROWS, table.getItems().size());
        for (int index = 0; index < rows; index++) {
            Object value = column.getCellObservableValue(index) == null
                    ? null
                    : column.getCellObservableValue(index).getValue();
            if (value != null) {
                widest = Math.max(widest, width(value.toString()));
            }
        }
        measure.setFont(header);
        return widest;
    }

    private double width(String text) {
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    /** The font the headers are drawn in (the theme's), once the table has a skin. */
    private Font font() {
        for (javafx.scene.Node node : table.lookupAll(".column-header .label")) {
            if (node instanceof javafx.scene.control.Labeled label) {
                return label.getFont();
            }
        }
        return Font.getDefault();
    }

    /** A cell value factory reading one property of a row as text, for columns built in FXML. */
    public static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(
                cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }
}
