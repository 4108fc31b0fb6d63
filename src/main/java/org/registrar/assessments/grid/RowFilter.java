package org.registrar.assessments.grid;

import org.registrar.i18n.Messages;

/** Which rows the grid shows: all, those without a score, those with a problem, those changed and not saved. */
public enum RowFilter {
    ALL,
    WITHOUT_SCORE,
    PROBLEMS,
    CHANGED;

    /** True when {@code row} is one this filter shows. FX thread: reads the row's properties. */
    public boolean test(GridRow row) {
        return switch (this) {
            case ALL -> true;
            case WITHOUT_SCORE ->
                row.savedProperty().get().isEmpty() && row.entryProperty().get().isBlank();
            case PROBLEMS ->
                row.stateProperty().get() == RowState.ERROR
                        || row.stateProperty().get() == RowState.CONFLICT;
            // what a save or the draft would take: a typed score, a changed comment, the edited state
            case CHANGED -> row.snapshot() != null;
        };
    }

    /** "Only problems (3)": the choice as the filter control shows it, with how many rows it shows now. */
    public String label(int count) {
        return switch (this) {
            case ALL -> Messages.text("grid.filter.all", count);
            case WITHOUT_SCORE -> Messages.text("grid.filter.withoutScore", count);
            case PROBLEMS -> Messages.text("grid.filter.problems", count);
            case CHANGED -> Messages.text("grid.filter.changed", count);
        };
    }
}
