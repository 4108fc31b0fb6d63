package org.registrar.health;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.registrar.i18n.Messages;
import org.registrar.metrics.OperationNames;
import org.registrar.metrics.OperationStats;
import org.registrar.metrics.SampleHistory;
import org.registrar.metrics.StatementSample;

/**
 * The tables of the desktop half: operations, slowest statements, events. Operations are shown by their names
 * ("Load students page", {@link OperationNames}), not by the status bar's phrases for them done.
 */
final class HealthTables {
    private HealthTables() {}

    static TableView<OperationStats> operations(ObservableList<OperationStats> rows) {
        TableView<OperationStats> table = new TableView<>(rows);
        table.setId("operations-table");
        table.getColumns()
                .add(column(
                        Messages.text("health.column.operation"),
                        240,
                        stats -> OperationNames.name(stats.operation())));
        table.getColumns()
                .add(column(
                        Messages.text("health.column.runs"),
                        70,
                        stats -> String.format(Messages.locale(), "%,d", stats.runs())));
        table.getColumns()
                .add(column(
                        Messages.text("health.column.statements-per-run"),
                        120,
                        stats -> String.format(Messages.locale(), "%.1f", stats.meanStatements())));
        table.getColumns()
                .add(column(
                        Messages.text("health.column.max-statements"),
                        110,
                        stats -> String.valueOf(stats.maxStatements())));
        table.getColumns()
                .add(column(
                        Messages.text("health.column.mean-ms"),
                        90,
                        stats -> String.format(Messages.locale(), "%.1f", stats.meanMillis())));
        table.getColumns()
                .add(column(
                        Messages.text("health.column.p95-ms"),
                        90,
                        stats -> String.format(Messages.locale(), "%.1f", stats.p95Millis())));
        table.getColumns()
                .add(column(Messages.text("health.column.errors"), 70, stats -> String.valueOf(stats.errors())));
        table.setPlaceholder(new Label(Messages.text("health.operations.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    static TableView<StatementSample> slowest(ObservableList<StatementSample> rows) {
        TableView<StatementSample> table = new TableView<>(rows);
        table.setId("slowest-table");
        table.getColumns()
                .add(column(
                        Messages.text("health.column.ms"),
                        80,
                        sample -> String.format(Messages.locale(), "%.1f", sample.millis())));
        table.getColumns()
                .add(column(
                        Messages.text("health.column.operation"),
                        170,
                        sample -> OperationNames.name(sample.operation())));
        table.getColumns()
                .add(column(Messages.text("health.column.when"), 80, sample -> HealthFormat.time(sample.at())));
        table.getColumns()
                .add(column(
                        Messages.text("health.column.failed"),
                        60,
                        sample -> sample.failed() ? Messages.text("health.yes") : ""));
        table.getColumns().add(column(Messages.text("health.column.sql"), 500, sample -> oneLine(sample.sql())));
        table.setPlaceholder(new Label(Messages.text("health.slowest.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    static TableView<SampleHistory.Event> events(ObservableList<SampleHistory.Event> rows) {
        TableView<SampleHistory.Event> table = new TableView<>(rows);
        table.setId("events-table");
        table.getColumns().add(column(Messages.text("health.column.when"), 90, event -> HealthFormat.time(event.at())));
        table.getColumns().add(column(Messages.text("health.column.event"), 600, SampleHistory.Event::text));
        table.setPlaceholder(new Label(Messages.text("health.events.none")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    static String oneLine(String sql) {
        return sql == null ? "" : sql.replaceAll("\\s+", " ").strip();
    }

    static <T> TableColumn<T, String> column(String title, double width, Function<T, String> text) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        // never narrower than its header: a shared table shrinks its other columns first
        column.setMinWidth(headerWidth(title));
        column.setCellValueFactory(cell -> constant(text.apply(cell.getValue())));
        return column;
    }

    /** The width a column header needs for its words in the theme's bold header font, with its padding. */
    static double headerWidth(String title) {
        Text measured = new Text(title);
        measured.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 14));
        return Math.ceil(measured.getLayoutBounds().getWidth()) + 24;
    }

    private static ObservableValue<String> constant(String value) {
        return new ReadOnlyObjectWrapper<>(value);
    }
}
