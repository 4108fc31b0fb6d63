package org.registrar.app;

import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.registrar.i18n.Messages;
import org.registrar.ui.Fxml;

/**
 * About Registrar: the version, the Java and JavaFX versions, the data and log folders, the same as
 * {@code registrar --version}. Its layout is AboutDialog.fxml; the rows are filled here; shown by the window's
 * dialog service.
 */
final class AboutDialog {
    @FXML
    private GridPane rows;

    private AboutDialog() {}

    static Dialog<ButtonType> dialog(AboutInfo info) {
        AboutDialog about = new AboutDialog();
        DialogPane pane = Fxml.load(about);
        int line = 0;
        for (String[] row : info.rows()) {
            Label name = new Label(row[0]);
            name.getStyleClass().add("text-muted");
            Label value = new Label(row[1]);
            value.setId("about-" + row[0].toLowerCase(Locale.ROOT).replace(' ', '-'));
            value.setWrapText(true);
            about.rows.addRow(line++, name, value);
        }
        pane.setHeaderText(Messages.text("about.header", info.appVersion()));
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(Messages.text("about.title"));
        dialog.setDialogPane(pane);
        return dialog;
    }
}
