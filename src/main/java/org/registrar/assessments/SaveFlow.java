package org.registrar.assessments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.registrar.assessments.input.ParsedScore;
import org.registrar.assessments.input.ScoreText;
import org.registrar.db.DatabaseErrors;
import org.registrar.tasks.Tasks;

/**
 * Saving the grid: collects the changes, writes the draft (with the batch id) before the first attempt, saves in
 * one transaction, and applies the outcome row by row: saved, conflict (theirs and yours), or refused. FX thread
 * only, except the work handed to {@link Tasks}.
 */
final class SaveFlow {
    static final String SAVE = "Save results";

    private final BulkEntryViewModel model;
    private final Tasks tasks;
    private final ResultsRepository repository;
    private final DraftStore drafts;
    private final Map<Long, Conflict> conflicts = new HashMap<>();
    private boolean saving;

    SaveFlow(BulkEntryViewModel model, Tasks tasks, ResultsRepository repository, DraftStore drafts) {
        this.model = model;
        this.tasks = tasks;
        this.repository = repository;
        this.drafts = drafts;
    }

    /** The journal of every row that differs from what is saved. */
    Draft draft(long cohortId, Long assessmentId, java.util.UUID batchId) {
        List<Draft.Entry> entries = new ArrayList<>();
        for (GridRow row : model.editor().rows()) {
            String score = row.text(GridColumn.SCORE);
            if (!score.isEmpty() || row.commentEdited()) {
                entries.add(new Draft.Entry(
                        row.studentId(),
                        score,
                        row.commentEdited() ? row.text(GridColumn.COMMENT) : null,
                        row.basedOnVersion()));
            }
        }
        NewAssessment created = assessmentId == null && model.newAssessment().problem() == null
                ? model.newAssessment().toNewAssessment(cohortId)
                : null;
        return new Draft(batchId, cohortId, assessmentId, created, Instant.now(), entries);
    }

    private List<ResultChange> changes() {
        List<ResultChange> changes = new ArrayList<>();
        for (GridRow row : model.editor().rowsIn(RowState.EDITED)) {
            ResultChange change = row.change(model.editor().parse(row));
            if (change != null) {
                changes.add(change);
            }
        }
        return changes;
    }

    List<String> describeChanges() {
        List<String> lines = new ArrayList<>();
        for (GridRow row : model.editor().rowsIn(RowState.EDITED)) {
            ParsedScore parsed = model.editor().parse(row);
            ResultChange change = row.change(parsed);
            if (change != null) {
                String before = row.savedProperty().get().isEmpty()
                        ? "–"
                        : row.savedProperty().get();
                lines.add(row.studentNumber() + " " + row.name() + ": " + before + " → "
                        + ScoreText.format(change.score(), change.excused())
                        + (row.commentEdited() ? " (comment changed)" : ""));
            }
        }
        return lines;
    }

    boolean overwrites() {
        return model.editor().rowsIn(RowState.EDITED).stream().anyMatch(GridRow::overwrites);
    }

    void save(boolean validOnly) {
        Cohort cohort = model.cohortValue();
        if (saving || cohort == null || model.assessmentProperty().get() == null) {
            return;
        }
        int errors = model.editor().rowsIn(RowState.ERROR).size();
        if (errors > 0 && !validOnly) {
            model.say(
                    errors + (errors == 1 ? " row has a problem" : " rows have problems")
                            + ": fix them, or save the valid rows and keep the rest in the draft.",
                    true);
            return;
        }
        Long assessmentId = model.assessmentId();
        String formProblem = assessmentId == null ? model.newAssessment().problem() : null;
        if (formProblem != null) {
            model.say(formProblem, true);
            return;
        }
        List<ResultChange> changes = changes();
        if (changes.isEmpty()) {
            model.say("Nothing to save: no score differs from the saved one.", false);
            return;
        }
        SaveRequest request = assessmentId == null
                ? SaveRequest.creating(model.batchId(), model.newAssessment().toNewAssessment(cohort.id()), changes)
                : SaveRequest.existing(model.batchId(), assessmentId, changes);
        Draft journal = draft(cohort.id(), assessmentId, request.batchId());
        saving = true;
        model.setBusy(true);
        model.say("Saving " + changes.size() + " results…", false);
        tasks.run(SAVE, () -> {
                    drafts.save(journal);
                    return repository.save(request);
                })
                .onDone(outcome -> applied(request, outcome))
                .onError(failure -> refused(failure));
    }

