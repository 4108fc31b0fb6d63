package org.registrar.assessments;

import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.registrar.assessments.data.Cohort;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.grid.ColumnWidths;
import org.registrar.assessments.grid.GridOrder;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.grid.GridTable;
import org.registrar.assessments.grid.RowFilter;
import org.registrar.assessments.history.HistoryScope;
import org.registrar.assessments.history.HistoryView;
import org.registrar.assessments.history.HistoryViewModel;
import org.registrar.assessments.save.DraftStore;
import org.registrar.db.Privileges;
import org.registrar.dialogs.DialogService;
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;
import org.registrar.ui.ClassPicker;
import org.registrar.ui.FocusWhenEnabled;
import org.registrar.ui.Fxml;

/**
 * The Assessments screen: pick a cohort and an assessment, type or paste a whole class's scores into the grid, see
 * every problem at its cell and in the list, and save in one transaction. Binds to {@link BulkEntryViewModel} only.
 * Its static layout is BulkEntryView.fxml (words from the bundle's {@code assessments.*} keys); the grid, the side
 * panel and the waiting drafts are built here.
 */
public final class BulkEntryView {
    private final BulkEntryViewModel model;
    private final BorderPane root;
    private final GridTable grid;
    private final SidePanel side;
    private final ImportControls importing;

    @FXML
    private VBox top;

    @FXML
    private FlowPane toolbar;

    @FXML
    private Label cohortLabel;

    @FXML
    private TextField cohorts;

    private ClassPicker<Cohort> cohortPicker;

    @FXML
    private Label assessmentLabel;

    @FXML
    private ComboBox<AssessmentChoice> assessments;

    @FXML
    private HBox creating;

    @FXML
    private Button create;

    @FXML
    private ProgressIndicator spinner;

    @FXML
    private HBox actions;

    @FXML
    private Button importCsv;

    @FXML
    private Button history;

    @FXML
    private Label filterLabel;

    @FXML
    private ComboBox<RowFilter> filter;

    @FXML
    private FlowPane newForm;

    @FXML
    private Label titleLabel;

    @FXML
    private TextField newTitle;

    @FXML
    private Label subjectLabel;

    @FXML
    private TextField newSubject;

    @FXML
    private Label dateLabel;

    @FXML
    private TextField newDate;

    @FXML
    private Label maxLabel;

    @FXML
    private TextField newMax;

    @FXML
    private HBox draftBanner;

    @FXML
    private Label draftOffer;

    @FXML
    private HBox workBar;

    @FXML
    private ProgressBar progress;

    @FXML
    private Label working;

    @FXML
    private Label message;

    /** @param dialogs asks the user (file chooser, import preview) */
    public BulkEntryView(BulkEntryViewModel model, DialogService dialogs) {
        this.model = model;
        this.grid = new GridTable(model.grid(), ColumnWidths.forUser());
        this.side = new SidePanel(model, grid);
        this.root = Fxml.load(this);
        this.importing = new ImportControls(model, root, dialogs);
        top.getChildren().add(1, new WaitingDraftsPanel(model).node());
        bindPickers();
        bindActions();
        bindFilter();
        bindNewAssessmentForm();
        bindDraftBanner();
        bindWorkBar();
        bindMessage();
        root.setCenter(grid.node());
        root.setRight(side.node());
        side.giveWayTo(root);
        root.getStylesheets()
                .add(BulkEntryView.class.getResource("bulk-entry.css").toExternalForm());
        importing.install();
        installGridMenu();
        model.beforeLeavingGrid(grid::commitEditing);
        model.start();
    }

    /**
     * Commits the cell being typed into (so it reaches the draft), then says how many students of the open grid
     * carry edits that are not saved: 0 when none (or no grid is open).
     */
    public int unsavedStudents() {
        grid.commitEditing();
        return model.unsaved().students();
    }

    /** "Biology test 3 · 10A-00010 · 7 students": the open grid's unsaved edits, for a question about them. */
    public String unsavedSummary() {
        return model.unsavedSummary();
    }

    /**
     * Saves the open grid as the Save button does (overwrites are shown for confirmation first); {@code saved} runs
     * once a save leaves nothing unsaved. A save refused, or one that leaves problems or conflicts, does not run it.
     */
    public void saveNow(Runnable saved) {
        grid.commitEditing();
        model.unsaved().whenSaved(saved);
        side.saveOrReview(false);
    }

    /** Writes the open grid's draft now; {@code kept} runs once it is on disk. */
    public void keepAsDraft(Runnable kept) {
        grid.commitEditing();
        model.keepDraft(kept);
    }

