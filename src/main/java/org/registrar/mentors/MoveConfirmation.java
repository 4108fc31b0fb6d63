package org.registrar.mentors;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** Asks before students who have a mentor are moved to another one. Shown without waiting; FX thread only. */
final class MoveConfirmation {
    private MoveConfirmation() {}

    /** Shows {@code question}; {@code answer} hears true for Move, false for keeping the current mentor. */
    static void ask(Window owner, String question, java.util.function.Consumer<Boolean> answer) {
        ButtonType move = new ButtonType("Move", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep current mentor", ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Move to another mentor?");
        dialog.setHeaderText("Move to another mentor?");
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
        dialog.setOnHidden(event -> answer.accept(dialog.getResult() == move));
        dialog.show();
    }
}
