package org.registrar.assessments.grid;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.SheetRow;
import org.registrar.assessments.input.ResultChanges;
import org.registrar.assessments.input.ScoreText;
import org.registrar.assessments.save.Draft;
import org.registrar.i18n.Messages;

/**
 * The grid's rows that carry an edit (a typed score, a changed comment, or the edited state), read on the FX thread
 * in one cheap pass, so that the draft, the changes to save and their review are worked out on any thread: strings,
 * numbers and states are copied, no {@link GridRow} is kept. Immutable and thread-safe.
 */
public final class GridSnapshot {
    /** One row as it stood when the snapshot was taken. */
    record Row(
            long studentId,
            String studentNumber,
            String name,
            String savedText,
            BigDecimal savedScore,
            boolean savedExcused,
            String savedComment,
            Integer basedOnVersion,
            String entry,
            String comment,
            RowState state) {

        boolean commentEdited() {
            return GridRow.commentEdited(comment, savedComment);
        }

        ResultChange change(BigDecimal maxScore) {
            SheetRow stored = new SheetRow(
                    studentId, studentNumber, name, "", null, savedScore, savedExcused, savedComment, basedOnVersion);
            return ResultChanges.of(stored, ScoreText.parse(entry, maxScore), comment);
        }
    }

    private final List<Row> rows;
    private final int errors;

    private GridSnapshot(List<Row> rows, int errors) {
        this.rows = rows;
        this.errors = errors;
    }

    /** Reads the rows that carry an edit. FX thread: reads the rows' properties. */
    public static GridSnapshot of(List<GridRow> grid) {
        List<Row> edited = new ArrayList<>();
        int errors = 0;
        for (GridRow row : grid) {
            if (row.stateProperty().get() == RowState.ERROR) {
                errors++;
            }
            Row snapshot = row.snapshot();
            if (snapshot != null) {
                edited.add(snapshot);
            }
        }
        return new GridSnapshot(List.copyOf(edited), errors);
    }

    /** Rows read (those carrying an edit). */
    public int size() {
        return rows.size();
    }

    /** Rows of the whole grid in the error state. */
    public int errors() {
        return errors;
    }

    /** The journal of every row that differs from what is saved. */
    public Draft draft(UUID batchId, long cohortId, Long assessmentId, NewAssessment created, Instant at) {
        List<Draft.Entry> entries = new ArrayList<>();
        for (Row row : rows) {
            boolean commentEdited = row.commentEdited();
            if (!row.entry().isEmpty() || commentEdited) {
                entries.add(new Draft.Entry(
                        row.studentId(), row.entry(), commentEdited ? row.comment() : null, row.basedOnVersion()));
            }
        }
        return new Draft(batchId, cohortId, assessmentId, created, at, entries);
    }

    /** What a save writes: the change of every edited row that asks for one. */
    public List<ResultChange> changes(BigDecimal maxScore) {
        List<ResultChange> changes = new ArrayList<>();
        for (Row row : edited()) {
            ResultChange change = row.change(maxScore);
            if (change != null) {
                changes.add(change);
            }
        }
        return changes;
    }

    /** Lines "Name: old → new" of what a save would write. */
    public List<String> describeChanges(BigDecimal maxScore) {
        List<String> lines = new ArrayList<>();
        for (Row row : edited()) {
            ResultChange change = row.change(maxScore);
            if (change != null) {
                String before = row.savedText().isEmpty() ? "–" : row.savedText();
                lines.add(Messages.text(
                        row.commentEdited() ? "messages.save.changeLineComment" : "messages.save.changeLine",
                        row.studentNumber() + " " + row.name(),
                        before,
                        ScoreText.format(change.score(), change.excused())));
            }
        }
        return lines;
    }

    /** True when a save would overwrite a saved score. */
    public boolean overwrites() {
        return edited().stream().anyMatch(row -> row.savedScore() != null || row.savedExcused());
    }

    private List<Row> edited() {
        return rows.stream().filter(row -> row.state() == RowState.EDITED).toList();
    }
}