    /** Forgets the open grid's unsaved edits and deletes its draft; {@code discarded} runs once it is gone. */
    public void discardEdits(Runnable discarded) {
        model.discardEdits(discarded);
    }

    /**
     * The screen over what the app wires and owns: the repository, where drafts are kept, the one thread that writes
     * them (in order; the app shuts it down), and the dialog service.
     */
    public static BulkEntryView create(
            Tasks tasks,
            ResultsRepository repository,
            DraftStore drafts,
            Executor draftWriter,
            DialogService dialogs,
            Privileges privileges) {
        BulkEntryViewModel model = new BulkEntryViewModel(tasks, repository, drafts, draftWriter);
        model.apply(privileges);
        return new BulkEntryView(model, dialogs);
    }

    private void bindPickers() {
        cohortLabel.setLabelFor(cohorts);
        assessmentLabel.setLabelFor(assessments);
        // typed into: the server sends the first classes starting with what was typed, never all of them (ADR 0072)
        cohortPicker = new ClassPicker<>(
                cohorts, null, cohortNames(), model::findCohorts, model.cohorts(), model.cohortHintProperty());
        cohortPicker.describe(Messages.text("assessments.cohort.prompt"), Messages.text("assessments.cohort.tooltip"));
        assessments.setItems(model.assessments());
        // the chosen value is always shown whole: a picker never shrinks below what its items need
        Pickers.fitToItems(assessments, 160, 360);
        // no switching grids while a save or load is in flight: its answer belongs to the grid it started from
        cohortPicker.disableProperty().bind(model.busyProperty());
        model.cohortProperty().addListener((obs, was, now) -> cohortPicker.show(now));
        cohortPicker.setOnPicked(() -> {
            Cohort picked = cohortPicker.value();
            Cohort open = model.cohortProperty().get();
            if (picked != null && (open == null || open.id() != picked.id())) {
                model.selectCohort(picked);
                // the next step is the assessment: its field takes focus once the class's assessments are in
                FocusWhenEnabled.give(assessments);
            }
        });
        assessments.disableProperty().bind(model.cohortProperty().isNull().or(model.busyProperty()));
        model.assessmentProperty().addListener((obs, was, now) -> assessments.setValue(now));
        assessments.valueProperty().addListener((obs, was, now) -> {
            if (now != model.assessmentProperty().get()) {
                model.selectAssessment(now);
            }
        });
    }

    /** A cohort by its name in the field and the list; nothing picked shows the prompt. */
    private static StringConverter<Cohort> cohortNames() {
        return new StringConverter<>() {
            @Override
            public String toString(Cohort cohort) {
                return cohort == null ? "" : cohort.name();
            }

            @Override
            public Cohort fromString(String text) {
                return null;
            }
        };
    }

    /**
     * New assessment, the busy spinner, Import, History, Undo, the side panel's toggle, and the save buttons at the
     * end of the toolbar.
     */
    private void bindActions() {
        create.disableProperty()
                .bind(model.cohortProperty()
                        .isNull()
                        .or(model.canCreateAssessmentsProperty().not()));
        int at = creating.getChildren().indexOf(create);
        creating.getChildren().remove(create);
        creating.getChildren()
                .add(
                        at,
                        NotPermitted.explain(
                                create, model.canCreateAssessmentsProperty(), Privileges.Action.CREATE_ASSESSMENTS));
        spinner.visibleProperty().bind(model.busyProperty());
        history.disableProperty().bind(model.savedAssessmentOpenProperty().not());
        importCsv.disableProperty().bind(model.assessmentProperty().isNull());
        actions.getChildren().add(side.toggle());
        // Save stays in the toolbar: when the row is too narrow the flow puts it on the next line, never out of reach
        toolbar.getChildren().add(side.saveButtons());
        toolbar.prefWrapLengthProperty().bind(root.widthProperty());
    }

