package org.registrar.mentors;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Read-only table columns for the mentor screens. */
final class Columns {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private Columns() {}

    static <S, T> TableColumn<S, T> of(String title, double width, Function<S, T> value) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** A column that keeps its width when the table is narrow (short values: numbers, codes, dates). */
    static <S, T> TableColumn<S, T> fixed(TableColumn<S, T> column) {
        column.setMinWidth(column.getPrefWidth());
        return column;
    }

    static <S> TableColumn<S, Integer> number(String title, double width, Function<S, Integer> value) {
        TableColumn<S, Integer> column = of(title, width, value);
        column.setStyle("-fx-alignment: center-right;");
        column.setMinWidth(width);
        return column;
    }

    static <S> TableColumn<S, Instant> time(String title, double width, Function<S, Instant> value) {
        TableColumn<S, Instant> column = fixed(of(title, width, value));
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : WHEN.format(item));
            }
        });
        return column;
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
