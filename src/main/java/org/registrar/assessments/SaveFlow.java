package org.registrar.assessments;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.registrar.assessments.data.Assessment;
import org.registrar.assessments.data.Cohort;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveOutcome;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.data.ScoreRejected;
import org.registrar.assessments.input.ParsedScore;
import org.registrar.assessments.save.DraftStore;
import org.registrar.db.DatabaseErrors;
import org.registrar.db.Timeouts;
import org.registrar.tasks.Tasks;

/**
 * Saving the grid: collects the changes, writes the draft (with the batch id) before the first attempt, saves in
 * one transaction, and applies the outcome row by row: saved, conflict (theirs and yours), or refused. FX thread
 * only, except the work handed to {@link Tasks}.
 */
final class SaveFlow {
    static final String SAVE = "Save results";
    static final String CHECK = "Check save";
    static final String COLLECT = "Collect changes";
    static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    static final int CHECK_ATTEMPTS = 15;
    static final String CONFIRMED = "Saved (confirmed after the connection dropped): the server had committed "
            + "this save, and nothing was written twice. Showing the saved scores.";

    private final BulkEntryViewModel model;
    private final Tasks tasks;
    private final ResultsRepository repository;
    private final DraftStore drafts;
    private final ConflictChoices conflicts;
    private boolean saving;
    /** The batch whose last attempt lost its connection mid-save: the server may still hold that attempt's locks. */
    private java.util.UUID dropped;

    SaveFlow(BulkEntryViewModel model, Tasks tasks, ResultsRepository repository, DraftStore drafts) {
        this.model = model;
        this.tasks = tasks;
        this.repository = repository;
        this.drafts = drafts;
        this.conflicts = new ConflictChoices(model);
    }

    /**
     * Save as asked by the Save or the Save valid rows button: when it would overwrite saved scores (and, for Save,
     * no row has a problem), {@code review} gets the lines of what it writes for the user to confirm first;
     * otherwise it saves. Both buttons confirm overwrites the same way; the rows with problems are never among the
     * lines (they are not saved). The lines are worked out off the FX thread for {@link InputFlow#LARGE} edited rows
     * or more.
     */
    void saveOrReview(boolean validOnly, boolean rowProblems, Consumer<List<String>> review) {
        if (saving) {
            return;
        }
        GridSnapshot sheet = GridSnapshot.of(model.editor().rows());
        BigDecimal maxScore = model.maxScore();
        Callable<List<String>> overwritten =
                () -> (validOnly || !rowProblems) && sheet.overwrites() ? sheet.describeChanges(maxScore) : List.of();
        Consumer<List<String>> decided = lines -> {
            if (lines.isEmpty()) {
                save(validOnly);
            } else {
                review.accept(lines);
            }
        };
        if (sheet.size() < InputFlow.LARGE) {
            try {
                decided.accept(overwritten.call());
            } catch (Exception failure) {
                refused(failure);
            }
            return;
        }
        saving = true;
        model.setBusy(true);
        model.say("Checking " + sheet.size() + " edited rows…", false);
        tasks.runLocal(COLLECT, overwritten)
                .onDone(lines -> {
                    saving = false;
                    model.setBusy(false);
                    decided.accept(lines);
                })
                .onError(this::refused);
    }

    /**
     * Saves the edited rows. The grid is read on the FX thread in one cheap pass; what to write and the draft are
     * worked out from that snapshot, off the FX thread when {@link InputFlow#LARGE} rows or more carry an edit.
     */
    void save(boolean validOnly) {
        Cohort cohort = model.cohortValue();
        if (saving || cohort == null || model.assessmentProperty().get() == null) {
            return;
        }
        GridSnapshot sheet = GridSnapshot.of(model.editor().rows());
        int errors = sheet.errors();
        if (errors > 0 && !validOnly) {
            model.sayRowProblems(errors);
            model.unsaved().saveEnded(false);
            return;
        }
        Long assessmentId = model.assessmentId();
        String formProblem = assessmentId == null ? model.newAssessment().problem() : null;
        if (formProblem != null) {
            model.say(formProblem, true);
            model.unsaved().saveEnded(false);
            return;
        }
        SaveBatch batch = new SaveBatch(
                model.batchId(),
                cohort.id(),
                assessmentId,
                assessmentId == null ? model.newAssessment().toNewAssessment(cohort.id()) : null,
                model.maxScore());
        saving = true;
        model.setBusy(true);
        if (sheet.size() < InputFlow.LARGE) {
            send(batch.collect(sheet));
            return;
        }
        model.say("Checking " + sheet.size() + " edited rows…", false);
        tasks.runLocal(COLLECT, () -> batch.collect(sheet)).onDone(this::send).onError(this::refused);
    }

