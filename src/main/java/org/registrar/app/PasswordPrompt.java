package org.registrar.app;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.registrar.db.ConnectionProfile;

/** Asks for the database password. The password lives only in memory; it is never saved or logged. */
final class PasswordPrompt {
    private PasswordPrompt() {}

    static Optional<String> ask(Window owner, ConnectionProfile profile) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Registrar");
        dialog.setHeaderText("Password for " + profile.describe());
        PasswordField field = new PasswordField();
        field.setId("password");
        field.setPromptText("Password");
        dialog.getDialogPane().setContent(new VBox(8, new Label("It is kept in memory only, never saved."), field));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK ? field.getText() : null);
        dialog.setOnShown(event -> field.requestFocus());
        return dialog.showAndWait();
    }
}
