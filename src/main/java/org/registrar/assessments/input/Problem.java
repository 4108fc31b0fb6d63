package org.registrar.assessments.input;

import org.registrar.i18n.Messages;

/**
 * A bad value at one place: the input line (1-based; for the grid, the row number), the column it concerns, the
 * student key as given, and a message a person can act on. Immutable.
 */
public record Problem(int line, Column column, String student, String message) {
    /** The input columns a problem can concern. */
    public enum Column {
        STUDENT,
        SCORE,
        COMMENT
    }

    /** "line 4, S0000012: "abc" is not a number" */
    public String describe() {
        return student == null || student.isBlank()
                ? Messages.text("messages.problem.line", line, message)
                : Messages.text("messages.problem.lineStudent", line, student, message);
    }
}
