package org.registrar.mentors;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
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
import org.registrar.dialogs.DialogService;
import org.registrar.i18n.Messages;
import org.registrar.ui.ColumnFit;
import org.registrar.ui.Fxml;

/**
 * Right half of the Mentors screen: the chosen mentor's students with unassign and move-all, and below, the panel
 * to find students and assign them (layout: MentorDetailView.fxml). Binds to {@link MentorDetailViewModel} and
 * {@link AssignViewModel} only.
 */
final class MentorDetailView {
    private final MentorDetailViewModel model;
    private final AssignViewModel assigning;
    private final SplitPane root;

    @FXML
    private Label name;

    @FXML
    private Label facts;

    @FXML
    private TableView<RosterEntry> roster;

    @FXML
    private TableColumn<RosterEntry, String> rosterStudent;

    @FXML
    private TableColumn<RosterEntry, String> rosterNumber;

    @FXML
    private TableColumn<RosterEntry, String> rosterCohort;

    @FXML
    private TableColumn<RosterEntry, String> latest;

    @FXML
    private TableColumn<RosterEntry, String> assigned;

    @FXML
    private Button unassign;

    @FXML
    private ComboBox<Mentor> target;

    @FXML
    private Button move;

    @FXML
    private Button more;

    @FXML
    private Label rosterMessage;

    @FXML
    private Label assignTitle;

    @FXML
    private TextField query;

    @FXML
    private CheckBox withoutMentor;

    @FXML
    private TableView<RosterEntry> found;

    @FXML
    private TableColumn<RosterEntry, String> foundStudent;

    @FXML
    private TableColumn<RosterEntry, String> foundNumber;

    @FXML
    private TableColumn<RosterEntry, String> foundCohort;

    @FXML
    private TableColumn<RosterEntry, String> currentMentor;

    @FXML
    private Button assign;

    @FXML
    private Button moreFound;

    @FXML
    private Label assignMessage;

    MentorDetailView(MentorDetailViewModel model, DialogService dialogs) {
        this.model = model;
        this.assigning = model.assign();
        this.root = Fxml.load(this);
        bindRoster();
        bindAssign(dialogs);
    }

    private void bindRoster() {
        name.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.mentorProperty().get() == null
                                ? Messages.text("mentors.choose")
                                : model.mentorProperty().get().displayName(),
                        model.mentorProperty()));
        facts.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> facts(model.mentorProperty().get()), model.mentorProperty()));
        studentColumns(roster, rosterStudent, rosterNumber, rosterCohort);
        Columns.value(latest, RosterEntry::latestResult);
        Columns.value(assigned, e -> e.assignedBy() + " · " + Columns.when(e.assignedAt()));
        ColumnFit.apply(roster, latest, List.of(assigned));
        roster.setItems(model.roster());
        unassign.disableProperty()
                .bind(model.busyProperty()
                        .or(Bindings.isEmpty(roster.getSelectionModel().getSelectedItems())));
        target.setItems(model.moveTargets());
        target.setCellFactory(ignored -> new MentorCell());
        target.setButtonCell(new MentorCell());
        move.disableProperty()
                .bind(model.busyProperty().or(target.valueProperty().isNull()));
        more.visibleProperty().bind(model.hasMoreProperty());
        more.managedProperty().bind(more.visibleProperty());
        bindNote(rosterMessage, model.messageProperty());
    }

    private void bindAssign(DialogService dialogs) {
        assignTitle
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> assigning.mentorProperty().get() == null
                                ? Messages.text("mentors.add")
                                : Messages.text(
                                        "mentors.addTo",
                                        assigning.mentorProperty().get().displayName()),
                        assigning.mentorProperty()));
        query.textProperty().bindBidirectional(assigning.queryProperty());
        withoutMentor.selectedProperty().bindBidirectional(assigning.withoutMentorOnlyProperty());
        studentColumns(found, foundStudent, foundNumber, foundCohort);
        Columns.value(currentMentor, RosterEntry::mentorName);
        ColumnFit.apply(found, foundStudent, List.of());
        found.setItems(assigning.candidates());
        assign.disableProperty()
                .bind(assigning
                        .busyProperty()
                        .or(assigning.mentorProperty().isNull())
                        .or(Bindings.isEmpty(found.getSelectionModel().getSelectedItems())));
        assigning.moveQuestionProperty().addListener((obs, was, question) -> {
            if (!question.isEmpty()) {
                MoveConfirmation.ask(dialogs, null, question, confirmed -> {
                    if (confirmed) {
                        assigning.confirmMove();
                    } else {
                        assigning.cancelMove();
                    }
                });
            }
        });
        moreFound.visibleProperty().bind(assigning.hasMoreProperty());
        moreFound.managedProperty().bind(moreFound.visibleProperty());
        bindNote(assignMessage, assigning.messageProperty());
    }

    /** The student, number and cohort columns both tables start with; several rows may be chosen at once. */
    private static void studentColumns(
            TableView<RosterEntry> table,
            TableColumn<RosterEntry, String> student,
            TableColumn<RosterEntry, String> number,
            TableColumn<RosterEntry, String> cohort) {
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Columns.value(student, RosterEntry::displayName);
        Columns.value(number, RosterEntry::studentNumber);
        Columns.value(cohort, RosterEntry::cohort);
    }

    @FXML
    private void unassign() {
        model.unassign(roster.getSelectionModel().getSelectedItems());
    }

    @FXML
    private void moveAll() {
        model.moveAllTo(target.getValue());
    }

    @FXML
    private void loadMore() {
        model.loadMore();
    }

    @FXML
    private void search() {
        assigning.search();
    }

    @FXML
    private void assignSelected() {
        assigning.assign(found.getSelectionModel().getSelectedItems());
    }

    @FXML
    private void selectAllFound() {
        found.getSelectionModel().selectAll();
    }

    @FXML
    private void loadMoreFound() {
        assigning.loadMore();
    }

    /** A note under a table: no room taken while there is nothing to say (en-XA at 1024×700 needs it). */
    private static void bindNote(Label note, javafx.beans.value.ObservableValue<String> text) {
        note.textProperty().bind(text);
        note.managedProperty().bind(note.textProperty().isNotEmpty());
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