    /** Which rows the grid shows, each choice with how many rows it shows now. */
    private void bindFilter() {
        filterLabel.setLabelFor(filter);
        GridOrder order = grid.order();
        filter.getItems().setAll(RowFilter.values());
        filter.setValue(order.filterProperty().get());
        showCounts(order.countsProperty().get());
        order.countsProperty().addListener((obs, was, now) -> showCounts(now));
        // the cells follow the counts themselves: a combo box does not redraw its cells for a new converter
        filter.setCellFactory(list -> countedCell(order));
        filter.setButtonCell(countedCell(order));
        order.filterProperty().addListener((obs, was, now) -> filter.setValue(now));
        filter.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                order.show(now);
            }
        });
    }

    /** Every choice with its count, the picker as wide as the longest (a crowded toolbar wraps, never cuts it). */
    private void showCounts(Map<RowFilter, Integer> counts) {
        StringConverter<RowFilter> converter = counted(counts);
        filter.setConverter(converter);
        Pickers.fitToTexts(
                filter,
                java.util.Arrays.stream(RowFilter.values())
                        .map(converter::toString)
                        .toList());
    }

    private static ListCell<RowFilter> countedCell(GridOrder order) {
        return new ListCell<>() {
            @Override
            protected void updateItem(RowFilter item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                } else {
                    textProperty()
                            .bind(Bindings.createStringBinding(
                                    () -> item.label(
                                            order.countsProperty().get().getOrDefault(item, 0)),
                                    order.countsProperty()));
                }
            }
        };
    }

    private static StringConverter<RowFilter> counted(Map<RowFilter, Integer> counts) {
        return new StringConverter<>() {
            @Override
            public String toString(RowFilter choice) {
                return choice == null ? "" : choice.label(counts.getOrDefault(choice, 0));
            }

            @Override
            public RowFilter fromString(String text) {
                return null;
            }
        };
    }

    @FXML
    private void createAssessment() {
        model.selectAssessment(AssessmentChoice.NEW);
    }

    @FXML
    private void chooseCsvFile() {
        importing.chooseFile();
    }

    @FXML
    private void showHistory() {
        openHistory(grid.selectedRow() == null ? HistoryScope.ASSESSMENT : HistoryScope.STUDENT_IN_ASSESSMENT);
    }

    @FXML
    private void undo() {
        model.grid().undo();
    }

    @FXML
    private void restoreDraft() {
        model.restoreDraft();
    }

    @FXML
    private void discardDraft() {
        model.discardDraft();
    }

    @FXML
    private void cancelInput() {
        model.grid().cancelInput();
    }

    /** Opens the result history window: the selected student's changes or the whole assessment's. */
    private void openHistory(HistoryScope scope) {
        GridRow row = grid.selectedRow();
        HistoryViewModel history = model.history(row);
        if (history != null) {
            HistoryView.open(
                    history,
                    root.getScene() == null ? null : root.getScene().getWindow(),
                    row == null ? HistoryScope.ASSESSMENT : scope);
        }
    }

    private void installGridMenu() {
        MenuItem student = new MenuItem(Messages.text("assessments.menu.studentHistory"));
        student.setOnAction(event -> openHistory(HistoryScope.STUDENT_IN_ASSESSMENT));
        MenuItem whole = new MenuItem(Messages.text("assessments.menu.assessmentHistory"));
        whole.setOnAction(event -> openHistory(HistoryScope.ASSESSMENT));
        ContextMenu menu = new ContextMenu(student, whole);
        menu.setOnShowing(event -> {
            boolean saved = model.savedAssessmentOpenProperty().get();
            student.setDisable(!saved || grid.selectedRow() == null);
            whole.setDisable(!saved);
        });
        grid.node().setContextMenu(menu);
    }

    private void bindNewAssessmentForm() {
        NewAssessmentForm form = model.newAssessment();
        bindField(titleLabel, newTitle, form.titleProperty());
        bindField(subjectLabel, newSubject, form.subjectProperty());
        bindField(dateLabel, newDate, form.dateProperty());
        bindField(maxLabel, newMax, form.maxScoreProperty());
        showWhen(newForm, model.newAssessmentOpenProperty());
    }

    private static void bindField(Label label, TextField field, StringProperty value) {
        label.setLabelFor(field);
        field.textProperty().bindBidirectional(value);
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    /** While a large paste or import is worked on off the FX thread: what, a progress bar and Cancel. */
    private void bindWorkBar() {
        working.textProperty().bind(model.grid().workingProperty());
        var busy = model.grid().workingProperty().isNotEmpty();
        showWhen(workBar, busy);
        // indeterminate only while shown: a hidden indeterminate bar would keep animating
        progress.progressProperty()
                .bind(Bindings.when(busy)
                        .then(ProgressBar.INDETERMINATE_PROGRESS)
                        .otherwise(0.0));
    }

    private void bindDraftBanner() {
        draftOffer.textProperty().bind(model.draftOfferProperty());
        showWhen(draftBanner, model.draftOfferProperty().isNotEmpty());
    }

    private void bindMessage() {
        message.textProperty().bind(model.messageProperty());
        model.errorProperty().addListener((obs, was, isError) -> {
            message.getStyleClass().remove("danger");
            if (isError) {
                message.getStyleClass().add("danger");
            }
        });
    }

    public Parent root() {
        return root;
    }
}
