package org.registrar.assessments;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.registrar.assessments.data.Assessment;
import org.registrar.assessments.data.Cohort;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SheetRow;
import org.registrar.assessments.grid.GridActions;
import org.registrar.assessments.grid.GridColumn;
import org.registrar.assessments.grid.GridEditor;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.grid.GridSnapshot;
import org.registrar.assessments.grid.Issue;
import org.registrar.assessments.grid.RowState;
import org.registrar.assessments.history.HistoryRepository;
import org.registrar.assessments.history.HistoryViewModel;
import org.registrar.assessments.input.ColumnMapping;
import org.registrar.assessments.input.CsvImport;
import org.registrar.assessments.input.InputRow;
import org.registrar.assessments.save.Draft;
import org.registrar.assessments.save.DraftStore;
import org.registrar.assessments.save.SaveResults;
import org.registrar.db.DatabaseErrors;
import org.registrar.db.Privileges;
import org.registrar.tasks.Tasks;

/**
 * State of the bulk entry screen: the cohort and assessment picked, the grid (through {@link GridEditor}), the
 * problems, the draft on offer and the save. Database work runs through {@link Tasks}; drafts are written on
 * {@code draftWriter}; answers a newer request superseded are dropped. FX thread only.
 */
public final class BulkEntryViewModel implements GridActions {
    static final String OPEN = "Open assessment";

    private final Tasks tasks;
    private final ResultsRepository repository;
    private final HistoryRepository historyRepository;
    private final DraftStore drafts;
    private final Executor draftWriter;
    private final ObservableList<Cohort> cohorts = FXCollections.observableArrayList();
    private final ObservableList<AssessmentChoice> assessments = FXCollections.observableArrayList();
    private final ObjectProperty<Cohort> cohort = new SimpleObjectProperty<>();
    private final ObjectProperty<AssessmentChoice> assessment = new SimpleObjectProperty<>();
    private final NewAssessmentForm form = new NewAssessmentForm();
    private final GridEditor editor;
    private final SaveFlow saving;
    private final InputFlow input;
    private final UnsavedEdits unsaved;
    private final WaitingDrafts waiting;
    /** The waiting draft being resumed: its cohort and assessment are being opened, then it is restored. */
    private WaitingDrafts.Line resuming;

