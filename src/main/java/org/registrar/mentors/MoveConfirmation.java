package org.registrar.mentors;

import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.registrar.dialogs.DialogService;
import org.registrar.i18n.Messages;

/**
 * Asks before students who have a mentor are moved to another one. Built here, shown by the dialog service without
 * waiting; FX thread only.
 */
final class MoveConfirmation {
    private MoveConfirmation() {}

    /**
     * Asks {@code question} through {@code dialogs}, over {@code owner} when given (a dialog asking from inside
     * another); {@code answer} hears true for Move, false for keeping the current mentor.
     */
    static void ask(DialogService dialogs, Window owner, String question, Consumer<Boolean> answer) {
        Dialog<Boolean> dialog = dialog(question);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialogs.ask(dialog, result -> answer.accept(result.orElse(false)));
    }

    /** The question as a dialog whose result is true for Move. */
    static Dialog<Boolean> dialog(String question) {
        ButtonType move = new ButtonType(Messages.text("mentors.move.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(Messages.text("mentors.move.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.setTitle(Messages.text("mentors.move.title"));
        dialog.setHeaderText(Messages.text("mentors.move.title"));
        dialog.setContentText(question);
        dialog.getDialogPane().getButtonTypes().setAll(move, keep);
        dialog.getDialogPane().setId("move-confirmation");
        dialog.getDialogPane().setPrefWidth(520);
        Button moveButton = (Button) dialog.getDialogPane().lookupButton(move);
        moveButton.setId("confirm-move");
        moveButton.setMinWidth(Region.USE_PREF_SIZE);
        Button keepButton = (Button) dialog.getDialogPane().lookupButton(keep);
        keepButton.setId("keep-mentor");
        keepButton.setMinWidth(Region.USE_PREF_SIZE);
        dialog.setResultConverter(move::equals);
        return dialog;
    }
}
