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

/** Read-only table columns for the mentor screens. */
final class Columns {
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
                setText(empty || item == null ? null : when(item));
            }
        });
        return column;
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
