package org.registrar.students;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.registrar.db.Privileges;
import org.registrar.i18n.Messages;
import org.registrar.ui.Fxml;

/**
 * The detail pane: profile, mentor, recent results and the edit form (StudentDetailView.fxml). Binds to
 * {@link StudentEditorViewModel}.
 */
final class StudentDetailView {
    private final StudentEditorViewModel model;
    private final DateTimeFormatter when =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(Messages.locale());

    @FXML
    private ScrollPane root;

    @FXML
    private VBox content;

    @FXML
    private Label title;

    @FXML
    private Label facts;

    @FXML
    private TextField familyField;

    @FXML
    private TextField givenField;

    @FXML
    private TextField numberField;

    @FXML
    private TextField emailField;

    @FXML
    private Label familyProblem;

    @FXML
    private Label givenProblem;

    @FXML
    private Label numberProblem;

    @FXML
    private Label emailProblem;

    @FXML
    private ComboBox<String> status;

    @FXML
    private Button save;

    @FXML
    private Button discard;

    @FXML
    private Label dirty;

    @FXML
    private Label message;

    @FXML
    private ListView<ResultLine> results;

    private final TypedWhileOpening typedWhileOpening;

    StudentDetailView(StudentEditorViewModel model) {
        this.model = model;
        Fxml.load(this);
        model.detailProperty().addListener((obs, old, detail) -> {
            title.setText(detail == null ? Messages.text("students.detail.select") : heading(detail.profile()));
            facts.setText(detail == null ? "" : facts(detail.profile()));
        });
        form();
        buttons();
        message.textProperty().bind(model.messageProperty());
        results();
        content.disableProperty().bind(model.detailProperty().isNull());
        typedWhileOpening = new TypedWhileOpening(content, model.openingProperty());
    }

    private static String heading(StudentProfile profile) {
        return Messages.text(
                "students.detail.heading", profile.familyName(), profile.givenName(), profile.studentNumber());
    }

    private String facts(StudentProfile profile) {
        String mentor = profile.mentorName() == null
                ? Messages.text("students.detail.noMentor")
                : profile.mentorName() + " <" + profile.mentorEmail() + ">";
        return Messages.text(
                "students.detail.facts",
                profile.cohortName() == null ? "—" : profile.cohortName(),
                mentor,
                when.format(profile.createdAt().atZoneSameInstant(ZoneId.systemDefault())),
                when.format(profile.updatedAt().atZoneSameInstant(ZoneId.systemDefault())),
                String.valueOf(profile.version()));
    }

    private void form() {
        Privileges.Action edit = Privileges.Action.EDIT_STUDENTS;
        field(
                editableIf(familyField, model.canEditProperty(), edit),
                familyProblem,
                model.familyName,
                model.familyErrorProperty());
        field(
                editableIf(givenField, model.canEditProperty(), edit),
                givenProblem,
                model.givenName,
                model.givenErrorProperty());
        field(
                editableIf(numberField, model.canEditNumberProperty(), Privileges.Action.CHANGE_STUDENT_NUMBERS),
                numberProblem,
                model.studentNumber,
                model.numberErrorProperty());
        field(
                editableIf(emailField, model.canEditProperty(), edit),
                emailProblem,
                model.email,
                model.emailErrorProperty());
        status.setItems(FXCollections.observableArrayList(StatusNames.VALUES));
        status.setConverter(StatusNames.converter());
        status.valueProperty().bindBidirectional(model.status);
        status.disableProperty().bind(model.canEditProperty().not());
    }

    /** Read-only (not disabled, so the tooltip still shows) when the login may not {@code action}. */
    private static TextField editableIf(TextField field, ReadOnlyBooleanProperty permitted, Privileges.Action action) {
        field.editableProperty().bind(permitted);
        Tooltip why = new Tooltip(Privileges.notPermitted(action));
        field.tooltipProperty()
                .bind(Bindings.when(permitted).then((Tooltip) null).otherwise(why));
        return field;
    }

    private static void field(TextField field, Label problem, StringProperty value, ReadOnlyStringProperty error) {
        field.textProperty().bindBidirectional(value);
        problem.textProperty().bind(error);
        problem.managedProperty().bind(error.isNotEmpty());
        problem.visibleProperty().bind(error.isNotEmpty());
        error.addListener((obs, old, text) ->
                field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), !text.isEmpty()));
    }

    private void buttons() {
        save.disableProperty().bind(model.dirtyProperty().not().or(model.busyProperty()));
        save.setOnAction(event -> model.save());
        discard.disableProperty().bind(model.dirtyProperty().not());
        discard.setOnAction(event -> model.discard());
        dirty.visibleProperty().bind(model.dirtyProperty());
    }

    private void results() {
        results.setItems(model.results());
        results.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ResultLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(
                        empty || line == null
                                ? null
                                : line.title() + "\n" + line.describeDate() + "  ·  " + line.describeScore());
            }
        });
        results.focusTraversableProperty().bind(Bindings.isNotEmpty(model.results()));
    }

    /** Moves the keyboard into the form (Enter on a table row). */
    void focusForm() {
        typedWhileOpening.focused(familyField);
        familyField.requestFocus();
    }

    ScrollPane root() {
        return root;
    }
}