    private void applied(SaveRequest request, SaveOutcome outcome) {
        saving = false;
        model.setBusy(false);
        Long before = request.assessmentId();
        if (request.newAssessment() != null) {
            NewAssessment made = request.newAssessment();
            model.created(new Assessment(
                    outcome.assessmentId(),
                    made.cohortId(),
                    made.title(),
                    made.subject(),
                    made.maxScore(),
                    made.assessedOn()));
        }
        Map<Long, ResultChange> byStudent = new HashMap<>();
        request.changes().forEach(change -> byStudent.put(change.studentId(), change));
        if (outcome.alreadySaved()) {
            outcome.savedVersions();
            byStudent.keySet().forEach(student -> conflicts.remove(student));
            model.say(
                    "This save had already been applied (the connection dropped after it committed): nothing "
                            + "was written twice. Reopen the assessment to see the saved scores.",
                    false);
        }
        outcome.savedVersions().forEach((student, version) -> {
            GridRow row = model.editor().row(student);
            ResultChange change = byStudent.get(student);
            row.markSaved(change.score(), change.excused(), change.comment(), version);
            row.setText(GridColumn.SCORE, "");
            row.setState(RowState.SAVED, "");
            conflicts.remove(student);
        });
        for (Conflict conflict : outcome.conflicts()) {
            GridRow row = model.editor().row(conflict.studentId());
            conflicts.put(conflict.studentId(), conflict);
            row.setState(RowState.CONFLICT, conflictMessage(conflict));
        }
        model.editor().rebuildIssues();
        model.nextBatch();
        long cohortId = request.newAssessment() != null
                ? request.newAssessment().cohortId()
                : model.cohortValue().id();
        if (before == null) {
            model.dropDraft(cohortId, null);
        }
        model.journal();
        {
            int saved = outcome.savedVersions().size();
            int conflicted = outcome.conflicts().size();
            model.say(
                    "Saved " + saved + (saved == 1 ? " result" : " results")
                            + (conflicted == 0
                                    ? "."
                                    : "; " + conflicted
                                            + " changed by someone else meanwhile: choose theirs or yours."),
                    conflicted > 0);
        }
    }

    private static String conflictMessage(Conflict conflict) {
        String theirs = conflict.theirVersion() == null
                ? "deleted"
                : ScoreText.format(conflict.theirScore(), conflict.theirExcused()) + " by "
                        + conflict.theirRecordedBy();
        String yours =
                ScoreText.format(conflict.yours().score(), conflict.yours().excused());
        return "changed meanwhile: saved now " + theirs + ", yours " + yours + ". Keep yours or take theirs.";
    }

    private void refused(Throwable failure) {
        saving = false;
        model.setBusy(false);
        if (failure instanceof ScoreRejected rejected && model.editor().row(rejected.studentId()) != null) {
            GridRow row = model.editor().row(rejected.studentId());
            row.setState(RowState.ERROR, "refused by the database: " + rejected.getMessage());
            model.editor().rebuildIssues();
            model.say(
                    "Nothing was saved: the database refused the score of " + row.studentNumber() + " " + row.name()
                            + ". Your entries are kept in the draft.",
                    true);
            return;
        }
        model.say(
                DatabaseErrors.describe(failure) + " Your entries are kept in the draft; Save again retries the "
                        + "same batch, so nothing is written twice.",
                true);
    }

    void resolve(List<GridRow> rows, boolean keepMine) {
        for (GridRow row : rows) {
            Conflict conflict = conflicts.remove(row.studentId());
            if (conflict == null) {
                continue;
            }
            if (keepMine) {
                row.rebase(conflict.theirVersion());
                row.markSaved(
                        conflict.theirScore(),
                        conflict.theirExcused(),
                        conflict.theirComment(),
                        conflict.theirVersion());
            } else {
                row.markSaved(
                        conflict.theirScore(),
                        conflict.theirExcused(),
                        conflict.theirComment(),
                        conflict.theirVersion());
                row.setText(GridColumn.SCORE, "");
                row.setText(GridColumn.COMMENT, conflict.theirComment());
            }
            row.setState(RowState.UNCHANGED, "");
            model.editor().validate(row);
        }
        model.editor().rebuildIssues();
        model.journal();
    }
}
