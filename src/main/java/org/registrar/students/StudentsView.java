package org.registrar.students;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.registrar.db.Privileges;
import org.registrar.dialogs.DialogService;
import org.registrar.dialogs.Question;
import org.registrar.i18n.Messages;
import org.registrar.ui.Fxml;

/**
 * The Students screen: filters and search above, the paged table with the pager below it, the detail pane on
 * the right (StudentsView.fxml; each part has its own layout). Binds to its ViewModels only; asks before any action that would drop unsaved edits.
 */
public final class StudentsView {
    static final Duration SEARCH_DELAY = Duration.millis(300);

    private final StudentsViewModel model;
    private final StudentEditorViewModel editor;
    private final StudentExportBar exportBar;
    private final DialogService dialogs;
    private final StudentTable table;
    private final StudentDetailView detail;
    private final StudentFilters filters;
    private final StudentPager pager;

    @FXML
    private BorderPane root;

    @FXML
    private VBox header;

    @FXML
    private FlowPane tools;

    @FXML
    private HBox actions;

    @FXML
    private TextField search;

    @FXML
    private Label count;

    @FXML
    private Label notice;

    @FXML
    private Button refresh;

    @FXML
    private StackPane assignSlot;

    @FXML
    private SplitPane split;

    @FXML
    private VBox tableBox;

    private boolean attachedOnce;
    private List<Long> reselect = List.of();
    /** The pane's student after an assignment, read again only if the refreshed page is empty (FX thread). */
    private Long reopenIfEmpty;

    /** The screen over its models; every question it asks goes through {@code dialogs}. */
    public StudentsView(
            StudentsViewModel model,
            StudentEditorViewModel editor,
            StudentExportViewModel exporter,
            DialogService dialogs) {
        this.model = model;
        this.editor = editor;
        this.dialogs = dialogs;
        this.exportBar = new StudentExportBar(exporter, model, dialogs);
        this.table = new StudentTable(order -> guarded(() -> model.sortBy(order), this::showModelOrder));
        this.detail = new StudentDetailView(editor);
        this.filters = new StudentFilters(model, filter -> guarded(() -> model.filterBy(filter), () -> {}));
        this.pager = new StudentPager(model, this::guarded);
        table.view().setItems(model.rows());
        table.bindPlaceholder(model.placeholderProperty());
        model.orderProperty().addListener((obs, old, order) -> table.showOrder(order));
        table.showOrder(model.orderProperty().get());
        Fxml.load(this);
        tableBox.getChildren().setAll(table.view(), pager.root());
        VBox.setVgrow(table.view(), Priority.ALWAYS);
        split.getItems().add(detail.root());
        // the table keeps what the window gains or loses; the detail pane keeps its width within its bounds
        SplitPane.setResizableWithParent(detail.root(), false);
        wireHeader();
        root.getStylesheets().add(StudentsView.class.getResource("students.css").toExternalForm());
        wireKeys();
        wireSelection();
        editor.savedProperty().addListener((obs, old, profile) -> {
            if (profile != null) {
                reselect = selectedIds();
                model.showSaved(profile);
            }
        });
        editor.conflictProperty().addListener((obs, old, conflict) -> {
            if (conflict != null) {
                StudentConflictDialog.ask(dialogs, editor.currentEdit(), conflict, editor);
            }
        });
        model.start();
        // back on this screen: show mentor changes made elsewhere meanwhile (unsaved edits are not touched)
        root.sceneProperty().addListener((obs, was, now) -> {
            if (was == null && now != null && attachedOnce) {
                model.refreshPage();
            }
            attachedOnce |= now != null;
        });
    }

    private void wireHeader() {
        count.textProperty().bind(model.countTextProperty());
        PauseTransition debounce = new PauseTransition(SEARCH_DELAY);
        debounce.setOnFinished(event -> searchNow());
        search.textProperty().addListener((obs, old, text) -> debounce.playFromStart());
        search.setOnAction(event -> {
            debounce.stop();
            searchNow();
        });
        refresh.setOnAction(event -> guarded(
                () -> {
                    reselect = selectedIds();
                    model.refresh();
                },
                () -> {}));
        actions.getChildren().addAll(exportBar.button(), exportBar.semicolons());
        tools.getChildren().add(1, filters.root());
        tools.getChildren().add(2, StudentPager.jumps(pager));
        header.getChildren().add(exportBar.status());
    }

    private void searchNow() {
        String text = search.getText();
        if (model.searchWouldChange(text)) {
            String shown = model.searchText();
            guarded(() -> model.search(text), () -> search.setText(shown));
        }
    }

