package org.registrar.app;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import org.registrar.i18n.Messages;

/**
 * The question asked when the window closes with scores not saved: save now, keep as a draft, discard, or (closing
 * the question) go back. Built here, shown by the window's dialog service.
 */
final class UnsavedPrompt {
    /** What the user chose. */
    enum Choice {
        SAVE,
        KEEP_DRAFT,
        DISCARD,
        CANCEL
    }

    private UnsavedPrompt() {}

    private static void name(Dialog<?> dialog, ButtonType type, String id) {
        javafx.scene.control.Button button =
                (javafx.scene.control.Button) dialog.getDialogPane().lookupButton(type);
        button.setId(id);
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // each button as wide as its own words: the bar's uniform width cut "Keep as a draft" to "Keep as a dr…"
        ButtonBar.setButtonUniformSize(button, false);
    }

    /**
     * The question about {@code summary} ("Biology test 3 · 10A-00010 · 7 students"), for the dialog service to
     * show; its result is the choice (closed without one: go back).
     */
    static Dialog<Choice> dialog(String summary) {
        ButtonType save = new ButtonType(Messages.text("shell.unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType keep = new ButtonType(Messages.text("shell.unsaved.keep"), ButtonBar.ButtonData.NO);
        ButtonType discard = new ButtonType(Messages.text("shell.unsaved.discard"), ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType(Messages.text("shell.unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<Choice> dialog = new Dialog<>();
        dialog.setTitle(Messages.text("shell.unsaved.title"));
        dialog.setHeaderText(Messages.text("shell.unsaved.header", summary));
        dialog.setContentText(Messages.text("shell.unsaved.question"));
        dialog.getDialogPane().getButtonTypes().setAll(save, keep, discard, cancel);
        dialog.getDialogPane().setId("unsaved-scores-dialog");
        name(dialog, save, "close-save-now");
        name(dialog, keep, "close-keep-draft");
        name(dialog, discard, "close-discard");
        name(dialog, cancel, "close-cancel");
        dialog.getDialogPane().setPrefWidth(700);
        // its own style sheet lifts AtlantaFX's 600 px cap: four answers in French need the room
        dialog.getDialogPane()
                .getStylesheets()
                .add(UnsavedPrompt.class.getResource("UnsavedPrompt.css").toExternalForm());
        dialog.setResultConverter(chosen -> chosen == save
                ? Choice.SAVE
                : chosen == keep ? Choice.KEEP_DRAFT : chosen == discard ? Choice.DISCARD : Choice.CANCEL);
        return dialog;
    }
}
