package org.registrar.mentors;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.registrar.dialogs.DialogService;
import org.registrar.i18n.Messages;

/**
 * Asks for a mentor's new name. The dialog stays open until the rename is stored; a refusal (a blank name, a
 * login that may not rename) shows under the fields with the typed name kept. Built here, shown by the dialog
 * service. FX thread only.
 */
final class MentorRenameDialog {
    private MentorRenameDialog() {}

    /** Asks through {@code dialogs} for the chosen mentor of {@code model}; returns at once. */
    static void show(DialogService dialogs, MentorsViewModel model) {
        Mentor mentor = model.selectedProperty().get();
        if (mentor == null) {
            return;
        }
        TextField family = field("rename-family", mentor.familyName());
        TextField given = field("rename-given", mentor.givenName());
        Label message = new Label();
        message.setId("rename-message");
        message.getStyleClass().add("danger");
        message.setWrapText(true);
        message.setMaxWidth(360);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, caption("mentors.rename.family", family), family);
        form.addRow(1, caption("mentors.rename.given", given), given);
        form.add(message, 0, 2, 2, 1);

        ButtonType rename = new ButtonType(Messages.text("mentors.rename.save"), ButtonBar.ButtonData.OK_DONE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(Messages.text("mentors.rename.title"));
        dialog.setHeaderText(Messages.text("mentors.rename.header", mentor.displayName()));
        dialog.getDialogPane().setId("rename-dialog");
        ButtonType cancel = new ButtonType(Messages.text("mentors.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(rename, cancel);
        ((Button) dialog.getDialogPane().lookupButton(cancel)).setMinWidth(Region.USE_PREF_SIZE);
        dialog.getDialogPane().setContent(form);
        Button ok = (Button) dialog.getDialogPane().lookupButton(rename);
        ok.setId("rename-save");
        ok.setMinWidth(Region.USE_PREF_SIZE);
        ok.disableProperty().bind(family.textProperty().isEmpty().or(model.busyProperty()));
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.rename(family.getText().strip(), given.getText().strip(), () -> {
                dialog.setResult(rename);
                dialog.close();
            });
        });
        message.textProperty().bind(model.messageProperty());
        dialog.setOnShown(event -> family.requestFocus());
        dialogs.ask(dialog, closed -> message.textProperty().unbind());
    }

    /** A field's label, linked to it (screen readers, and its mnemonic when it has one). */
    private static Label caption(String key, TextField field) {
        Label label = new Label(Messages.text(key));
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static TextField field(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setPrefColumnCount(20);
        return field;
    }
}
