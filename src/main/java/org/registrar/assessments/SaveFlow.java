package org.registrar.assessments;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.registrar.assessments.data.Assessment;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.SaveOutcome;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.data.ScoreRejected;
import org.registrar.assessments.grid.GridColumn;
import org.registrar.assessments.grid.GridEditor;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.grid.GridSnapshot;
import org.registrar.assessments.grid.RowState;
import org.registrar.assessments.grid.TurnBudget;
import org.registrar.assessments.input.ParsedScore;
import org.registrar.assessments.save.SaveResults;
import org.registrar.db.DatabaseErrors;
import org.registrar.db.Timeouts;
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;

/**
 * Saving the grid: collects the changes from one snapshot, hands them to {@link SaveResults} (draft, save, ledger
 * check) and applies how it ended row by row: saved, conflict (theirs and yours), or refused. Reports through the
 * narrow {@link Screen}, never back into the ViewModel. FX thread only, except the work handed to {@link Tasks}.
 */
final class SaveFlow {
    static final String COLLECT = "Collect changes";
    static final String CONFIRMED = Messages.text("messages.save.confirmed");

    /** What saving needs of the screen: where it reports and what changes when a save ends. FX thread only. */
    interface Screen {
        void say(String text, boolean isError);

        /** "3 rows have problems: …", followed as the rows are fixed. */
        void sayRowProblems(int rows);

        void setBusy(boolean busy);

        /** A new assessment's first save made it an existing one. */
        void created(Assessment made);

        /** The batch is spent (saved or confirmed): the next save gets a new id. */
        void nextBatch();

        /** The batch had been applied before (a lost reply): drop its draft and show what is stored. */
        void reopenSaved(String message);

        /** Every saved row is marked: journal what is left and list the waiting drafts again. */
        void saveShown();

        void dropDraft(long cohortId, Long assessmentId);
    }

    private final Screen screen;
    private final GridEditor editor;
    private final UnsavedEdits unsaved;
    private final SaveResults saves;
    private final Tasks tasks;
    private final ConflictChoices conflicts;
    private boolean saving;
    /** The batch whose last attempt lost its connection mid-save: the server may still hold that attempt's locks. */
    private UUID dropped;

    SaveFlow(Screen screen, GridEditor editor, UnsavedEdits unsaved, SaveResults saves, Tasks tasks, Runnable journal) {
        this.screen = screen;
        this.editor = editor;
        this.unsaved = unsaved;
        this.saves = saves;
        this.tasks = tasks;
        this.conflicts = new ConflictChoices(editor, journal);
    }

