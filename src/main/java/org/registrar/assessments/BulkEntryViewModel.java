package org.registrar.assessments;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.registrar.assessments.data.Cohort;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SheetRow;
import org.registrar.assessments.grid.GridActions;
import org.registrar.assessments.grid.GridEditor;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.grid.GridSnapshot;
import org.registrar.assessments.grid.Issue;
import org.registrar.assessments.history.HistoryViewModel;
import org.registrar.assessments.save.Draft;
import org.registrar.assessments.save.DraftStore;
import org.registrar.assessments.save.SaveResults;
import org.registrar.db.DatabaseErrors;
import org.registrar.db.Privileges;
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;

/**
 * State of the bulk entry screen: the cohort and assessment picked ({@link AssessmentPicker}), the grid (through
 * {@link GridEditor}), the problems, the draft on offer ({@link GridDrafts}), the message line ({@link StatusLine})
 * and the save ({@link SaveFlow}). Database work runs through {@link Tasks}; drafts are written on
 * {@code draftWriter}; answers a newer request superseded are dropped. FX thread only.
 */
final class BulkEntryViewModel {
    static final String OPEN = "Open assessment";

    private final Tasks tasks;
    private final NewAssessmentForm form = new NewAssessmentForm();
    private final GridEditor editor;
    private final StatusLine status;
    private final GridDrafts drafts;
    private final AssessmentPicker picker;
    private final CohortSearch cohorts;
    private final SaveFlow saving;
    private final InputFlow input;
    private final GridInput entry;
    private final UnsavedEdits unsaved;
    private final WaitingDrafts waiting;

    private Runnable leavingGrid = () -> {};
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty canCreateAssessments = new SimpleBooleanProperty(true);
    private final BooleanProperty canWriteResults = new SimpleBooleanProperty(true);

    /**
     * @param draftWriter writes drafts, in order, off the FX thread (one thread: a later draft must not be overtaken)
     */
    public BulkEntryViewModel(Tasks tasks, ResultsRepository repository, DraftStore drafts, Executor draftWriter) {
        this(tasks, repository, drafts, draftWriter, SaveResults.Scheduler.realTime());
    }

    /** @param scheduler when a save's outcome is unknown, waits between looks at the ledger (tests: no wait) */
    BulkEntryViewModel(
            Tasks tasks,
            ResultsRepository repository,
            DraftStore drafts,
            Executor draftWriter,
            SaveResults.Scheduler scheduler) {
        this.tasks = tasks;
        this.editor = new GridEditor(this::maxScore, this::journal, tasks::later);
        this.status = new StatusLine(editor.rows());
        this.drafts = new GridDrafts(drafts, draftWriter, editor);
        this.waiting = new WaitingDrafts(tasks, repository, drafts, draftWriter);
        ScreenFlows flows = new ScreenFlows(this);
        this.picker = new AssessmentPicker(tasks, repository, drafts, canCreateAssessments::get, flows);
        this.cohorts = new CohortSearch(tasks, repository.cohortFinder());
        this.unsaved = new UnsavedEdits(
                () -> GridSnapshot.of(picker.assessment().get() == null ? List.of() : editor.rows()),
                draftWriter,
                tasks::later);
        SaveResults saves =
                new SaveResults(tasks, repository, drafts, draftWriter, scheduler, SaveResults.Retry.SCREEN);
        this.saving = new SaveFlow(flows, editor, unsaved, saves, tasks, this::journal);
        this.input = new InputFlow(flows, editor, tasks, repository);
        this.entry = new GridInput(
                editor,
                input,
                tasks,
                status,
                this::maxScore,
                () -> picker.assessment().get() != null);
        form.maxScoreProperty().addListener((obs, was, now) -> editor.revalidateAll());
        editor.issues().addListener((ListChangeListener<Issue>) change -> status.problemsChanged());
    }

    /** What the login may do (read from the server at start): the screen offers only that. */
    public void apply(Privileges privileges) {
        canCreateAssessments.set(privileges.canCreateAssessments());
        canWriteResults.set(privileges.canWriteResults());
    }

    public ReadOnlyBooleanProperty canCreateAssessmentsProperty() {
        return canCreateAssessments;
    }

