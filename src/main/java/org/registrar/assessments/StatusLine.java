package org.registrar.assessments;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.grid.RowState;
import org.registrar.i18n.Messages;

/**
 * The screen's message line: the last thing said and whether it is an error. "3 rows have problems" follows the
 * rows as they are fixed, until something else is said. FX thread only.
 */
final class StatusLine {
    private final ObservableList<GridRow> rows;
    private final StringProperty message = new SimpleStringProperty(Messages.text("messages.grid.pick"));
    private final BooleanProperty error = new SimpleBooleanProperty();
    /** The message counts the rows with problems: it follows them as they are fixed. */
    private boolean followingRowProblems;

    /** @param rows the grid's rows, whose problems a "rows have problems" message counts */
    StatusLine(ObservableList<GridRow> rows) {
        this.rows = rows;
    }

    void say(String text, boolean isError) {
        followingRowProblems = false;
        message.set(text);
        error.set(isError);
    }

    /** "3 rows have problems: …", kept true as rows are fixed (the problems list is rebuilt after each step). */
    void sayRowProblems(int count) {
        say(rowProblems(count), true);
        followingRowProblems = true;
    }

    /** Another grid opens: the rows counted are gone. */
    void stopFollowing() {
        followingRowProblems = false;
    }

    private static String rowProblems(int rows) {
        return Messages.text("messages.grid.rowProblems", rows);
    }

    /** The problems list changed: a "rows have problems" message counts again. */
    void problemsChanged() {
        if (!followingRowProblems) {
            return;
        }
        long left = rows.stream()
                .filter(row -> row.stateProperty().get() == RowState.ERROR)
                .count();
        if (left == 0) {
            say(Messages.text("messages.grid.allFixed"), false);
        } else {
            message.set(rowProblems((int) left));
        }
    }

    ReadOnlyStringProperty messageProperty() {
        return message;
    }

    ReadOnlyBooleanProperty errorProperty() {
        return error;
    }
}
