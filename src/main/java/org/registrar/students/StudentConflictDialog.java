package org.registrar.students;

import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.registrar.dialogs.DialogService;

/**
 * Shown when someone else saved the student first: both versions side by side, and the user chooses to keep
 * theirs, keep mine (saved over the newer version) or go on editing. Built here, shown by the dialog service.
 */
final class StudentConflictDialog {
    static final ButtonType KEEP_MINE = new ButtonType("Keep my changes", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType TAKE_THEIRS = new ButtonType("Use their version", ButtonBar.ButtonData.OTHER);
    static final ButtonType KEEP_EDITING = new ButtonType("Keep editing", ButtonBar.ButtonData.CANCEL_CLOSE);

    private StudentConflictDialog() {}

    /** Asks through {@code dialogs} which version to keep and tells {@code model} the answer; returns at once. */
    static void ask(
            DialogService dialogs, StudentEdit mine, SaveOutcome.Conflict conflict, StudentEditorViewModel model) {
        dialogs.ask(dialog(mine, conflict), choice -> {
            if (choice.filter(KEEP_MINE::equals).isPresent()) {
                model.keepMine();
            } else if (choice.filter(TAKE_THEIRS::equals).isPresent()) {
                model.takeTheirs();
            } else {
                model.keepEditing();
            }
        });
    }

    static Dialog<ButtonType> dialog(StudentEdit mine, SaveOutcome.Conflict conflict) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Changed by someone else");
        StudentProfile theirs = conflict.theirs();
        Label intro = new Label(
                theirs == null
                        ? "Someone deleted this student while you were editing. Your changes are still in the form."
                        : "Someone else saved this student (now version " + theirs.version()
                                + ") after you opened it. Nothing was overwritten. Choose which version to keep.");
        intro.setWrapText(true);
        intro.setMaxWidth(520);
        VBox content = new VBox(12, intro);
        if (theirs != null) {
            content.getChildren().add(comparison(mine, theirs));
        }
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("conflict-dialog");
        dialog.getDialogPane()
                .getButtonTypes()
                .setAll(
                        theirs == null
                                ? java.util.List.of(KEEP_EDITING)
                                : java.util.List.of(KEEP_MINE, TAKE_THEIRS, KEEP_EDITING));
        return dialog;
    }

    private static GridPane comparison(StudentEdit mine, StudentProfile theirs) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        grid.setId("conflict-comparison");
        grid.addRow(0, bold(""), bold("Yours"), bold("Saved by someone else"));
        row(grid, 1, "Family name", mine.familyName(), theirs.familyName());
        row(grid, 2, "Given name", mine.givenName(), theirs.givenName());
        row(grid, 3, "Student no.", mine.studentNumber(), theirs.studentNumber());
        row(grid, 4, "Email", mine.email(), theirs.email());
        row(grid, 5, "Status", mine.status(), theirs.status());
        return grid;
    }

    private static void row(GridPane grid, int index, String caption, String mine, String theirs) {
        Function<String, String> shown = value -> value == null || value.isEmpty() ? "—" : value;
        Label yours = new Label(shown.apply(mine));
        Label other = new Label(shown.apply(theirs));
        if (!shown.apply(mine).equals(shown.apply(theirs))) {
            yours.getStyleClass().add("changed-value");
            other.getStyleClass().add("changed-value");
        }
        grid.addRow(index, new Label(caption), yours, other);
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-bold");
        return label;
    }
}