    public ReadOnlyBooleanProperty canWriteResultsProperty() {
        return canWriteResults;
    }

    /** Lists the drafts waiting; no cohort is read until the user opens the picker or types (ADR 0072). */
    public void start() {
        refreshDrafts();
    }

    /** The user typed {@code typed} into the cohort picker (or opened it, with ""): finds the first matches. */
    public void findCohorts(String typed) {
        cohorts.find(typed);
    }

    /** Runs before another grid opens: the view commits the cell being typed into, so it reaches the draft. */
    public void beforeLeavingGrid(Runnable commitTyping) {
        leavingGrid = commitTyping;
    }

    public void selectCohort(Cohort chosen) {
        picker.selectCohort(chosen);
    }

    /** Loads the grid of the chosen assessment and looks for a draft left of it. */
    public void selectAssessment(AssessmentChoice chosen) {
        picker.selectAssessment(chosen);
    }

    /** Another grid is about to open: the cell being typed into is committed first, the old grid's input dropped. */
    void leaving() {
        leavingGrid.run();
        status.stopFollowing();
        input.drop();
    }

    void cleared() {
        editor.load(List.of());
    }

    /** A grid was loaded: its students, and the draft left of it on offer (null: none). */
    void show(List<SheetRow> sheet, Draft draft) {
        entry.roster(sheet);
        drafts.nextBatch();
        editor.load(sheet);
        busy.set(false);
        drafts.offer(draft);
        say(Messages.text("messages.grid.opened", sheet.size()), false);
        refreshDrafts();
    }

    /** Opens the cohort and assessment of a waiting draft and restores it there. */
    void resume(WaitingDrafts.Line line) {
        picker.resume(line);
    }

    /** Lists the drafts waiting for other grids than the open one. */
    void refreshDrafts() {
        AssessmentChoice open = picker.assessment().get();
        Cohort cohort = picker.cohort().get();
        waiting.refresh(
                cohort == null || open == null ? null : cohort.id(), assessmentId(), open != null && open.isNew());
    }

    WaitingDrafts waitingDrafts() {
        return waiting;
    }

    /** Puts the offered draft's entries back into the grid, based on the versions they were typed against. */
    public void restoreDraft() {
        Draft draft = drafts.take();
        if (draft == null) {
            return;
        }
        if (draft.newAssessment() != null) {
            form.fill(draft.newAssessment());
        }
        drafts.restore(draft);
        say(Messages.text("messages.grid.restored", draft.entries().size()), false);
    }

    /** Drops the offered draft (deleted from disk). */
    public void discardDraft() {
        Draft draft = drafts.take();
        if (draft != null) {
            drafts.delete(draft.cohortId(), draft.assessmentId());
        }
        refreshDrafts();
    }

    /**
     * The history of the open (saved) assessment, with {@code row}'s student as the one picked (null: none).
     *
     * @return null when no saved assessment is open (a new one has no history yet)
     */
    HistoryViewModel history(GridRow row) {
        return picker.history(row);
    }

    /**
     * The Save button ({@code validOnly} false) and Save valid rows (true): saves, or first hands {@code review} the
     * lines of what it would overwrite for the user to confirm (then {@link #save}); a large grid's lines are worked
     * out off the FX thread.
     */
    public void saveOrReview(boolean validOnly, Consumer<List<String>> review) {
        saving.saveOrReview(
                validOnly, problems().stream().anyMatch(issue -> issue.row() != null), batch(), formProblem(), review);
    }

    /** Saves every edited row; with {@code validOnly} rows with problems stay in the draft. */
    public void save(boolean validOnly) {
        saving.save(validOnly, batch(), formProblem());
    }

    /** The batch id the next save carries (reused by a retry, kept in the draft). */
    UUID batchId() {
        return drafts.batchId();
    }

    /** What a save of the open grid is for now; null when no grid is open. */
    private SaveBatch batch() {
        if (!picker.gridOpen()) {
            return null;
        }
        long cohortId = picker.cohort().get().id();
        return new SaveBatch(drafts.batchId(), cohortId, assessmentId(), created(cohortId), maxScore());
    }

