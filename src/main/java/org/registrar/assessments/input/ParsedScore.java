package org.registrar.assessments.input;

import java.math.BigDecimal;

/**
 * One score cell read: blank (keep what is saved), excused, a value, or invalid with the reason. Immutable.
 *
 * @param value the score for {@link Kind#VALUE}, else null
 * @param problem the message for {@link Kind#INVALID}, else null
 */
public record ParsedScore(Kind kind, BigDecimal value, String problem) {
    /** What the cell says. */
    public enum Kind {
        BLANK,
        EXCUSED,
        VALUE,
        INVALID
    }

    static final ParsedScore BLANK = new ParsedScore(Kind.BLANK, null, null);
    static final ParsedScore EXCUSED = new ParsedScore(Kind.EXCUSED, null, null);

    static ParsedScore of(BigDecimal value) {
        return new ParsedScore(Kind.VALUE, value, null);
    }

    static ParsedScore invalid(String problem) {
        return new ParsedScore(Kind.INVALID, null, problem);
    }

    public boolean isValid() {
        return kind != Kind.INVALID;
    }
}
