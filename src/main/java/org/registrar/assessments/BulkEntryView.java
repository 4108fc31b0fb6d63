package org.registrar.assessments;

import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;
import org.registrar.assessments.data.Cohort;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.grid.GridTable;
import org.registrar.assessments.history.HistoryScope;
import org.registrar.assessments.history.HistoryView;
import org.registrar.assessments.history.HistoryViewModel;
import org.registrar.assessments.save.DraftStore;
import org.registrar.db.Privileges;
import org.registrar.dialogs.DialogService;
import org.registrar.tasks.Tasks;

/**
 * The Assessments screen: pick a cohort and an assessment, type or paste a whole class's scores into the grid, see
 * every problem at its cell and in the list, and save in one transaction. Binds to {@link BulkEntryViewModel} only.
 */
public final class BulkEntryView {
    private final BulkEntryViewModel model;
    private final BorderPane root = new BorderPane();
    private final GridTable grid;
    private final SidePanel side;
    private final ImportControls importing;

    /** @param dialogs asks the user (file chooser, import preview) */
    public BulkEntryView(BulkEntryViewModel model, DialogService dialogs) {
        this.model = model;
        this.grid = new GridTable(model.grid());
        this.side = new SidePanel(model, grid);
        this.importing = new ImportControls(model, root, dialogs);
        VBox top = new VBox(
                10,
                heading(),
                new WaitingDraftsPanel(model).node(),
                pickers(),
                newAssessmentForm(),
                draftBanner(),
                workBar());
        top.setPadding(new Insets(0, 0, 10, 0));
        root.setTop(top);
        root.setCenter(grid.node());
        root.setRight(side.node());
        root.setBottom(messageBar());
        root.setPadding(new Insets(20));
        root.getStyleClass().addAll("screen", "bulk-entry");
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

    private static VBox heading() {
        Label title = new Label("Assessments");
        title.getStyleClass().add("title-2");
        Label hint = new Label(
                "Type, paste (Ctrl+V) or import a class's scores. Enter moves down, Tab right, Escape "
                        + "reverts, Delete clears, Ctrl+D fills down, Ctrl+Z undoes. Blank keeps the saved score; EX = excused.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        return new VBox(2, title, hint);
    }

    private HBox pickers() {
        SearchableComboBox<Cohort> cohorts = new SearchableComboBox<>(model.cohorts());
        cohorts.setId("cohort-picker");
        cohorts.setPromptText("Cohort");
        cohorts.setPrefWidth(170);
        // no switching grids while a save or load is in flight: its answer belongs to the grid it started from
        cohorts.disableProperty().bind(model.busyProperty());
        model.cohortProperty().addListener((obs, was, now) -> {
            if (cohorts.getValue() != now) {
                cohorts.setValue(now);
            }
        });
        cohorts.valueProperty().addListener((obs, was, now) -> {
            if (now != model.cohortProperty().get()) {
                model.selectCohort(now);
            }
        });
        ComboBox<AssessmentChoice> assessments = new ComboBox<>(model.assessments());
        assessments.setId("assessment-picker");
        assessments.setPromptText("Assessment");
        assessments.setPrefWidth(290);
        assessments.setMinWidth(160);
        assessments.disableProperty().bind(model.cohortProperty().isNull().or(model.busyProperty()));
        model.assessmentProperty().addListener((obs, was, now) -> assessments.setValue(now));
        assessments.valueProperty().addListener((obs, was, now) -> {
            if (now != model.assessmentProperty().get()) {
                model.selectAssessment(now);
            }
        });
        Button create = new Button("New assessment");
        create.setId("new-assessment");
        create.setOnAction(event -> model.selectAssessment(AssessmentChoice.NEW));
        create.disableProperty()
                .bind(model.cohortProperty()
                        .isNull()
                        .or(model.canCreateAssessmentsProperty().not()));
        Button history = new Button("History…");
        history.setId("history");
        history.setTooltip(new javafx.scene.control.Tooltip(
                "Who changed which score when: the selected student's, or the whole assessment's"));
        history.setOnAction(event ->
                openHistory(grid.selectedRow() == null ? HistoryScope.ASSESSMENT : HistoryScope.STUDENT_IN_ASSESSMENT));
        history.disableProperty().bind(model.savedAssessmentOpenProperty().not());
        Button undo = new Button("Undo");
        undo.setId("undo");
        undo.setOnAction(event -> model.grid().undo());
        Button importCsv = new Button("Import CSV…");
        importCsv.setId("import-csv");
        importCsv.setOnAction(event -> importing.chooseFile());
        importCsv.disableProperty().bind(model.assessmentProperty().isNull());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(
                8,
                new Label("Cohort"),
                cohorts,
                new Label("Assessment"),
                assessments,
                NotPermitted.explain(create, model.canCreateAssessmentsProperty(), "create assessments"),
                spinner,
                spacer,
                importCsv,
                history,
                undo,
                side.saveButtons());
        bar.setAlignment(Pos.CENTER_LEFT);
        keepWhole(bar);
        return bar;
    }

    /** Labels and buttons keep their full text; the pickers give way first. */
    private static void keepWhole(Parent parent) {
        for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof Label || child instanceof Button) {
                ((Region) child).setMinWidth(Region.USE_PREF_SIZE);
            } else if (child instanceof javafx.scene.layout.Pane pane) {
                keepWhole(pane);
            }
        }
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
        javafx.scene.control.MenuItem student = new javafx.scene.control.MenuItem("History of this student…");
        student.setOnAction(event -> openHistory(HistoryScope.STUDENT_IN_ASSESSMENT));
        javafx.scene.control.MenuItem whole = new javafx.scene.control.MenuItem("History of this assessment…");
        whole.setOnAction(event -> openHistory(HistoryScope.ASSESSMENT));
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(student, whole);
        menu.setOnShowing(event -> {
            boolean saved = model.savedAssessmentOpenProperty().get();
            student.setDisable(!saved || grid.selectedRow() == null);
            whole.setDisable(!saved);
        });
        grid.node().setContextMenu(menu);
    }

