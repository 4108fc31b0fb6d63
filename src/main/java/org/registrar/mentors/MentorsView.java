package org.registrar.mentors;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.registrar.db.Privileges;
import org.registrar.dialogs.DialogService;
import org.registrar.i18n.Messages;
import org.registrar.ui.ColumnFit;

/**
 * The Mentors screen: the filterable, sortable list of mentors on the left, the chosen mentor's students and the
 * assign panel on the right. Binds to {@link MentorsViewModel} only.
 */
public final class MentorsView {
    private final BorderPane root = new BorderPane();
    private boolean attachedOnce;

    private final DialogService dialogs;

    /** The screen over {@code model}; its dialogs (rename, move) go through {@code dialogs}. */
    public MentorsView(MentorsViewModel model, DialogService dialogs) {
        this.dialogs = dialogs;
        Label title = new Label(Messages.text("mentors.title"));
        title.getStyleClass().add("title-2");
        Label summary = new Label();
        summary.setId("mentors-summary");
        summary.getStyleClass().add("text-muted");
        summary.textProperty().bind(model.summaryProperty());
        Hyperlink gaps = new Hyperlink(Messages.text("mentors.withoutMentor"));
        gaps.setId("show-without-mentor");
        gaps.setOnAction(event -> model.detail().assign().showWithoutMentor());
        Label message = new Label();
        message.getStyleClass().add("danger");
        message.textProperty().bind(model.messageProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        gaps.setMinWidth(Region.USE_PREF_SIZE);
        message.setWrapText(true);
        FlowPane heading = new FlowPane(12, 4, title, summary, gaps, message);
        heading.setAlignment(Pos.BASELINE_LEFT);

        SplitPane split = new SplitPane(listPane(model), new MentorDetailView(model.detail(), dialogs).root());
        split.setDividerPositions(0.46);
        root.setTop(heading);
        root.setCenter(split);
        BorderPane.setMargin(heading, new Insets(0, 0, 12, 0));
        root.setPadding(new Insets(20, 24, 16, 24));
        root.getStyleClass().addAll("screen", "mentors");
        root.getStylesheets()
                .add(Objects.requireNonNull(MentorsView.class.getResource("mentors.css"))
                        .toExternalForm());
        model.refresh();
        root.sceneProperty().addListener((obs, was, now) -> {
            if (was == null && now != null && attachedOnce) {
                model.refresh();
            }
            attachedOnce |= now != null;
        });
    }

    private VBox listPane(MentorsViewModel model) {
        TextField filter = new TextField();
        filter.setId("mentor-filter");
        filter.setPromptText(Messages.text("mentors.filter.prompt"));
        filter.setPrefColumnCount(12);
        Label filterLabel = new Label(Messages.text("mentors.filter.label"));
        filterLabel.setLabelFor(filter);
        filterLabel.setMinWidth(Region.USE_PREF_SIZE);
        filter.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        CheckBox activeOnly = new CheckBox(Messages.text("mentors.activeOnly"));
        activeOnly.setId("active-only");
        activeOnly.selectedProperty().bindBidirectional(model.activeOnlyProperty());
        activeOnly.setMinWidth(Region.USE_PREF_SIZE);
        Button refresh = new Button(Messages.text("mentors.refresh"));
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setId("refresh-mentors");
        refresh.setTooltip(new Tooltip(Messages.text("mentors.refresh.tooltip")));
        refresh.setOnAction(event -> model.refresh());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busyProperty());
        HBox filterGroup = new HBox(6, filterLabel, filter);
        filterGroup.setAlignment(Pos.CENTER_LEFT);
        FlowPane tools = new FlowPane(8, 8, filterGroup, activeOnly, refresh, spinner);
        tools.setAlignment(Pos.CENTER_LEFT);

        TableView<Mentor> table = mentorTable(model);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox pane = new VBox(8, tools, table, editActions(model));
        pane.setPadding(new Insets(0, 12, 0, 0));
        return pane;
    }

    /** Rename and (de)activate the chosen mentor: admins only; others see why the buttons are disabled. */
    private Node editActions(MentorsViewModel model) {
        Button rename = new Button(Messages.text("mentors.rename"));
        rename.setId("rename-mentor");
        rename.setOnAction(event -> MentorRenameDialog.show(dialogs, model));
        Button toggle = new Button();
        toggle.setId("toggle-active");
        toggle.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.selectedProperty().get() != null
                                        && !model.selectedProperty().get().active()
                                ? Messages.text("mentors.activate")
                                : Messages.text("mentors.deactivate"),
                        model.selectedProperty()));
        toggle.setOnAction(event -> model.toggleActive());
        var unusable = model.selectedProperty()
                .isNull()
                .or(model.busyProperty())
                .or(model.canEditProperty().not());
        rename.disableProperty().bind(unusable);
        toggle.disableProperty().bind(unusable);
        rename.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        HBox actions = new HBox(8, rename, toggle);
        actions.setAlignment(Pos.CENTER_LEFT);
        Tooltip why = new Tooltip(Privileges.notPermitted(Privileges.Action.EDIT_MENTORS));
        Runnable explain = () -> {
            if (model.canEditProperty().get()) {
                Tooltip.uninstall(actions, why);
            } else {
                Tooltip.install(actions, why);
            }
        };
        model.canEditProperty().addListener((obs, was, now) -> explain.run());
        explain.run();
        return actions;
    }

    private static TableView<Mentor> mentorTable(MentorsViewModel model) {
        TableView<Mentor> table = new TableView<>();
        table.setId("mentors-table");
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        TableColumn<Mentor, String> name = Columns.of(Messages.text("mentors.column.name"), 150, Mentor::displayName);
        String yes = Messages.text("mentors.yes");
        String no = Messages.text("mentors.no");
        TableColumn<Mentor, String> active =
                Columns.of(Messages.text("mentors.column.active"), 66, m -> m.active() ? yes : no);
        TableColumn<Mentor, Integer> students =
                Columns.number(Messages.text("mentors.column.students"), 90, Mentor::students);
        TableColumn<Mentor, String> cohorts =
                Columns.of(Messages.text("mentors.column.cohorts"), 130, m -> m.cohortsSummary(2));
        TableColumn<Mentor, String> email = Columns.of(Messages.text("mentors.column.email"), 190, Mentor::email);
        TableColumn<Mentor, Instant> lastChange =
                Columns.time(Messages.text("mentors.column.lastChange"), 146, Mentor::lastChange);
        table.getColumns().add(name);
        table.getColumns().add(email);
        table.getColumns().add(active);
        table.getColumns().add(students);
        table.getColumns().add(cohorts);
        table.getColumns().add(lastChange);
        table.setPlaceholder(new Label(Messages.text("mentors.none")));
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
        return table;
    }

    public Parent root() {
        return root;
    }
}
