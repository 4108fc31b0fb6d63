package org.registrar.students;

import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.registrar.dialogs.DialogService;
import org.registrar.i18n.Messages;
import org.registrar.ui.Fxml;

/**
 * Shown when someone else saved the student first: both versions side by side, and the user chooses to keep
 * theirs, keep mine (saved over the newer version) or go on editing. Layout in StudentConflictDialog.fxml; built
 * here, shown by the dialog service. The buttons are told apart by their {@link ButtonBar.ButtonData}.
 */
final class StudentConflictDialog {
    @FXML
    private DialogPane pane;

    @FXML
    private VBox content;

    @FXML
    private Label intro;

    @FXML
    private GridPane comparison;

    private StudentConflictDialog() {}

    /** Keep my changes: saved over the newer version. */
    static ButtonType keepMine() {
        return new ButtonType(Messages.text("students.conflict.keepMine"), ButtonBar.ButtonData.OK_DONE);
    }

    /** Use their version: my edits are dropped. */
    static ButtonType takeTheirs() {
        return new ButtonType(Messages.text("students.conflict.useTheirs"), ButtonBar.ButtonData.OTHER);
    }

    /** Keep editing: nothing is saved yet. */
    static ButtonType keepEditing() {
        return new ButtonType(Messages.text("students.conflict.keepEditing"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    /** Asks through {@code dialogs} which version to keep and tells {@code model} the answer; returns at once. */
    static void ask(
            DialogService dialogs, StudentEdit mine, SaveOutcome.Conflict conflict, StudentEditorViewModel model) {
        dialogs.ask(dialog(mine, conflict), choice -> {
            ButtonBar.ButtonData answer =
                    choice.map(ButtonType::getButtonData).orElse(ButtonBar.ButtonData.CANCEL_CLOSE);
            if (answer == ButtonBar.ButtonData.OK_DONE) {
                model.keepMine();
            } else if (answer == ButtonBar.ButtonData.OTHER) {
                model.takeTheirs();
            } else {
                model.keepEditing();
            }
        });
    }

    static Dialog<ButtonType> dialog(StudentEdit mine, SaveOutcome.Conflict conflict) {
        StudentConflictDialog view = new StudentConflictDialog();
        Fxml.load(view);
        StudentProfile theirs = conflict.theirs();
        view.intro.setText(
                theirs == null
                        ? Messages.text("students.conflict.deleted")
                        : Messages.text("students.conflict.saved", String.valueOf(theirs.version())));
        if (theirs == null) {
            view.content.getChildren().remove(view.comparison);
            view.pane.getButtonTypes().setAll(keepEditing());
        } else {
            view.compare(mine, theirs);
            view.pane.getButtonTypes().setAll(keepMine(), takeTheirs(), keepEditing());
        }
        // a button's words are never cut: the dialog grows to fit them (German, the pseudo-locale)
        for (ButtonType type : view.pane.getButtonTypes()) {
            Button button = (Button) view.pane.lookupButton(type);
            button.setId(buttonId(type.getButtonData()));
            button.setMinWidth(Region.USE_PREF_SIZE);
            ButtonBar.setButtonUniformSize(button, false);
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(Messages.text("students.conflict.title"));
        dialog.setDialogPane(view.pane);
        // sized again once the theme has styled the buttons, so their words fit
        dialog.setOnShown(event -> {
            view.pane.applyCss();
            for (ButtonType type : view.pane.getButtonTypes()) {
                Button button = (Button) view.pane.lookupButton(type);
                double width = Math.ceil(button.prefWidth(-1));
                button.setMinWidth(width);
                button.setPrefWidth(width);
            }
            view.pane.getScene().getWindow().sizeToScene();
        });
        return dialog;
    }

    private static String buttonId(ButtonBar.ButtonData data) {
        return switch (data) {
            case OK_DONE -> "conflict-keep-mine";
            case OTHER -> "conflict-take-theirs";
            default -> "conflict-keep-editing";
        };
    }

    private void compare(StudentEdit mine, StudentProfile theirs) {
        row(1, mine.familyName(), theirs.familyName());
        row(2, mine.givenName(), theirs.givenName());
        row(3, mine.studentNumber(), theirs.studentNumber());
        row(4, mine.email(), theirs.email());
        row(5, StatusNames.label(mine.status()), StatusNames.label(theirs.status()));
    }

    private void row(int index, String mine, String theirs) {
        Function<String, String> shown = value -> value == null || value.isEmpty() ? "—" : value;
        Label yours = value(shown.apply(mine));
        Label other = value(shown.apply(theirs));
        if (!shown.apply(mine).equals(shown.apply(theirs))) {
            yours.getStyleClass().add("changed-value");
            other.getStyleClass().add("changed-value");
        }
        comparison.add(yours, 1, index);
        comparison.add(other, 2, index);
    }

    /** A value is shown whole (a long email): the dialog grows rather than cutting it. */
    private static Label value(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
