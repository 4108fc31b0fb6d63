package org.registrar.mentors;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.registrar.dialogs.DialogService;

/**
 * Right half of the Mentors screen: the chosen mentor's students with unassign and move-all, and below, the panel
 * to find students and assign them. Binds to {@link MentorDetailViewModel} and {@link AssignViewModel} only.
 */
final class MentorDetailView {
    private final SplitPane root;

    MentorDetailView(MentorDetailViewModel model, DialogService dialogs) {
        root = new SplitPane(rosterPane(model), assignPane(model.assign(), dialogs));
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(0.52);
        root.getStyleClass().add("detail");
    }

    private static Node rosterPane(MentorDetailViewModel model) {
        Label name = new Label("Choose a mentor");
        name.setId("mentor-name");
        name.getStyleClass().add("title-3");
        name.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.mentorProperty().get() == null
                                ? "Choose a mentor"
                                : model.mentorProperty().get().displayName(),
                        model.mentorProperty()));
        Label facts = new Label();
        facts.setId("mentor-facts");
        facts.getStyleClass().add("detail-facts");
        facts.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> facts(model.mentorProperty().get()), model.mentorProperty()));

        TableView<RosterEntry> roster = studentTable("roster", "No students assigned yet.");
        roster.getColumns().add(Columns.of("Latest result", 250, RosterEntry::latestResult));
        roster.getColumns()
                .add(Columns.of("Assigned", 150, e -> e.assignedBy() + " · " + Columns.when(e.assignedAt())));
        roster.setItems(model.roster());
        VBox.setVgrow(roster, Priority.ALWAYS);

        Button unassign = new Button("Unassign selected");
        unassign.setId("unassign");
        unassign.disableProperty()
                .bind(model.busyProperty()
                        .or(Bindings.isEmpty(roster.getSelectionModel().getSelectedItems())));
        unassign.setOnAction(event -> model.unassign(roster.getSelectionModel().getSelectedItems()));
        ComboBox<Mentor> target = new ComboBox<>(model.moveTargets());
        target.setId("move-target");
        target.setPromptText("Move all to…");
        target.setCellFactory(ignored -> new MentorCell());
        target.setButtonCell(new MentorCell());
        target.setPrefWidth(200);
        Button move = new Button("Move all");
        move.setId("move-all");
        move.disableProperty()
                .bind(model.busyProperty().or(target.valueProperty().isNull()));
        move.setOnAction(event -> model.moveAllTo(target.getValue()));
        Button more = new Button("Load more");
        more.setId("roster-more");
        more.visibleProperty().bind(model.hasMoreProperty());
        more.setOnAction(event -> model.loadMore());
        Label message = note(model.messageProperty());
        HBox actions = new HBox(8, unassign, spacer(), target, move, more);
        actions.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, name, facts, roster, actions, message);
    }

    private static Node assignPane(AssignViewModel model, DialogService dialogs) {
        Label title = new Label();
        title.getStyleClass().addAll("title-4", "section-title");
        title.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.mentorProperty().get() == null
                                ? "Add students"
                                : "Add students to "
                                        + model.mentorProperty().get().displayName(),
                        model.mentorProperty()));
        TextField query = new TextField();
        query.setId("assign-query");
        query.setPromptText("Name, student number or cohort (e.g. 3C-00003)");
        query.textProperty().bindBidirectional(model.queryProperty());
        query.setOnAction(event -> model.search());
        HBox.setHgrow(query, Priority.ALWAYS);
        CheckBox withoutMentor = new CheckBox("Only without a mentor");
        withoutMentor.setId("without-mentor-only");
        withoutMentor.selectedProperty().bindBidirectional(model.withoutMentorOnlyProperty());
        Button find = new Button("Find");
        find.setId("assign-search");
        find.setOnAction(event -> model.search());
        HBox search = new HBox(8, query, withoutMentor, find);
        search.setAlignment(Pos.CENTER_LEFT);

        TableView<RosterEntry> found = studentTable("candidates", "Search to list students.");
        found.getColumns().add(Columns.of("Current mentor", 170, RosterEntry::mentorName));
        found.setItems(model.candidates());
        VBox.setVgrow(found, Priority.ALWAYS);

        Button assign = new Button("Assign selected");
        assign.setId("assign-selected");
        assign.getStyleClass().add("accent");
        assign.disableProperty()
                .bind(model.busyProperty()
                        .or(model.mentorProperty().isNull())
                        .or(Bindings.isEmpty(found.getSelectionModel().getSelectedItems())));
        assign.setOnAction(event -> model.assign(found.getSelectionModel().getSelectedItems()));
        model.moveQuestionProperty().addListener((obs, was, question) -> {
            if (!question.isEmpty()) {
                MoveConfirmation.ask(dialogs, null, question, move -> {
                    if (move) {
                        model.confirmMove();
                    } else {
                        model.cancelMove();
                    }
                });
            }
        });
        Button all = new Button("Select all found");
        all.setId("select-all-found");
        all.setOnAction(event -> found.getSelectionModel().selectAll());
        Button more = new Button("Load more");
        more.setId("candidates-more");
        more.visibleProperty().bind(model.hasMoreProperty());
        more.setOnAction(event -> model.loadMore());
        HBox actions = new HBox(8, assign, all, spacer(), more);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label message = note(model.messageProperty());
        message.setId("assign-message");
        return new VBox(6, title, search, found, actions, message);
    }

    private static TableView<RosterEntry> studentTable(String id, String placeholder) {
        TableView<RosterEntry> table = new TableView<>();
        table.setId(id);
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(placeholder));
        table.getColumns().add(Columns.of("Student", 150, RosterEntry::displayName));
        table.getColumns().add(Columns.fixed(Columns.of("Number", 96, RosterEntry::studentNumber)));
        table.getColumns().add(Columns.fixed(Columns.of("Cohort", 96, RosterEntry::cohort)));
        table.getColumns().forEach(column -> column.setSortable(false));
        // the columns share the width (numbers and cohorts keep theirs): no sideways scrolling in the split pane
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        return table;
    }

    private static String facts(Mentor mentor) {
        if (mentor == null) {
            return "";
        }
        return mentor.email() + " · " + (mentor.active() ? "active" : "inactive") + " · "
                + mentor.students() + (mentor.students() == 1 ? " student" : " students") + " in "
                + mentor.cohorts().size() + (mentor.cohorts().size() == 1 ? " cohort" : " cohorts");
    }

    private static Label note(javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.getStyleClass().add("note");
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    SplitPane root() {
        return root;
    }

    /** Shows a mentor by name in the move-to list. */
    private static final class MentorCell extends ListCell<Mentor> {
        @Override
        protected void updateItem(Mentor item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.displayName() + " (" + item.students() + ")");
        }
    }
}
