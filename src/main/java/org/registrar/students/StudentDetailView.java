package org.registrar.students;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.registrar.db.Privileges;

/** The detail pane: profile, mentor, recent results and the edit form. Binds to {@link StudentEditorViewModel}. */
final class StudentDetailView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final StudentEditorViewModel model;
    private final ScrollPane root;
    private final TextField familyField = new TextField();
    private final TypedWhileOpening typedWhileOpening;

    StudentDetailView(StudentEditorViewModel model) {
        this.model = model;
        Label title = new Label("Select a student");
        title.setId("detail-title");
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        Label facts = new Label();
        facts.setId("detail-facts");
        facts.getStyleClass().add("text-muted");
        facts.setWrapText(true);
        model.detailProperty().addListener((obs, old, detail) -> {
            title.setText(detail == null ? "Select a student" : heading(detail.profile()));
            facts.setText(detail == null ? "" : facts(detail.profile()));
        });
        VBox content = new VBox(10, title, facts, form(), buttons(), message(), resultsHeading(), results());
        content.setPadding(new Insets(16));
        content.disableProperty().bind(model.detailProperty().isNull());
        typedWhileOpening = new TypedWhileOpening(content, model.openingProperty());
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.setId("student-detail");
        root.getStyleClass().add("student-detail");
    }

    private static String heading(StudentProfile profile) {
        return profile.familyName() + ", " + profile.givenName() + "  ·  " + profile.studentNumber();
    }

    private static String facts(StudentProfile profile) {
        String mentor =
                profile.mentorName() == null ? "no mentor" : profile.mentorName() + " <" + profile.mentorEmail() + ">";
        return "Cohort " + (profile.cohortName() == null ? "—" : profile.cohortName())
                + "\nMentor: " + mentor
                + "\nCreated " + WHEN.format(profile.createdAt().atZoneSameInstant(ZoneId.systemDefault()))
                + " · updated " + WHEN.format(profile.updatedAt().atZoneSameInstant(ZoneId.systemDefault()))
                + " · version " + profile.version();
    }

    private Node form() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        familyField.setId("edit-family-name");
        addField(grid, 0, "Family name", familyField, model.familyName, model.familyErrorProperty());
        editableIf(familyField, model.canEditProperty(), "edit students");
        addField(
                grid,
                2,
                "Given name",
                editableIf(field("edit-given-name"), model.canEditProperty(), "edit students"),
                model.givenName,
                model.givenErrorProperty());
        addField(
                grid,
                4,
                "Student no.",
                editableIf(field("edit-student-number"), model.canEditNumberProperty(), "change student numbers"),
                model.studentNumber,
                model.numberErrorProperty());
        addField(
                grid,
                6,
                "Email",
                editableIf(field("edit-email"), model.canEditProperty(), "edit students"),
                model.email,
                model.emailErrorProperty());
        ComboBox<String> status = new ComboBox<>(FXCollections.observableArrayList(StatusNames.VALUES));
        status.setId("edit-status");
        status.setConverter(StatusNames.converter());
        status.valueProperty().bindBidirectional(model.status);
        status.disableProperty().bind(model.canEditProperty().not());
        grid.add(new Label("Status"), 0, 8);
        grid.add(status, 1, 8);
        GridPane.setHgrow(familyField, Priority.ALWAYS);
        return grid;
    }

    /** Read-only (not disabled, so the tooltip still shows) when the login may not {@code action}. */
    private static TextField editableIf(TextField field, ReadOnlyBooleanProperty permitted, String action) {
        field.editableProperty().bind(permitted);
        Tooltip why = new Tooltip(Privileges.notPermitted(action));
        field.tooltipProperty()
                .bind(Bindings.when(permitted).then((Tooltip) null).otherwise(why));
        return field;
    }

    private static TextField field(String id) {
        TextField field = new TextField();
        field.setId(id);
        return field;
    }

    private static void addField(
            GridPane grid,
            int row,
            String caption,
            TextField field,
            StringProperty value,
            ReadOnlyStringProperty error) {
        field.textProperty().bindBidirectional(value);
        Label label = new Label(caption);
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        Label problem = new Label();
        problem.getStyleClass().add("field-error");
        problem.textProperty().bind(error);
        problem.managedProperty().bind(error.isNotEmpty());
        problem.visibleProperty().bind(error.isNotEmpty());
        problem.setWrapText(true);
        error.addListener((obs, old, text) ->
                field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), !text.isEmpty()));
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        grid.add(problem, 1, row + 1);
        GridPane.setHgrow(field, Priority.ALWAYS);
    }

    private Node buttons() {
        Button save = new Button("Save");
        save.setId("save-student");
        save.getStyleClass().add("accent");
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.disableProperty().bind(model.dirtyProperty().not().or(model.busyProperty()));
        save.setOnAction(event -> model.save());
        Button discard = new Button("Discard");
        discard.setId("discard-student");
        discard.setMinWidth(Region.USE_PREF_SIZE);
        discard.disableProperty().bind(model.dirtyProperty().not());
        discard.setOnAction(event -> model.discard());
        Label dirty = new Label("Unsaved changes");
        dirty.getStyleClass().add("warning-note");
        dirty.visibleProperty().bind(model.dirtyProperty());
        return new HBox(8, save, discard, dirty);
    }

    private Node message() {
        Label message = new Label();
        message.setId("detail-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        return message;
    }

    private static Node resultsHeading() {
        Label heading = new Label("Recent results");
        heading.getStyleClass().add("title-4");
        return heading;
    }

    private Node results() {
        ListView<ResultLine> list = new ListView<>(model.results());
        list.setId("detail-results");
        list.setPrefHeight(200);
        list.setPlaceholder(new Label("No results yet."));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ResultLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(
                        empty || line == null
                                ? null
                                : line.title() + "\n" + line.assessedOn() + "  ·  " + line.describeScore());
            }
        });
        list.focusTraversableProperty().bind(Bindings.isNotEmpty(model.results()));
        return list;
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