    private HBox newAssessmentForm() {
        NewAssessmentForm form = model.newAssessment();
        HBox fields = new HBox(
                8,
                field("Title", "new-title", form.titleProperty(), 220),
                field("Subject", "new-subject", form.subjectProperty(), 140),
                field("Date", "new-date", form.dateProperty(), 110),
                field("Max score", "new-max", form.maxScoreProperty(), 70));
        fields.setAlignment(Pos.CENTER_LEFT);
        var creating = model.newAssessmentOpenProperty();
        fields.visibleProperty().bind(creating);
        fields.managedProperty().bind(creating);
        return fields;
    }

    private static HBox field(String label, String id, javafx.beans.property.StringProperty value, double width) {
        TextField text = new TextField();
        text.setId(id);
        text.textProperty().bindBidirectional(value);
        text.setPrefWidth(width);
        HBox box = new HBox(4, new Label(label), text);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** While a large paste or import is worked on off the FX thread: what, a progress bar and Cancel. */
    private HBox workBar() {
        javafx.scene.control.ProgressBar progress = new javafx.scene.control.ProgressBar();
        progress.setPrefWidth(160);
        Label text = new Label();
        text.setId("input-working");
        text.textProperty().bind(model.grid().workingProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-input");
        cancel.setOnAction(event -> model.grid().cancelInput());
        HBox bar = new HBox(10, progress, text, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("work-bar");
        var working = model.grid().workingProperty().isNotEmpty();
        bar.visibleProperty().bind(working);
        bar.managedProperty().bind(working);
        // indeterminate only while shown: a hidden indeterminate bar would keep animating
        progress.progressProperty()
                .bind(Bindings.when(working)
                        .then(javafx.scene.control.ProgressBar.INDETERMINATE_PROGRESS)
                        .otherwise(0.0));
        return bar;
    }

    private HBox draftBanner() {
        Label text = new Label();
        text.setId("draft-offer");
        text.textProperty().bind(model.draftOfferProperty());
        Button restore = new Button("Restore");
        restore.setId("restore-draft");
        restore.getStyleClass().add("accent");
        restore.setOnAction(event -> model.restoreDraft());
        Button discard = new Button("Discard");
        discard.setId("discard-draft");
        discard.setOnAction(event -> model.discardDraft());
        HBox banner = new HBox(10, text, restore, discard);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("draft-banner");
        var offered = model.draftOfferProperty().isNotEmpty();
        banner.visibleProperty().bind(offered);
        banner.managedProperty().bind(offered);
        return banner;
    }

    private Label messageBar() {
        Label message = new Label();
        message.setId("bulk-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add("message");
        model.errorProperty().addListener((obs, was, isError) -> {
            message.getStyleClass().remove("danger");
            if (isError) {
                message.getStyleClass().add("danger");
            }
        });
        BorderPane.setMargin(message, new Insets(10, 0, 0, 0));
        return message;
    }

    public Parent root() {
        return root;
    }

    /** For the problems list: keeps ListView imports in one place. */
    static <T> ListView<T> list(String id) {
        ListView<T> list = new ListView<>();
        list.setId(id);
        return list;
    }
}
