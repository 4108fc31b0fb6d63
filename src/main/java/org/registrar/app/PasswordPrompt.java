package org.registrar.app;

import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.registrar.db.ConnectionProfile;
import org.registrar.i18n.Messages;
import org.registrar.ui.Fxml;

/**
 * Asks for the database password. The password lives in memory only, unless the user ticks "Remember the password",
 * which keeps it in the operating system's keychain (never in a file or the preferences, never logged). Its content
 * is PasswordPrompt.fxml.
 */
final class PasswordPrompt {
    @FXML
    private Label memoryOnly;

    @FXML
    private Label fieldLabel;

    @FXML
    private PasswordField field;

    @FXML
    private CheckBox keep;

    @FXML
    private Label why;

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
        PasswordPrompt prompt = new PasswordPrompt();
        VBox content = Fxml.load(prompt);
        Dialog<Answer> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.text("shell.brand"));
        dialog.setHeaderText(Messages.text("shell.password.header", profile.describe()));
        prompt.fieldLabel.setLabelFor(prompt.field);
        prompt.keep.setSelected(false);
        if (remember.possible()) {
            prompt.keep.setTooltip(new Tooltip(Messages.text("shell.password.remember.tip")));
            prompt.why.setText(Messages.text("shell.password.keychain"));
            content.getChildren().remove(prompt.memoryOnly);
        } else if (remember.reason() != null) {
            prompt.keep.setDisable(true);
            prompt.why.setText(remember.reason());
            content.getChildren().remove(prompt.memoryOnly);
        } else {
            content.getChildren().removeAll(prompt.keep, prompt.why);
        }
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).setText(Messages.text("shell.password.ok"));
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL))
                .setText(Messages.text("shell.password.cancel"));
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? new Answer(prompt.field.getText(), remember.possible() && prompt.keep.isSelected())
                : null);
        dialog.setOnShown(event -> prompt.field.requestFocus());
        return dialog.showAndWait();
    }
}