    /** The new assessment the open grid's save creates; null when a saved one is open or the form has a problem. */
    private NewAssessment created(long cohortId) {
        return assessmentId() == null && form.problem() == null ? form.toNewAssessment(cohortId) : null;
    }

    /** What keeps the new assessment's form from being saved; null when nothing does (or it is not a new one). */
    private String formProblem() {
        return picker.assessment().get() != null && assessmentId() == null ? form.problem() : null;
    }

    /** Conflicted rows: keep this user's entry (the next save overwrites theirs) or take the saved one. */
    public void resolveConflicts(List<GridRow> rows, boolean keepMine) {
        saving.resolve(rows, keepMine);
    }

    void journal() {
        if (!picker.gridOpen()) {
            return;
        }
        long cohortId = picker.cohort().get().id();
        drafts.write(cohortId, assessmentId(), created(cohortId));
    }

    /** True while a saved assessment is open: it has a history (a new one has none yet). */
    BooleanExpression savedAssessmentOpenProperty() {
        return picker.savedAssessmentOpen();
    }

    /** True while a new assessment is open: its form is filled in before the first save. */
    BooleanExpression newAssessmentOpenProperty() {
        return picker.newAssessmentOpen();
    }

    /** "Biology test 3 · 10A-00010 · 7 students": the open grid's unsaved edits, for a question about them. */
    String unsavedSummary() {
        int students = unsaved.students();
        AssessmentChoice chosen = picker.assessment().get();
        String title = chosen == null
                ? ""
                : chosen.isNew()
                        ? Messages.text("messages.grid.aNewAssessment")
                        : chosen.assessment().title();
        return Messages.text(
                "messages.grid.unsavedSummary",
                title,
                String.valueOf(picker.cohort().get()),
                students);
    }

    UnsavedEdits unsaved() {
        return unsaved;
    }

    /** Writes the open grid's draft now; {@code then} runs once it is on disk. */
    void keepDraft(Runnable then) {
        journal();
        unsaved.afterDraftWrites(then);
    }

    /** Forgets the open grid's edits: its draft is deleted; {@code then} runs once it is gone. */
    void discardEdits(Runnable then) {
        if (picker.gridOpen()) {
            drafts.delete(picker.cohort().get().id(), assessmentId());
        }
        unsaved.afterDraftWrites(then);
    }

    BigDecimal maxScore() {
        AssessmentChoice chosen = picker.assessment().get();
        if (chosen == null) {
            return null;
        }
        return chosen.isNew() ? form.max() : chosen.assessment().maxScore();
    }

    Long assessmentId() {
        return picker.assessmentId();
    }

    void say(String text, boolean isError) {
        status.say(text, isError);
    }

    void setBusy(boolean value) {
        busy.set(value);
    }

    void failed(Throwable failure) {
        busy.set(false);
        say(DatabaseErrors.describe(failure), true);
    }

    StatusLine status() {
        return status;
    }

    GridDrafts drafts() {
        return drafts;
    }

    AssessmentPicker picker() {
        return picker;
    }

    /** The cohorts found for what was typed last into the picker; empty until it is first opened. */
    public ObservableList<Cohort> cohorts() {
        return cohorts.matches();
    }

    /** "N more cohorts: keep typing", "No cohort starts with …", or "". */
    public ReadOnlyStringProperty cohortHintProperty() {
        return cohorts.hint();
    }

    public ObservableList<AssessmentChoice> assessments() {
        return picker.assessments();
    }

    public ReadOnlyObjectProperty<Cohort> cohortProperty() {
        return picker.cohort();
    }

    public ReadOnlyObjectProperty<AssessmentChoice> assessmentProperty() {
        return picker.assessment();
    }

    public NewAssessmentForm newAssessment() {
        return form;
    }

    /** What goes into the grid: typing, pasting, importing (the grid control's {@link GridActions}). */
    GridInput grid() {
        return entry;
    }

    public ObservableList<GridRow> rows() {
        return editor.rows();
    }

    public ObservableList<Issue> problems() {
        return editor.issues();
    }

    public ReadOnlyStringProperty messageProperty() {
        return status.messageProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return status.errorProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty draftOfferProperty() {
        return drafts.offerProperty();
    }
}
