package org.registrar.mentors;

import java.util.List;
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
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.registrar.dialogs.DialogService;
import org.registrar.i18n.Messages;
import org.registrar.ui.ColumnFit;

/**
 * Right half of the Mentors screen: the chosen mentor's students with unassign and move-all, and below, the panel
 * to find students and assign them. Binds to {@link MentorDetailViewModel} and {@link AssignViewModel} only.
 */
final class MentorDetailView {
    private final SplitPane root;

    MentorDetailView(MentorDetailViewModel model, DialogService dialogs) {
        root = new SplitPane(rosterPane(model), assignPane(model.assign(), dialogs));
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(0.6); // the roster first: the search list is empty until a search
        root.getStyleClass().add("detail");
    }

    private static Node rosterPane(MentorDetailViewModel model) {
        Label name = new Label(Messages.text("mentors.choose"));
        name.setId("mentor-name");
        name.getStyleClass().add("title-3");
        name.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.mentorProperty().get() == null
                                ? Messages.text("mentors.choose")
                                : model.mentorProperty().get().displayName(),
                        model.mentorProperty()));
        Label facts = new Label();
        facts.setId("mentor-facts");
        facts.getStyleClass().add("detail-facts");
        facts.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> facts(model.mentorProperty().get()), model.mentorProperty()));

        TableView<RosterEntry> roster = studentTable("roster", Messages.text("mentors.roster.none"));
        TableColumn<RosterEntry, String> latest =
                Columns.of(Messages.text("mentors.column.latest"), 250, RosterEntry::latestResult);
        TableColumn<RosterEntry, String> assigned = Columns.of(
                Messages.text("mentors.column.assigned"),
                150,
                e -> e.assignedBy() + " · " + Columns.when(e.assignedAt()));
        roster.getColumns().add(latest);
        roster.getColumns().add(assigned);
        ColumnFit.apply(roster, latest, List.of(assigned));
        roster.setItems(model.roster());
        VBox.setVgrow(roster, Priority.ALWAYS);

        Button unassign = new Button(Messages.text("mentors.unassign"));
        unassign.setMinWidth(Region.USE_PREF_SIZE);
        unassign.setId("unassign");
        unassign.disableProperty()
                .bind(model.busyProperty()
                        .or(Bindings.isEmpty(roster.getSelectionModel().getSelectedItems())));
        unassign.setOnAction(event -> model.unassign(roster.getSelectionModel().getSelectedItems()));
        ComboBox<Mentor> target = new ComboBox<>(model.moveTargets());
        target.setId("move-target");
        target.setPromptText(Messages.text("mentors.moveTo.prompt"));
        Label targetLabel = new Label(Messages.text("mentors.moveTo.label"));
        targetLabel.setLabelFor(target);
        targetLabel.setMinWidth(Region.USE_PREF_SIZE);
        target.setCellFactory(ignored -> new MentorCell());
        target.setButtonCell(new MentorCell());
        target.setPrefWidth(190);
        target.setMinWidth(120);
        Button move = new Button(Messages.text("mentors.move"));
        move.setMinWidth(Region.USE_PREF_SIZE);
        move.setId("move-all");
        move.disableProperty()
                .bind(model.busyProperty().or(target.valueProperty().isNull()));
        move.setOnAction(event -> model.moveAllTo(target.getValue()));
        Button more = new Button(Messages.text("mentors.more"));
        more.setMinWidth(Region.USE_PREF_SIZE);
        more.setId("roster-more");
        more.visibleProperty().bind(model.hasMoreProperty());
        more.setOnAction(event -> model.loadMore());
        Label message = note(model.messageProperty());
        more.managedProperty().bind(more.visibleProperty());
        HBox moveGroup = new HBox(6, targetLabel, target, move);
        moveGroup.setAlignment(Pos.CENTER_LEFT);
        // wraps (move group under unassign) rather than cutting "Move all" at 1024×700
        FlowPane actions = new FlowPane(8, 6, unassign, moveGroup, more);
        actions.setAlignment(Pos.CENTER_LEFT);
        name.setWrapText(true);
        name.setMinHeight(Region.USE_PREF_SIZE);
        facts.setWrapText(true);
        facts.setMinHeight(Region.USE_PREF_SIZE);
        return new VBox(6, name, facts, roster, actions, message);
    }

    private static Node assignPane(AssignViewModel model, DialogService dialogs) {
        Label title = new Label();
        title.getStyleClass().addAll("title-4", "section-title");
        title.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.mentorProperty().get() == null
                                ? Messages.text("mentors.add")
                                : Messages.text(
                                        "mentors.addTo",
                                        model.mentorProperty().get().displayName()),
                        model.mentorProperty()));
        TextField query = new TextField();
        query.setId("assign-query");
        query.setPromptText(Messages.text("mentors.query.prompt"));
        query.setPrefColumnCount(14);
        query.setMinWidth(120);
        Label queryLabel = new Label(Messages.text("mentors.query.label"));
        queryLabel.setLabelFor(query);
        queryLabel.setMinWidth(Region.USE_PREF_SIZE);
        query.textProperty().bindBidirectional(model.queryProperty());
        query.setOnAction(event -> model.search());
        HBox.setHgrow(query, Priority.ALWAYS);
        CheckBox withoutMentor = new CheckBox(Messages.text("mentors.withoutOnly"));
        withoutMentor.setId("without-mentor-only");
        withoutMentor.selectedProperty().bindBidirectional(model.withoutMentorOnlyProperty());
        withoutMentor.setMinWidth(Region.USE_PREF_SIZE);
        Button find = new Button(Messages.text("mentors.find"));
        find.setMinWidth(Region.USE_PREF_SIZE);
        find.setId("assign-search");
        find.setOnAction(event -> model.search());
        HBox queryGroup = new HBox(6, queryLabel, query, find);
        queryGroup.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(query, Priority.ALWAYS);
        FlowPane search = new FlowPane(8, 6, queryGroup, withoutMentor);
        search.setAlignment(Pos.CENTER_LEFT);

        TableView<RosterEntry> found = studentTable("candidates", Messages.text("mentors.found.none"));
        TableColumn<RosterEntry, String> current =
                Columns.of(Messages.text("mentors.column.currentMentor"), 170, RosterEntry::mentorName);
        found.getColumns().add(current);
        ColumnFit.apply(found, found.getColumns().get(0), List.of());
        found.setItems(model.candidates());
        VBox.setVgrow(found, Priority.ALWAYS);

        Button assign = new Button(Messages.text("mentors.assignSelected"));
        assign.setMinWidth(Region.USE_PREF_SIZE);
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
        Button all = new Button(Messages.text("mentors.selectAll"));
        all.setMinWidth(Region.USE_PREF_SIZE);
        all.setId("select-all-found");
        all.setOnAction(event -> found.getSelectionModel().selectAll());
        Button more = new Button(Messages.text("mentors.more.found"));
        more.setMinWidth(Region.USE_PREF_SIZE);
        more.setId("candidates-more");
        more.visibleProperty().bind(model.hasMoreProperty());
        more.setOnAction(event -> model.loadMore());
        more.managedProperty().bind(more.visibleProperty());
        FlowPane actions = new FlowPane(8, 6, assign, all, more);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label message = note(model.messageProperty());
        message.setId("assign-message");
        // tighter than the roster: at 1024×700 the pseudo-locale's wrapped rows fill this lower pane to the pixel
        return new VBox(4, title, search, found, actions, message);
    }

    private static TableView<RosterEntry> studentTable(String id, String placeholder) {
        TableView<RosterEntry> table = new TableView<>();
        table.setId(id);
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(placeholder));
        table.getColumns().add(Columns.of(Messages.text("mentors.column.student"), 150, RosterEntry::displayName));
        table.getColumns().add(Columns.of(Messages.text("mentors.column.number"), 96, RosterEntry::studentNumber));
        table.getColumns().add(Columns.of(Messages.text("mentors.column.cohort"), 96, RosterEntry::cohort));
        table.getColumns().forEach(column -> column.setSortable(false));
        // widths: ColumnFit, applied once the screen's own columns are added (no sideways scrolling)
        return table;
    }

    private static String facts(Mentor mentor) {
        if (mentor == null) {
            return "";
        }
        return Messages.text(
                "mentors.facts",
                mentor.email(),
                Messages.text(mentor.active() ? "mentors.facts.active" : "mentors.facts.inactive"),
                Messages.text("mentors.facts.students", mentor.students()),
                Messages.text("mentors.facts.cohorts", mentor.cohortCount()));
    }

    private static Label note(javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.getStyleClass().add("note");
        label.setWrapText(true);
        label.textProperty().bind(text);
        // no room taken while there is nothing to say: the action rows above keep it (en-XA at 1024×700)
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        return label;
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