    private void send(SaveBatch.Collected collected) {
        if (collected == null) {
            saving = false;
            model.setBusy(false);
            model.say("Nothing to save: no score differs from the saved one.", false);
            model.unsaved().saveEnded(true);
            return;
        }
        SaveRequest request = collected.request();
        model.say(
                "Saving " + request.changes().size() + " results…"
                        + (request.batchId().equals(dropped)
                                ? " Waiting for the earlier save's locks to be released (the server ends a dropped "
                                        + "save within " + Timeouts.IDLE_IN_TRANSACTION.toSeconds() + " s)…"
                                : ""),
                false);
        AtomicBoolean sent = new AtomicBoolean();
        tasks.run(SAVE, () -> {
                    drafts.save(collected.journal());
                    sent.set(true);
                    return SaveBatch.Saved.of(request, repository.save(request));
                })
                .onDone(saved -> applied(request, saved))
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
                        dropped = request.batchId();
                        model.say(
                                "Not saved: the connection dropped during the save and the server did not commit "
                                        + "it, so nothing was written. Your entries are kept in the draft; Save "
                                        + "again.",
                                true);
                    }
                    model.unsaved().saveEnded(false);
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
                    dropped = request.batchId();
                    model.say(
                            "Outcome unknown: the connection dropped during the save and the server cannot be "
                                    + "reached to check whether it committed. Your entries are kept in the draft; "
                                    + "Save again once connected: the same batch is never written twice.",
                            true);
                    model.unsaved().saveEnded(false);
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
        request.changes().forEach(change -> conflicts.forget(change.studentId()));
        model.nextBatch();
        model.reopenAfterAppliedBatch(CONFIRMED);
    }

    private void applied(SaveRequest request, SaveBatch.Saved saved) {
        SaveOutcome outcome = saved.outcome();
        if (outcome.alreadySaved()) {
            saving = false;
            model.setBusy(false);
            confirmed(request, outcome.assessmentId());
            model.unsaved().saveEnded(false);
            return;
        }
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
        markSaved(request, saved, 0);
    }

    /**
     * Marks the saved rows from {@code from} on, as many as one FX turn allows, then queues the rest; the save stays
     * busy (no second save, no other grid) until the last row is marked and the outcome is shown.
     */
    private void markSaved(SaveRequest request, SaveBatch.Saved saved, int from) {
        TurnBudget turn = new TurnBudget();
        List<SaveBatch.SavedRow> rows = saved.rows();
        int next = from;
        while (next < rows.size() && (next == from || turn.left())) {
            SaveBatch.SavedRow done = rows.get(next++);
            ResultChange change = done.change();
            GridRow row = model.editor().row(change.studentId());
            boolean untouched = change.equals(askedFor(row));
            row.markSaved(change.score(), change.excused(), change.comment(), done.version());
            if (untouched) {
                row.setText(GridColumn.SCORE, "");
                row.setState(RowState.SAVED, "");
            } else {
                // typed while the save ran: the saved value is the new base, what was typed stays and is checked
                model.editor().validate(row);
                if (row.stateProperty().get() == RowState.EDITED) {
                    row.setState(RowState.EDITED, "Changed while saving: not saved yet");
                } else if (row.stateProperty().get() == RowState.UNCHANGED) {
                    row.setState(RowState.SAVED, "");
                }
            }
            conflicts.forget(change.studentId());
        }
        if (next < rows.size()) {
            int rest = next;
            tasks.later(() -> markSaved(request, saved, rest));
            return;
        }
        shown(request, saved.outcome());
    }

    /**
     * The change the row asks for now: what was sent, unless the user typed while the save ran; null when it asks
     * for none or its cells do not read.
     */
    private ResultChange askedFor(GridRow row) {
        ParsedScore parsed = model.editor().parse(row);
        return parsed.isValid() && row.stateProperty().get() != RowState.ERROR ? row.change(parsed) : null;
    }

    /** Conflicted rows: keep this user's entry (the next save overwrites theirs) or take the saved one. */
    void resolve(List<GridRow> rows, boolean keepMine) {
        conflicts.resolve(rows, keepMine);
    }

    /** Every saved row is marked: the conflicts, the problems, the draft and the message. */
    private void shown(SaveRequest request, SaveOutcome outcome) {
        saving = false;
        model.setBusy(false);
        Long before = request.assessmentId();
        outcome.conflicts().forEach(conflicts::show);
        model.editor().rebuildIssues();
        model.nextBatch();
        long cohortId = request.newAssessment() != null
                ? request.newAssessment().cohortId()
                : model.cohortValue().id();
        if (before == null) {
            model.dropDraft(cohortId, null);
        }
        model.journal();
        model.refreshDrafts();
        int saved = outcome.savedVersions().size();
        int conflicted = outcome.conflicts().size();
        model.say(
                "Saved " + saved + (saved == 1 ? " result" : " results")
                        + (conflicted == 0
                                ? "."
                                : "; " + conflicted + " changed by someone else meanwhile: choose theirs or yours."),
                conflicted > 0);
        model.unsaved().saveEnded(false);
    }

    private void refused(Throwable failure) {
        model.unsaved().forgetSave();
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
}
