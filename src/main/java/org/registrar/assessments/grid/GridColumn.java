package org.registrar.assessments.grid;

/** The grid's editable columns, in their order left to right. */
public enum GridColumn {
    SCORE,
    COMMENT;

    /** The editable column {@code offset} places to the right, or null past the last one. */
    GridColumn plus(int offset) {
        int index = ordinal() + offset;
        return index >= 0 && index < values().length ? values()[index] : null;
    }
}