    private Runnable leavingGrid = () -> {};
    private final StringProperty message = new SimpleStringProperty("Pick a cohort and an assessment.");
    private final BooleanProperty error = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty draftOffer = new SimpleStringProperty("");
    private final ObjectProperty<CsvImport.Result> importPreview = new SimpleObjectProperty<>();
    private java.nio.file.Path importFile;
    private final BooleanProperty canCreateAssessments = new SimpleBooleanProperty(true);
    private final BooleanProperty canWriteResults = new SimpleBooleanProperty(true);
    /** A saved assessment is open (it has a history); a new one is open (its form is shown). */
    private final javafx.beans.binding.BooleanBinding savedAssessmentOpen =
            javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> assessment.get() != null && !assessment.get().isNew(), assessment);

    private final javafx.beans.binding.BooleanBinding newAssessmentOpen =
            javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> assessment.get() != null && assessment.get().isNew(), assessment);
    private Draft offered;
    private List<SheetRow> roster = List.of();
    private UUID batchId = UUID.randomUUID();
    private long latest;
    /** The message counts the rows with problems: it follows them as they are fixed. */
    private boolean followingRowProblems;

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
        this.repository = repository;
        this.historyRepository = repository.history();
        this.drafts = drafts;
        this.draftWriter = draftWriter;
        this.editor = new GridEditor(this::maxScore, this::journal, tasks::later);
        this.waiting = new WaitingDrafts(tasks, repository, drafts, draftWriter);
        this.unsaved = new UnsavedEdits(
                () -> GridSnapshot.of(assessment.get() == null ? List.of() : editor.rows()), draftWriter, tasks::later);
        Flows flows = new Flows();
        SaveResults saves = new SaveResults(tasks, repository, drafts, scheduler, SaveResults.Retry.SCREEN);
        this.saving = new SaveFlow(flows, editor, unsaved, saves, tasks, this::journal);
        this.input = new InputFlow(flows, editor, tasks, repository);
        form.maxScoreProperty().addListener((obs, was, now) -> editor.revalidateAll());
        editor.issues().addListener((javafx.collections.ListChangeListener<Issue>) change -> followRowProblems());
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

    /** Loads the cohorts and lists the drafts waiting. */
    public void start() {
        refreshDrafts();
        long ticket = ++latest;
        busy.set(true);
        tasks.run("Open cohorts", repository::cohorts)
                .onDone(list -> {
                    if (ticket == latest) {
                        cohorts.setAll(list);
                        busy.set(false);
                    }
                })
                .onError(this::failed);
    }

    /** Runs before another grid opens: the view commits the cell being typed into, so it reaches the draft. */
    public void beforeLeavingGrid(Runnable commitTyping) {
        leavingGrid = commitTyping;
    }

    public void selectCohort(Cohort chosen) {
        leavingGrid.run();
        followingRowProblems = false;
        input.drop();
        cohort.set(chosen);
        assessment.set(null);
        // the previous cohort's assessments must not stay pickable while this cohort's load
        assessments.clear();
        editor.load(List.of());
        if (chosen == null) {
            return;
        }
        long ticket = ++latest;
        busy.set(true);
        tasks.run("Open cohort", () -> repository.assessments(chosen.id()))
                .onDone(list -> {
                    if (ticket == latest) {
                        assessments.setAll(
                                list.stream().map(AssessmentChoice::new).toList());
                        if (canCreateAssessments.get()) {
                            assessments.add(0, AssessmentChoice.NEW);
                        }
                        busy.set(false);
                        say("Pick an assessment of " + chosen.name() + ", or a new one.", false);
                        openResumed(chosen);
                    }
                })
                .onError(this::failed);
    }

    /** Loads the grid of the chosen assessment and looks for a draft left of it. */
    public void selectAssessment(AssessmentChoice chosen) {
        leavingGrid.run();
        followingRowProblems = false;
        input.drop();
        assessment.set(chosen);
        Cohort current = cohort.get();
        if (chosen == null || current == null) {
            return;
        }
        if (!chosen.isNew() && chosen.assessment().cohortId() != current.id()) {
            // an assessment of another class: its results must never be entered against this class's students
            assessment.set(null);
            return;
        }
        Long id = chosen.isNew() ? null : chosen.assessment().id();
        long ticket = ++latest;
        busy.set(true);
        tasks.run(
                        OPEN,
                        () -> new Opened(
                                repository.sheet(current.id(), id),
                                drafts.find(current.id(), id).orElse(null)))
                .onDone(opened -> {
                    if (ticket == latest) {
                        show(opened);
                    }
                })
                .onError(this::failed);
    }

    private record Opened(List<SheetRow> sheet, Draft draft) {}

    private void show(Opened opened) {
        roster = opened.sheet();
        batchId = UUID.randomUUID();
        editor.load(roster);
        busy.set(false);
        offered = opened.draft();
        draftOffer.set(
                offered == null
                        ? ""
                        : "Unsaved entries for " + offered.entries().size() + " students from "
                                + offered.updatedAt()
                                        .atZone(java.time.ZoneId.systemDefault())
                                        .toLocalDateTime()
                                        .withNano(0)
                                        .toString()
                                        .replace('T', ' ')
                                + " were kept.");
        say(roster.size() + " students. Type or paste scores; blank keeps the saved score.", false);
        refreshDrafts();
        WaitingDrafts.Line resumed = resuming;
        resuming = null;
        if (resumed != null
                && offered != null
                && offered.cohortId() == resumed.cohortId()
                && java.util.Objects.equals(offered.assessmentId(), resumed.assessmentId())) {
            restoreDraft();
        }
    }

    /** Opens the cohort and assessment of a waiting draft and restores it there. */
    void resume(WaitingDrafts.Line line) {
        Cohort target = cohorts.stream()
                .filter(each -> each.id() == line.cohortId())
                .findFirst()
                .orElse(null);
        if (target == null) {
            say("The cohort of this draft is not there any more; discard the draft.", true);
            return;
        }
        resuming = line;
        if (cohort.get() == target && !assessments.isEmpty()) {
            openResumed(target);
        } else {
            selectCohort(target);
        }
    }

    /** The cohort of the draft being resumed has its assessments: opens the draft's one. */
    private void openResumed(Cohort opened) {
        WaitingDrafts.Line line = resuming;
        if (line == null || line.cohortId() != opened.id()) {
            return;
        }
        AssessmentChoice choice = assessments.stream()
                .filter(each -> line.assessmentId() == null
                        ? each.isNew()
                        : !each.isNew() && each.assessment().id() == line.assessmentId())
                .findFirst()
                .orElse(null);
        if (choice == null) {
            resuming = null;
            say("The assessment of this draft is not there any more; discard the draft.", true);
            return;
        }
        selectAssessment(choice);
    }

    /** Lists the drafts waiting for other grids than the open one. */
    void refreshDrafts() {
        AssessmentChoice open = assessment.get();
        waiting.refresh(
                cohort.get() == null || open == null ? null : cohort.get().id(),
                assessmentId(),
                open != null && open.isNew());
    }

    WaitingDrafts waitingDrafts() {
        return waiting;
    }

    /** Puts the offered draft's entries back into the grid, based on the versions they were typed against. */
    public void restoreDraft() {
        Draft draft = offered;
        if (draft == null) {
            return;
        }
        offered = null;
        draftOffer.set("");
        if (draft.newAssessment() != null) {
            form.fill(draft.newAssessment());
        }
        batchId = draft.batchId();
        List<GridEditor.CellEdit> edits = new java.util.ArrayList<>();
        for (Draft.Entry entry : draft.entries()) {
            GridRow row = editor.row(entry.studentId());
            if (row != null) {
                row.rebase(entry.basedOnVersion());
                edits.add(editor.set(row, GridColumn.SCORE, entry.score()));
                if (entry.comment() != null) {
                    edits.add(editor.set(row, GridColumn.COMMENT, entry.comment()));
                }
            }
        }
        editor.apply(edits);
        say("Restored " + draft.entries().size() + " unsaved entries.", false);
    }

    /** Drops the offered draft (deleted from disk). */
    public void discardDraft() {
        Draft draft = offered;
        offered = null;
        draftOffer.set("");
        if (draft != null) {
            draftWriter.execute(() -> drafts.delete(draft.cohortId(), draft.assessmentId()));
        }
        refreshDrafts();
    }

    public void edit(GridRow row, GridColumn column, String text) {
        editor.edit(row, column, text);
    }

    public void revert(List<GridRow> rows, GridColumn column) {
        editor.revert(rows, column);
    }

    public void clear(List<GridRow> rows, GridColumn column) {
        editor.clear(rows, column);
    }

    public void fillDown(List<GridRow> rows, GridColumn column) {
        editor.fillDown(rows, column);
    }

    public void undo() {
        if (!editor.undo()) {
            say("Nothing to undo.", false);
        }
    }

    public void dismissInputProblems() {
        editor.dismissInputIssues();
    }

    /**
     * Pastes a block copied from a spreadsheet: by student number when it has such a column, else from the anchor.
     * A large block is read off the FX thread (see {@link #workingProperty()}, {@link #cancelInput()}).
     */
    public void paste(String text, int anchor, GridColumn column) {
        if (text == null || text.isBlank() || editor.rows().isEmpty()) {
            return;
        }
        input.paste(text, anchor, column, roster, maxScore());
    }

    /** Applies rows matched by student number or e-mail (a keyed paste, an imported file). */
    public void applyMatched(List<InputRow> rows, String source) {
        input.applyMatched(rows, roster, maxScore(), source);
    }

    /** Stops the large paste or import being worked on; nothing of it is entered. */
    public void cancelInput() {
        input.cancel();
    }

    /** What large input is being worked on, empty when none is. */
    public ReadOnlyStringProperty workingProperty() {
        return input.workingProperty();
    }

    /** Reads a CSV file off the FX thread; its preview then appears in {@link #importPreviewProperty()}. */
    public void readCsv(java.nio.file.Path file) {
        readCsv(file, null);
    }

    /** As {@link #readCsv(java.nio.file.Path)}, in the encoding the user chose in the preview (null: guess it). */
    public void readCsv(java.nio.file.Path file, java.nio.charset.Charset encoding) {
        if (assessment.get() == null) {
            say("Pick an assessment before importing.", true);
            return;
        }
        importFile = file;
        tasks.runLocal("Read CSV", () -> org.registrar.assessments.input.CsvFile.read(file, encoding))
                .onDone(importPreview::set)
                .onError(failure -> say("Could not read " + file.getFileName() + ": " + failure.getMessage(), true));
    }

    /** Matches the previewed file's rows into the grid under the chosen mapping. */
    public void applyImport(CsvImport.Result preview, ColumnMapping mapping) {
        if (mapping.student() < 0) {
            say("Choose the column with the student number or e-mail.", true);
            return;
        }
        applyMatched(mapping.apply(preview.table()), "Imported");
    }

    /** The preview was shown (applied or cancelled). */
    public void importShown() {
        importPreview.set(null);
    }

    public ReadOnlyObjectProperty<CsvImport.Result> importPreviewProperty() {
        return importPreview;
    }

    /** The file the preview shows, so it can be read again in another encoding. */
    java.nio.file.Path importFile() {
        return importFile;
    }

    /**
     * The history of the open (saved) assessment, with {@code row}'s student as the one picked (null: none).
     *
     * @return null when no saved assessment is open (a new one has no history yet)
     */
    HistoryViewModel history(GridRow row) {
        if (!savedAssessmentOpen.get()) {
            return null;
        }
        AssessmentChoice chosen = assessment.get();
        return new HistoryViewModel(
                tasks,
                historyRepository,
                java.time.ZoneId.systemDefault(),
                chosen.assessment().id(),
                chosen.assessment().title(),
                row == null
                        ? null
                        : new HistoryViewModel.Student(row.studentId(), row.studentNumber() + " " + row.name()));
    }

    /**
     * The Save button ({@code validOnly} false) and Save valid rows (true): saves, or first hands {@code review} the
     * lines of what it would overwrite for the user to confirm (then {@link #save}); a large grid's lines are worked
     * out off the FX thread.
     */
    public void saveOrReview(boolean validOnly, java.util.function.Consumer<List<String>> review) {
        saving.saveOrReview(
                validOnly, problems().stream().anyMatch(issue -> issue.row() != null), batch(), formProblem(), review);
    }

    /** Saves every edited row; with {@code validOnly} rows with problems stay in the draft. */
    public void save(boolean validOnly) {
        saving.save(validOnly, batch(), formProblem());
    }

    /** The batch id the next save carries (reused by a retry, kept in the draft). */
    UUID batchId() {
        return batchId;
    }

    /** What a save of the open grid is for now; null when no grid is open. */
    private SaveBatch batch() {
        Cohort current = cohort.get();
        if (current == null || assessment.get() == null) {
            return null;
        }
        Long id = assessmentId();
        NewAssessment created = id == null && form.problem() == null ? form.toNewAssessment(current.id()) : null;
        return new SaveBatch(batchId, current.id(), id, created, maxScore());
    }

    /** What keeps the new assessment's form from being saved; null when nothing does (or it is not a new one). */
    private String formProblem() {
        return assessment.get() != null && assessmentId() == null ? form.problem() : null;
    }

    /**
     * The only ways the save and input flows reach the screen: what they report and what changes when a save ends
     * (shared/STYLE.md: helpers get what they need as arguments, they do not reach back into the ViewModel).
     */
    private final class Flows implements SaveFlow.Screen, InputFlow.Screen {
        @Override
        public void say(String text, boolean isError) {
            BulkEntryViewModel.this.say(text, isError);
        }

        @Override
        public void sayRowProblems(int rows) {
            BulkEntryViewModel.this.sayRowProblems(rows);
        }

        @Override
        public void setBusy(boolean value) {
            busy.set(value);
        }

        @Override
        public void failed(Throwable failure) {
            BulkEntryViewModel.this.failed(failure);
        }

        @Override
        public void created(Assessment made) {
            BulkEntryViewModel.this.created(made);
        }

        @Override
        public void nextBatch() {
            batchId = UUID.randomUUID();
        }

        @Override
        public void reopenSaved(String message) {
            reopenAfterAppliedBatch(message);
        }

        @Override
        public void saveShown() {
            journal();
            refreshDrafts();
        }

        @Override
        public void dropDraft(long cohortId, Long assessmentId) {
            BulkEntryViewModel.this.dropDraft(cohortId, assessmentId);
        }
    }

    /** Conflicted rows: keep this user's entry (the next save overwrites theirs) or take the saved one. */
    public void resolveConflicts(List<GridRow> rows, boolean keepMine) {
        saving.resolve(rows, keepMine);
    }

    void journal() {
        Cohort current = cohort.get();
        Long id = assessmentId();
        if (current == null || assessment.get() == null) {
            return;
        }
        // read on the FX thread in one cheap pass; the draft is built and written on the draft writer
        GridSnapshot sheet = GridSnapshot.of(editor.rows());
        NewAssessment created = id == null && form.problem() == null ? form.toNewAssessment(current.id()) : null;
        UUID batch = batchId;
        java.time.Instant at = java.time.Instant.now();
        draftWriter.execute(() -> {
            Draft draft = sheet.draft(batch, current.id(), id, created, at);
            if (draft.entries().isEmpty()) {
                drafts.delete(draft.cohortId(), draft.assessmentId());
            } else {
                drafts.save(draft);
            }
        });
    }

    /** The batch had been applied before (a lost acknowledgement): drop its draft and show what is stored. */
    void reopenAfterAppliedBatch(String message) {
        Cohort current = cohort.get();
        Long id = assessmentId();
        long ticket = ++latest;
        busy.set(true);
        tasks.run(OPEN, () -> {
                    drafts.delete(current.id(), id);
                    return new Opened(repository.sheet(current.id(), id), null);
                })
                .onDone(opened -> {
                    if (ticket == latest) {
                        show(opened);
                        say(message, false);
                    }
                })
                .onError(this::failed);
    }

    /** True while a saved assessment is open: it has a history (a new one has none yet). */
    javafx.beans.binding.BooleanExpression savedAssessmentOpenProperty() {
        return savedAssessmentOpen;
    }

    /** True while a new assessment is open: its form is filled in before the first save. */
    javafx.beans.binding.BooleanExpression newAssessmentOpenProperty() {
        return newAssessmentOpen;
    }

    /** "Biology test 3 · 10A-00010 · 7 students": the open grid's unsaved edits, for a question about them. */
    String unsavedSummary() {
        int students = unsaved.students();
        AssessmentChoice chosen = assessment.get();
        String title = chosen == null
                ? ""
                : chosen.isNew() ? "a new assessment" : chosen.assessment().title();
        return title + " · " + cohort.get() + " · " + students + (students == 1 ? " student" : " students");
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
        Cohort current = cohort.get();
        if (current != null && assessment.get() != null) {
            dropDraft(current.id(), assessmentId());
        }
        unsaved.afterDraftWrites(then);
    }

    void dropDraft(long cohortId, Long assessmentId) {
        draftWriter.execute(() -> drafts.delete(cohortId, assessmentId));
    }

    BigDecimal maxScore() {
        AssessmentChoice chosen = assessment.get();
        if (chosen == null) {
            return null;
        }
        return chosen.isNew() ? form.max() : chosen.assessment().maxScore();
    }

    Long assessmentId() {
        AssessmentChoice chosen = assessment.get();
        return chosen == null || chosen.isNew() ? null : chosen.assessment().id();
    }

    /** After a new assessment's first save: it is now an existing one, selected without reloading the grid. */
    void created(Assessment made) {
        AssessmentChoice choice = new AssessmentChoice(made);
        assessments.add(1, choice);
        assessment.set(choice);
    }

    void say(String text, boolean isError) {
        followingRowProblems = false;
        message.set(text);
        error.set(isError);
    }

    /** "3 rows have problems: …", kept true as rows are fixed (the problems list is rebuilt after each step). */
    void sayRowProblems(int rows) {
        say(rowProblems(rows), true);
        followingRowProblems = true;
    }

    private static String rowProblems(int rows) {
        return rows == 1
                ? "1 row has a problem: fix it, or save the valid rows and keep it in the draft."
                : rows + " rows have problems: fix them, or save the valid rows and keep the rest in the draft.";
    }

    private void followRowProblems() {
        if (!followingRowProblems) {
            return;
        }
        long left = editor.rows().stream()
                .filter(row -> row.stateProperty().get() == RowState.ERROR)
                .count();
        if (left == 0) {
            say("All marked rows are fixed now: Save when ready.", false);
        } else {
            message.set(rowProblems((int) left));
        }
    }

    void failed(Throwable failure) {
        busy.set(false);
        say(DatabaseErrors.describe(failure), true);
    }

    public ObservableList<Cohort> cohorts() {
        return cohorts;
    }

    public ObservableList<AssessmentChoice> assessments() {
        return assessments;
    }

    public ReadOnlyObjectProperty<Cohort> cohortProperty() {
        return cohort;
    }

    public ReadOnlyObjectProperty<AssessmentChoice> assessmentProperty() {
        return assessment;
    }

    public NewAssessmentForm newAssessment() {
        return form;
    }

    public ObservableList<GridRow> rows() {
        return editor.rows();
    }

    public ObservableList<Issue> problems() {
        return editor.issues();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty draftOfferProperty() {
        return draftOffer;
    }
}
