package org.registrar.mentors;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import org.registrar.i18n.Messages;

/** Read-only table columns for the mentor screens: their values (the columns themselves are in the FXML). */
final class Columns {
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
                setText(empty || item == null ? null : when(item));
            }
        });
    }

    static String when(Instant instant) {
        // the chosen language's date order ("03.12.26, 09:04" in German), read when shown: the language may change
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                        .withLocale(Messages.locale())
                        .withZone(ZoneId.systemDefault())
                        .format(instant);
    }
}
