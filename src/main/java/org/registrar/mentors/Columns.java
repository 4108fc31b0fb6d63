package org.registrar.mentors;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Read-only table columns for the mentor screens: their values (the columns themselves are in the FXML). */
final class Columns {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private Columns() {}

    /** Shows one property of a row in {@code column}. */
    static <S, T> void value(TableColumn<S, T> column, Function<S, T> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    /** Shows a moment of a row as "2026-12-03 06:15" in {@code column}, sorted by the moment. */
    static <S> void time(TableColumn<S, Instant> column, Function<S, Instant> value) {
        value(column, value);
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : WHEN.format(item));
            }
        });
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
