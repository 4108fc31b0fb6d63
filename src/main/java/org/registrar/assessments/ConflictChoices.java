package org.registrar.assessments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.registrar.assessments.data.Conflict;
import org.registrar.assessments.grid.GridColumn;
import org.registrar.assessments.grid.GridEditor;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.grid.RowState;
import org.registrar.assessments.input.ScoreText;
import org.registrar.i18n.Messages;

/**
 * Rows a save found changed by someone else meanwhile: each shows theirs and yours until the user keeps theirs or
 * takes the saved one. FX thread only.
 */
final class ConflictChoices {
    private final GridEditor editor;
    private final Runnable journal;
    private final Map<Long, Conflict> conflicts = new HashMap<>();

    /** @param journal writes the open grid's draft (after a choice changes what is unsaved) */
    ConflictChoices(GridEditor editor, Runnable journal) {
        this.editor = editor;
        this.journal = journal;
    }

    /** Marks the conflict's row, with what is saved now and what this user entered. */
    void show(Conflict conflict) {
        GridRow row = editor.row(conflict.studentId());
        conflicts.put(conflict.studentId(), conflict);
        row.setState(RowState.CONFLICT, message(conflict));
    }

    /** The student's result was saved: no choice is left to make. */
    void forget(long studentId) {
        conflicts.remove(studentId);
    }

    /** Keep yours (the next save overwrites theirs) or take theirs, for the conflicted rows among {@code rows}. */
    void resolve(List<GridRow> rows, boolean keepMine) {
        for (GridRow row : rows) {
            Conflict conflict = conflicts.remove(row.studentId());
            if (conflict == null) {
                continue;
            }
            if (keepMine) {
                row.rebase(conflict.theirVersion());
            }
            row.markSaved(
                    conflict.theirScore(), conflict.theirExcused(), conflict.theirComment(), conflict.theirVersion());
            if (!keepMine) {
                row.setText(GridColumn.SCORE, "");
                row.setText(GridColumn.COMMENT, conflict.theirComment());
            }
            row.setState(RowState.UNCHANGED, "");
            editor.validate(row);
        }
        editor.rebuildIssues();
        journal.run();
    }

    private static String message(Conflict conflict) {
        String theirs = conflict.theirVersion() == null
                ? Messages.text("assessments.conflict.deleted")
                : Messages.text(
                        "assessments.conflict.theirs",
                        ScoreText.format(conflict.theirScore(), conflict.theirExcused()),
                        conflict.theirRecordedBy());
        String yours =
                ScoreText.format(conflict.yours().score(), conflict.yours().excused());
        return Messages.text("assessments.conflict.message", theirs, yours);
    }
}