    /**
     * Save as asked by the Save or the Save valid rows button: when it would overwrite saved scores (and, for Save,
     * no row has a problem), {@code review} gets the lines of what it writes for the user to confirm first;
     * otherwise it saves from the same snapshot. The rows with problems are never among the lines (they are not
     * saved). The lines are worked out off the FX thread for {@link InputFlow#LARGE} edited rows or more.
     *
     * @param batch what the save is for; null when no grid is open
     * @param formProblem what is wrong with the new assessment's form, null when nothing (or not a new one)
     */
    void saveOrReview(
            boolean validOnly,
            boolean rowProblems,
            SaveBatch batch,
            String formProblem,
            Consumer<List<String>> review) {
        if (saving || batch == null) {
            return;
        }
        GridSnapshot sheet = GridSnapshot.of(editor.rows());
        BigDecimal maxScore = batch.maxScore();
        Callable<List<String>> overwritten =
                () -> (validOnly || !rowProblems) && sheet.overwrites() ? sheet.describeChanges(maxScore) : List.of();
        Consumer<List<String>> decided = lines -> {
            if (lines.isEmpty()) {
                save(validOnly, batch, formProblem, sheet);
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
        screen.setBusy(true);
        screen.say(Messages.text("messages.save.checking", sheet.size()), false);
        tasks.runLocal(COLLECT, overwritten)
                .onDone(lines -> {
                    saving = false;
                    screen.setBusy(false);
                    decided.accept(lines);
                })
                .onError(this::refused);
    }

    /** Saves the edited rows (as confirmed after a review); see {@link #saveOrReview}. */
    void save(boolean validOnly, SaveBatch batch, String formProblem) {
        if (saving || batch == null) {
            return;
        }
        save(validOnly, batch, formProblem, GridSnapshot.of(editor.rows()));
    }

    /**
     * Saves the snapshot's rows. What to write and the draft are worked out from it, off the FX thread when
     * {@link InputFlow#LARGE} rows or more carry an edit.
     */
    private void save(boolean validOnly, SaveBatch batch, String formProblem, GridSnapshot sheet) {
        int errors = sheet.errors();
        if (errors > 0 && !validOnly) {
            screen.sayRowProblems(errors);
            unsaved.saveEnded(false);
            return;
        }
        if (formProblem != null) {
            screen.say(formProblem, true);
            unsaved.saveEnded(false);
            return;
        }
        saving = true;
        screen.setBusy(true);
        if (sheet.size() < InputFlow.LARGE) {
            send(batch.collect(sheet));
            return;
        }
        screen.say(Messages.text("messages.save.checking", sheet.size()), false);
        tasks.runLocal(COLLECT, () -> batch.collect(sheet)).onDone(this::send).onError(this::refused);
    }

    private void send(SaveBatch.Collected collected) {
        if (collected == null) {
            saving = false;
            screen.setBusy(false);
            screen.say(Messages.text("messages.save.nothing"), false);
            unsaved.saveEnded(true);
            return;
        }
        SaveRequest request = collected.request();
        screen.say(
                request.batchId().equals(dropped)
                        ? Messages.text(
                                "messages.save.savingWaiting",
                                request.changes().size(),
                                Timeouts.IDLE_IN_TRANSACTION.toSeconds())
                        : Messages.text(
                                "messages.save.saving", request.changes().size()),
                false);
        saves.save(request, collected.journal(), this::outcomeUnknown, this::ended);
    }

    private void outcomeUnknown(boolean waiting) {
        screen.say(
                waiting
                        ? Messages.text("messages.save.unknownWaiting")
                        : Messages.text("messages.save.unknownChecking"),
                true);
    }

    private void ended(SaveResults.Ending ending) {
        SaveRequest request = ending.request();
        if (ending instanceof SaveResults.Saved saved) {
            applied(saved);
            return;
        }
        if (ending instanceof SaveResults.Refused refused) {
            refused(refused.cause());
            return;
        }
        saving = false;
        screen.setBusy(false);
        if (ending instanceof SaveResults.Confirmed confirmed) {
            confirmed(request, confirmed.assessmentId());
        } else {
            dropped = request.batchId();
            screen.say(
                    ending instanceof SaveResults.NotCommitted
                            ? Messages.text("messages.save.notCommitted")
                            : Messages.text("messages.save.unknownUnreachable"),
                    true);
        }
        unsaved.saveEnded(false);
    }

    /** The batch is in the ledger: it was saved (before a lost reply, or by an earlier attempt). */
    private void confirmed(SaveRequest request, long assessmentId) {
        NewAssessment made = request.newAssessment();
        if (made != null) {
            screen.created(assessment(assessmentId, made));
            screen.dropDraft(made.cohortId(), null);
        }
        request.changes().forEach(change -> conflicts.forget(change.studentId()));
        screen.nextBatch();
        screen.reopenSaved(CONFIRMED);
    }

    private static Assessment assessment(long id, NewAssessment made) {
        return new Assessment(id, made.cohortId(), made.title(), made.subject(), made.maxScore(), made.assessedOn());
    }

    private void applied(SaveResults.Saved saved) {
        SaveOutcome outcome = saved.outcome();
        SaveRequest request = saved.request();
        if (outcome.alreadySaved()) {
            saving = false;
            screen.setBusy(false);
            confirmed(request, outcome.assessmentId());
            unsaved.saveEnded(false);
            return;
        }
        if (request.newAssessment() != null) {
            screen.created(assessment(outcome.assessmentId(), request.newAssessment()));
        }
        markSaved(saved, 0);
    }

    /**
     * Marks the saved rows from {@code from} on, as many as one FX turn allows, then queues the rest; the save stays
     * busy (no second save, no other grid) until the last row is marked and the outcome is shown.
     */
    private void markSaved(SaveResults.Saved saved, int from) {
        TurnBudget turn = new TurnBudget();
        List<SaveResults.SavedRow> rows = saved.rows();
        int next = from;
        while (next < rows.size() && (next == from || turn.left())) {
            SaveResults.SavedRow done = rows.get(next++);
            ResultChange change = done.change();
            GridRow row = editor.row(change.studentId());
            boolean untouched = change.equals(askedFor(row));
            row.markSaved(change.score(), change.excused(), change.comment(), done.version());
            if (untouched) {
                row.setText(GridColumn.SCORE, "");
                row.setState(RowState.SAVED, "");
            } else {
                // typed while the save ran: the saved value is the new base, what was typed stays and is checked
                editor.validate(row);
                if (row.stateProperty().get() == RowState.EDITED) {
                    row.setState(RowState.EDITED, Messages.text("messages.save.changedWhileSaving"));
                } else if (row.stateProperty().get() == RowState.UNCHANGED) {
                    row.setState(RowState.SAVED, "");
                }
            }
            conflicts.forget(change.studentId());
        }
        if (next < rows.size()) {
            int rest = next;
            tasks.later(() -> markSaved(saved, rest));
            return;
        }
        shown(saved.request(), saved.outcome());
    }

    /**
     * The change the row asks for now: what was sent, unless the user typed while the save ran; null when it asks
     * for none or its cells do not read.
     */
    private ResultChange askedFor(GridRow row) {
        ParsedScore parsed = editor.parse(row);
        return parsed.isValid() && row.stateProperty().get() != RowState.ERROR ? row.change(parsed) : null;
    }

    /** Conflicted rows: keep this user's entry (the next save overwrites theirs) or take the saved one. */
    void resolve(List<GridRow> rows, boolean keepMine) {
        conflicts.resolve(rows, keepMine);
    }

    /** Every saved row is marked: the conflicts, the problems, the draft and the message. */
    private void shown(SaveRequest request, SaveOutcome outcome) {
        saving = false;
        screen.setBusy(false);
        outcome.conflicts().forEach(conflicts::show);
        editor.rebuildIssues();
        screen.nextBatch();
        if (request.newAssessment() != null) {
            screen.dropDraft(request.newAssessment().cohortId(), null);
        }
        screen.saveShown();
        int saved = outcome.savedVersions().size();
        int conflicted = outcome.conflicts().size();
        screen.say(
                conflicted == 0
                        ? Messages.text("messages.save.saved", saved)
                        : Messages.text("messages.save.savedWithConflicts", saved, conflicted),
                conflicted > 0);
        unsaved.saveEnded(false);
    }

    private void refused(Throwable failure) {
        unsaved.forgetSave();
        saving = false;
        screen.setBusy(false);
        GridRow row = failure instanceof ScoreRejected rejected ? editor.row(rejected.studentId()) : null;
        if (row != null) {
            row.setState(RowState.ERROR, Messages.text("messages.save.rowRefused", failure.getMessage()));
            editor.rebuildIssues();
            screen.say(Messages.text("messages.save.refused", row.studentNumber(), row.name()), true);
            return;
        }
        screen.say(Messages.text("messages.save.failed", DatabaseErrors.describe(failure)), true);
    }
}