    private void wireKeys() {
        table.view().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.PAGE_DOWN) {
                guarded(model::next, () -> {});
                event.consume();
            } else if (event.getCode() == KeyCode.PAGE_UP) {
                guarded(model::previous, () -> {});
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER) {
                openSelected();
                detail.focusForm();
                event.consume();
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.isShortcutDown() && event.getCode() == KeyCode.F) {
                search.requestFocus();
                search.selectAll();
                event.consume();
            }
        });
    }

    private void wireSelection() {
        table.view().getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> openSelected());
        model.rows().addListener((javafx.collections.ListChangeListener<StudentRow>) change -> {
            table.fitColumns();
            List<Long> again = reselect;
            reselect = List.of();
            for (int index = 0; index < model.rows().size(); index++) {
                if (again.contains(model.rows().get(index).id())) {
                    table.view().getSelectionModel().select(index);
                }
            }
            if (!model.rows().isEmpty() && table.view().getSelectionModel().isEmpty()) {
                table.view().getSelectionModel().select(0);
            }
            Long reopen = reopenIfEmpty;
            reopenIfEmpty = null;
            if (reopen != null && model.rows().isEmpty() && !editor.isDirty()) {
                editor.open(reopen);
            }
        });
    }

    private void openSelected() {
        StudentRow row = table.view().getSelectionModel().getSelectedItem();
        // the same student is read again when a refreshed row differs from the pane; unsaved edits stay (saving
        // them later meets the version check and its conflict dialog)
        if (row == null || editor.isDirty() || editor.showsAsIn(row)) {
            return;
        }
        editor.open(row.id());
    }

    /**
     * Runs {@code action} at once when nothing is unsaved; otherwise asks first, and runs {@code cancelled} when
     * the user keeps editing. Never blocks (the dialog service does not wait).
     */
    void guarded(Runnable action, Runnable cancelled) {
        if (!editor.isDirty()) {
            action.run();
            return;
        }
        dialogs.confirm(
                new Question(
                        "unsaved-dialog",
                        Messages.text("students.unsaved.title"),
                        null,
                        Messages.text(
                                "students.unsaved.question",
                                editor.detailProperty().get().profile().familyName()),
                        Messages.text("students.unsaved.discard"),
                        Messages.text("students.unsaved.keep")),
                () -> {
                    editor.discard();
                    action.run();
                },
                cancelled);
    }

    /**
     * Offers "Assign mentor…" (a button and the table's context menu) for the selected students, handing their ids
     * to {@code action}; afterwards the current page is read again so the mentor column shows the change. When
     * {@code permitted} is false the button stays disabled and says why.
     */
    public void offerMentorAssignment(MentorAssignment action, boolean permitted) {
        Button assign = new Button(Messages.text("students.assign"));
        assign.setId("students-assign-mentor");
        assign.setMinWidth(Region.USE_PREF_SIZE);
        var selected = table.view().getSelectionModel().getSelectedItems();
        assign.disableProperty().bind(Bindings.isEmpty(selected).or(Bindings.createBooleanBinding(() -> !permitted)));
        assign.setOnAction(event -> chooseMentor(action));
        assignSlot.getChildren().setAll(assign);
        assignSlot.setManaged(true);
        if (!permitted) {
            Tooltip.install(assignSlot, new Tooltip(Privileges.notPermitted(Privileges.Action.ASSIGN_MENTORS)));
            return;
        }
        assign.setTooltip(new Tooltip(Messages.text("students.assign.tooltip")));
        MenuItem item = new MenuItem(Messages.text("students.assign.menu"));
        item.setId("menu-assign-mentor");
        item.disableProperty().bind(Bindings.isEmpty(selected));
        item.setOnAction(event -> chooseMentor(action));
        table.view().setContextMenu(new ContextMenu(item));
    }

    private List<Long> selectedIds() {
        return table.view().getSelectionModel().getSelectedItems().stream()
                .map(StudentRow::id)
                .distinct()
                .toList();
    }

    private void chooseMentor(MentorAssignment action) {
        List<Long> ids = selectedIds();
        if (ids.isEmpty()) {
            return;
        }
        notice.setText("");
        action.choose(ids, outcome -> {
            notice.setText(outcome);
            reselect = ids;
            // the refreshed page reopens the pane's student when its row changed (openSelected); read it here only
            // if that page comes back empty, so the pane never shows a stale mentor and is never read twice
            StudentDetail shown = editor.detailProperty().get();
            reopenIfEmpty =
                    editor.isDirty() || shown == null ? null : shown.profile().id();
            model.refreshPage();
        });
    }

    private void showModelOrder() {
        table.showOrder(model.orderProperty().get());
    }

    public Parent root() {
        return root;
    }
}
