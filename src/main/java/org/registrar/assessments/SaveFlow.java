package org.registrar.assessments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
    static final String CHECK = "Check save";
    static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    static final int CHECK_ATTEMPTS = 15;
    static final String CONFIRMED = "Saved (confirmed after the connection dropped): the server had committed "
            + "this save, and nothing was written twice. Showing the saved scores.";

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
        AtomicBoolean sent = new AtomicBoolean();
        tasks.run(SAVE, () -> {
                    drafts.save(journal);
                    sent.set(true);
                    return repository.save(request);
                })
                .onDone(outcome -> applied(request, outcome))
                .onError(failure -> {
                    if (sent.get() && DatabaseErrors.classify(failure) == DatabaseErrors.Kind.UNAVAILABLE) {
                        checkUnknownOutcome(request);
                    } else {
                        refused(failure);
                    }
                });
    }

    /**
     * The connection dropped while the save was in flight: the server may or may not have committed it (the
     * reply to COMMIT can be what was lost). Asks the ledger for the batch id on a fresh connection, again every
     * {@link #CHECK_EVERY} while the server is unreachable, up to {@link #CHECK_ATTEMPTS} times.
     */
    private void checkUnknownOutcome(SaveRequest request) {
        model.say(
                "Outcome unknown: the connection dropped during the save. Checking whether the server saved it…", true);
        lookUp(request, 1);
    }

    /** Any thread: only starts work; the callbacks run on the result thread. */
    private void lookUp(SaveRequest request, int attempt) {
        tasks.run(CHECK, () -> repository.batchApplied(request.batchId()))
                .onDone(assessment -> {
                    saving = false;
                    model.setBusy(false);
                    if (assessment.isPresent()) {
                        confirmed(request, assessment.get());
                    } else {
                        model.say(
                                "Not saved: the connection dropped during the save and the server did not commit "
                                        + "it, so nothing was written. Your entries are kept in the draft; Save "
                                        + "again.",
                                true);
                    }
                })
                .onError(again -> {
                    if (attempt < CHECK_ATTEMPTS && DatabaseErrors.classify(again) == DatabaseErrors.Kind.UNAVAILABLE) {
                        model.say(
                                "Outcome unknown: the connection dropped during the save. Waiting for the server "
                                        + "to return to check whether it saved it; your entries are kept in the "
                                        + "draft.",
                                true);
                        CompletableFuture.delayedExecutor(CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS)
                                .execute(() -> lookUp(request, attempt + 1));
                        return;
                    }
                    saving = false;
                    model.setBusy(false);
                    model.say(
                            "Outcome unknown: the connection dropped during the save and the server cannot be "
                                    + "reached to check whether it committed. Your entries are kept in the draft; "
                                    + "Save again once connected: the same batch is never written twice.",
                            true);
                });
    }

    /** The batch is in the ledger: it was saved (before a lost reply, or by an earlier attempt). */
    private void confirmed(SaveRequest request, long assessmentId) {
        NewAssessment made = request.newAssessment();
        if (made != null) {
            model.created(new Assessment(
                    assessmentId, made.cohortId(), made.title(), made.subject(), made.maxScore(), made.assessedOn()));
            model.dropDraft(made.cohortId(), null);
        }
        request.changes().forEach(change -> conflicts.remove(change.studentId()));
        model.nextBatch();
        model.reopenAfterAppliedBatch(CONFIRMED);
    }

    private void applied(SaveRequest request, SaveOutcome outcome) {
        saving = false;
        model.setBusy(false);
        if (outcome.alreadySaved()) {
            confirmed(request, outcome.assessmentId());
            return;
        }
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
