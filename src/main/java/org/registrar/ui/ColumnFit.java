package org.registrar.ui;

import java.util.ArrayList;
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
    private int layouts;

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
     * Measures the headers and the rows shown and shares the table's width out by priority: every column gets at
     * least the longest word of its header; then the values of the columns that always show, then those of the
     * optional ones, are shown whole; then headers on one line; then the flexible column's values; the flexible
     * column takes what is left. A header wraps onto two lines before a value is cut.
     */
    public void fit() {
        measure.setFont(font());
        var columns = table.getColumns();
        int count = columns.size();
        double[] min = new double[count];
        double[] content = new double[count];
        double[] full = new double[count];
        double[] pref = new double[count];
        for (int index = 0; index < count; index++) {
            TableColumn<S, ?> column = columns.get(index);
            String header = column.getText() == null ? "" : column.getText();
            double longestWord = 0;
            for (String word : header.split("\\s+")) {
                longestWord = Math.max(longestWord, width(word));
            }
            double arrow = table.getSortOrder().contains(column) ? SORT_ARROW : 0;
            min[index] = Math.ceil(longestWord + HEADER_EXTRA + arrow);
            full[index] = Math.ceil(width(header) + HEADER_EXTRA + arrow);
            content[index] = Math.max(min[index], Math.ceil(contentWidth(column) + CELL_EXTRA));
            if (column.getProperties().get(USER_WIDTH) instanceof Double dragged) {
                content[index] = Math.max(min[index], Math.floor(dragged));
                full[index] = Math.min(full[index], content[index]);
            }
            pref[index] = Math.max(full[index], content[index]);
        }
        double available = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - SCROLL_BAR;
        boolean[] shown = new boolean[count];
        java.util.Arrays.fill(shown, true);
        // optional columns give way while the values of the columns shown would be cut: a narrow table shows fewer
        // columns whole rather than every column as "S00001…" (the flexible one counts only its header's words)
        for (TableColumn<S, ?> dropped : optional) {
            if (available <= 0 || needed(min, content, shown) <= available) {
                break;
            }
            shown[columns.indexOf(dropped)] = false;
        }
        double[] width = available <= 0 ? pref.clone() : share(available, min, content, full, pref, shown);
        boolean wraps = false;
        boolean shownAgain = false;
        for (int index = 0; index < count; index++) {
            wraps |= shown[index] && Math.floor(width[index]) < full[index];
            shownAgain |= shown[index] && !columns.get(index).isVisible();
            columns.get(index).setVisible(shown[index]);
            columns.get(index).setMinWidth(min[index]);
            columns.get(index).setPrefWidth(notDefault(Math.floor(width[index])));
        }
        // a header on two lines needs a header row of two lines (ColumnFit.css)
        table.pseudoClassStateChanged(WRAPPED, wraps);
        if (shownAgain) {
            // the rows' cells of a column shown again are otherwise drawn at the top of some rows, not centred
            table.refresh();
        }
    }

    /**
     * The widths of the shown columns, raised step by step from their headers' longest words towards each step's
     * target while {@code available} lasts; a step that cannot be met in full is shared in proportion to what each
     * column lacks. Whatever is left after the last step goes to the flexible column.
     */
    private double[] share(
            double available, double[] min, double[] content, double[] full, double[] pref, boolean[] shown) {
        var columns = table.getColumns();
        int flex = columns.indexOf(flexible);
        double[] width = new double[min.length];
        double[] always = new double[min.length];
        double[] optionalToo = new double[min.length];
        double[] headers = new double[min.length];
        for (int index = 0; index < min.length; index++) {
            boolean isOptional = optional.contains(columns.get(index));
            width[index] = min[index];
            always[index] = index == flex || isOptional ? min[index] : content[index];
            optionalToo[index] = index == flex ? min[index] : content[index];
            headers[index] = index == flex ? Math.max(min[index], full[index]) : pref[index];
        }
        double left = available - sum(min, shown);
        for (double[] target : List.of(always, optionalToo, headers, pref)) {
            left = raise(width, target, shown, left);
        }
        if (flex >= 0 && shown[flex] && left > 0) {
            width[flex] += left;
        }
        return width;
    }

    /** Raises {@code width} towards {@code target} with at most {@code left} pixels; returns what is left. */
    private static double raise(double[] width, double[] target, boolean[] shown, double left) {
        double lacking = 0;
        for (int index = 0; index < width.length; index++) {
            lacking += shown[index] ? Math.max(0, target[index] - width[index]) : 0;
        }
        if (lacking <= 0 || left <= 0) {
            return left;
        }
        double part = Math.min(1, left / lacking);
        for (int index = 0; index < width.length; index++) {
            if (shown[index] && target[index] > width[index]) {
                width[index] += (target[index] - width[index]) * part;
            }
        }
        return left - lacking * part;
    }

    /**
     * A column whose preferred width is exactly JavaFX's default (80) when its header is first laid out (a column
     * shown again) is sized to its content by the skin, whatever was asked: 79 instead keeps what was shared out.
     */
    private static double notDefault(double width) {
        return width == DEFAULT_WIDTH ? DEFAULT_WIDTH - 1 : width;
    }

    /** What the shown columns need for whole values: their content, the flexible one only its header's words. */
    private double needed(double[] min, double[] content, boolean[] shown) {
        var columns = table.getColumns();
        double sum = 0;
        for (int index = 0; index < columns.size(); index++) {
            if (shown[index]) {
                sum += columns.get(index) == flexible ? min[index] : content[index];
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
        int rows = Math.min(SAMPLED_ROWS, table.getItems().size());
        List<String> values = new ArrayList<>(rows);
        for (int index = 0; index < rows; index++) {
            Object value = column.getCellObservableValue(index) == null
                    ? null
                    : column.getCellObservableValue(index).getValue();
            if (value != null) {
                values.add(value.toString());
            }
        }
        Font header = measure.getFont();
        measure.setFont(cellFont(header));
        double widest = widestLine(values);
        measure.setFont(header);
        return widest;
    }

    /**
     * The width of the widest of {@code texts} in the measuring font: one text layout of them all, a line each (a
     * text's layout bounds are as wide as its widest line), not one layout per value, which cost most of the first
     * page's fit on the FX thread (ADR 0061). Values that end in white space, which a line's width leaves out, are
     * measured alone.
     */
    double widestLine(List<String> texts) {
        double widest = 0;
        StringBuilder lines = new StringBuilder();
        for (String text : texts) {
            if (!text.isEmpty() && Character.isWhitespace(text.charAt(text.length() - 1))) {
                widest = Math.max(widest, width(text));
            } else {
                lines.append(lines.length() == 0 ? "" : "\n").append(text);
            }
        }
        return lines.length() == 0 ? widest : Math.max(widest, width(lines.toString()));
    }

    private double width(String text) {
        layouts++;
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    /** How many text layouts this fit has measured; a test counts them. */
    int layouts() {
        return layouts;
    }

    /** Sets the font {@link #widestLine} measures in; a test compares it with values measured one by one. */
    void measureIn(Font font) {
        measure.setFont(font);
    }

    /**
     * The font the cells are drawn in (the theme's, once a row is shown), else the headers' family at their size:
     * values measured in another font than they are drawn in come out cut.
     */
    private Font cellFont(Font header) {
        for (javafx.scene.Node node : table.lookupAll(".table-cell")) {
            if (node instanceof javafx.scene.control.Labeled cell) {
                return cell.getFont();
            }
        }
        return Font.font(header.getFamily(), header.getSize());
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
