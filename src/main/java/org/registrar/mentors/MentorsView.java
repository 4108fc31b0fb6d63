package org.registrar.mentors;

import java.time.Instant;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.registrar.db.Privileges;
import org.registrar.dialogs.DialogService;
import org.registrar.i18n.Messages;
import org.registrar.ui.ColumnFit;
import org.registrar.ui.Fxml;

/**
 * The Mentors screen: the filterable, sortable list of mentors on the left, the chosen mentor's students and the
 * assign panel on the right. Its static layout is MentorsView.fxml (words from the bundle's {@code mentors.*} keys,
 * style MentorsView.css); the rows, the bindings and the detail are set up here. Binds to {@link MentorsViewModel}
 * only.
 */
public final class MentorsView {
    private final MentorsViewModel model;
    private final DialogService dialogs;
    private final BorderPane root;
    private boolean attachedOnce;

    @FXML
    private Label summary;

    @FXML
    private Label message;

    @FXML
    private SplitPane split;

    @FXML
    private TextField filter;

    @FXML
    private CheckBox activeOnly;

    @FXML
    private ProgressIndicator spinner;

    @FXML
    private TableView<Mentor> table;

    @FXML
    private TableColumn<Mentor, String> name;

    @FXML
    private TableColumn<Mentor, String> email;

    @FXML
    private TableColumn<Mentor, String> active;

    @FXML
    private TableColumn<Mentor, Integer> students;

    @FXML
    private TableColumn<Mentor, String> cohorts;

    @FXML
    private TableColumn<Mentor, Instant> lastChange;

    @FXML
    private HBox editActions;

    @FXML
    private Button rename;

    @FXML
    private Button toggle;

    /** The screen over {@code model}; its dialogs (rename, move) go through {@code dialogs}. */
    public MentorsView(MentorsViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        this.root = Fxml.load(this);
        summary.textProperty().bind(model.summaryProperty());
        message.textProperty().bind(model.messageProperty());
        filter.textProperty().bindBidirectional(model.filterProperty());
        activeOnly.selectedProperty().bindBidirectional(model.activeOnlyProperty());
        spinner.visibleProperty().bind(model.busyProperty());
        bindTable();
        bindEditActions();
        split.getItems().add(new MentorDetailView(model.detail(), dialogs).root());
        model.refresh();
        root.sceneProperty().addListener((obs, was, now) -> {
            if (was == null && now != null && attachedOnce) {
                model.refresh();
            }
            attachedOnce |= now != null;
        });
    }

    @FXML
    private void showWithoutMentor() {
        model.detail().assign().showWithoutMentor();
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void rename() {
        MentorRenameDialog.show(dialogs, model);
    }

    @FXML
    private void toggleActive() {
        model.toggleActive();
    }

    /** Rename and (de)activate the chosen mentor: admins only; others see why the buttons are disabled. */
    private void bindEditActions() {
        toggle.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.selectedProperty().get() != null
                                        && !model.selectedProperty().get().active()
                                ? Messages.text("mentors.activate")
                                : Messages.text("mentors.deactivate"),
                        model.selectedProperty()));
        var unusable = model.selectedProperty()
                .isNull()
                .or(model.busyProperty())
                .or(model.canEditProperty().not());
        rename.disableProperty().bind(unusable);
        toggle.disableProperty().bind(unusable);
        Tooltip why = new Tooltip(Privileges.notPermitted(Privileges.Action.EDIT_MENTORS));
        Runnable explain = () -> {
            if (model.canEditProperty().get()) {
                Tooltip.uninstall(editActions, why);
            } else {
                Tooltip.install(editActions, why);
            }
        };
        model.canEditProperty().addListener((obs, was, now) -> explain.run());
        explain.run();
    }

    private void bindTable() {
        String yes = Messages.text("mentors.yes");
        String no = Messages.text("mentors.no");
        Columns.value(name, Mentor::displayName);
        Columns.value(email, Mentor::email);
        Columns.value(active, m -> m.active() ? yes : no);
        Columns.value(students, Mentor::students);
        Columns.value(cohorts, m -> m.cohortsSummary(2));
        Columns.time(lastChange, Mentor::lastChange);
        // no sideways scrolling in the split pane: what the detail shows anyway gives way first
        ColumnFit.apply(table, name, List.of(lastChange, email, cohorts));
        SortedList<Mentor> sorted = new SortedList<>(model.mentors());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && !now.equals(model.selectedProperty().get())) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, was, now) -> {
            if (now != null && !now.equals(table.getSelectionModel().getSelectedItem())) {
                table.getSelectionModel().select(now);
                table.scrollTo(now);
            }
        });
    }

    public Parent root() {
        return root;
    }
}
