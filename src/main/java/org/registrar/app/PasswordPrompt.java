package org.registrar.app;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.registrar.db.ConnectionProfile;

/**
 * Asks for the database password. The password lives in memory only, unless the user ticks "Remember the password",
 * which keeps it in the operating system's keychain (never in a file or the preferences, never logged).
 */
final class PasswordPrompt {
    private PasswordPrompt() {}

    /** What the user typed and whether the keychain should keep it. */
    record Answer(String password, boolean remember) {
        @Override
        public String toString() {
            return "Answer[remember=" + remember + "]"; // never the password
        }
    }

    /**
     * Whether "Remember the password" can be ticked; when not, {@code reason} says why in words (no keychain, or
     * forbidden by the school).
     */
    record Remember(boolean possible, String reason) {
        static final Remember NOT_OFFERED = new Remember(false, null);
    }

    static Optional<String> ask(Window owner, ConnectionProfile profile) {
        return ask(owner, profile, Remember.NOT_OFFERED).map(Answer::password);
    }

    static Optional<Answer> ask(Window owner, ConnectionProfile profile, Remember remember) {
        Dialog<Answer> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Registrar");
        dialog.setHeaderText("Password for " + profile.describe());
        PasswordField field = new PasswordField();
        field.setId("password");
        field.setPromptText("Password");
        CheckBox keep = new CheckBox("Remember the password on this computer");
        keep.setId("remember-password");
        keep.setSelected(false);
        Label why = new Label();
        why.setId("remember-password-reason");
        why.setWrapText(true);
        why.setMaxWidth(380);
        why.getStyleClass().addAll("text-muted", "text-small");
        VBox content = new VBox(8, field);
        if (remember.possible()) {
            keep.setTooltip(new Tooltip(
                    "Kept in the system keychain, never in a file. Forgotten if the server" + " refuses it."));
            why.setText("It is kept in the system keychain, never in a file.");
            content.getChildren().addAll(keep, why);
        } else if (remember.reason() != null) {
            keep.setDisable(true);
            why.setText(remember.reason());
            content.getChildren().addAll(keep, why);
        } else {
            content.getChildren().add(0, new Label("It is kept in memory only, never saved."));
        }
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button ->
                button == ButtonType.OK ? new Answer(field.getText(), remember.possible() && keep.isSelected()) : null);
        dialog.setOnShown(event -> field.requestFocus());
        return dialog.showAndWait();
    }
}
