package org.registrar.health;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.registrar.metrics.OperationStats;
import org.registrar.metrics.SampleHistory;
import org.registrar.metrics.StatementSample;

/** The tables of the desktop half: operations, slowest statements, events. */
final class HealthTables {
    private HealthTables() {}

    static TableView<OperationStats> operations(ObservableList<OperationStats> rows) {
        TableView<OperationStats> table = new TableView<>(rows);
        table.setId("operations-table");
        table.getColumns().add(column("Operation", 240, OperationStats::operation));
        table.getColumns().add(column("Runs", 70, stats -> String.format("%,d", stats.runs())));
        table.getColumns().add(column("Statements / run", 120, stats -> String.format("%.1f", stats.meanStatements())));
        table.getColumns().add(column("Max statements", 110, stats -> String.valueOf(stats.maxStatements())));
        table.getColumns().add(column("Mean ms", 90, stats -> String.format("%.1f", stats.meanMillis())));
        table.getColumns().add(column("p95 ms", 90, stats -> String.format("%.1f", stats.p95Millis())));
        table.getColumns().add(column("Errors", 70, stats -> String.valueOf(stats.errors())));
        table.setPlaceholder(new Label("No operations yet: use the app and they appear here."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    static TableView<StatementSample> slowest(ObservableList<StatementSample> rows) {
        TableView<StatementSample> table = new TableView<>(rows);
        table.setId("slowest-table");
        table.getColumns().add(column("ms", 80, sample -> String.format("%.1f", sample.millis())));
        table.getColumns().add(column("Operation", 170, StatementSample::operation));
        table.getColumns().add(column("When", 80, sample -> HealthFormat.time(sample.at())));
        table.getColumns().add(column("Failed", 60, sample -> sample.failed() ? "yes" : ""));
        table.getColumns().add(column("SQL (parameters never shown)", 500, sample -> oneLine(sample.sql())));
        table.setPlaceholder(new Label("No statements recorded yet."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    static TableView<SampleHistory.Event> events(ObservableList<SampleHistory.Event> rows) {
        TableView<SampleHistory.Event> table = new TableView<>(rows);
        table.setId("events-table");
        table.getColumns().add(column("When", 90, event -> HealthFormat.time(event.at())));
        table.getColumns().add(column("Event", 600, SampleHistory.Event::text));
        table.setPlaceholder(new Label("Nothing unusual recorded: no gaps, outages, timeouts or errors."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    static String oneLine(String sql) {
        return sql == null ? "" : sql.replaceAll("\\s+", " ").strip();
    }

    static <T> TableColumn<T, String> column(String title, double width, Function<T, String> text) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> constant(text.apply(cell.getValue())));
        return column;
    }

    private static ObservableValue<String> constant(String value) {
        return new ReadOnlyObjectWrapper<>(value);
    }
}
