package org.registrar.app;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * About Registrar: the version, the Java and JavaFX versions, the data and log folders, the same as
 * {@code registrar --version}. Built here, shown by the window's dialog service.
 */
final class AboutDialog {
    private AboutDialog() {}

    static Dialog<ButtonType> dialog(AboutInfo info) {
        GridPane rows = new GridPane();
        rows.setHgap(16);
        rows.setVgap(8);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        rows.getColumnConstraints().setAll(names, values);
        int line = 0;
        for (String[] row : info.rows()) {
            Label name = new Label(row[0]);
            name.getStyleClass().add("text-muted");
            Label value = new Label(row[1]);
            value.setId("about-" + row[0].toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            value.setWrapText(true);
            rows.addRow(line++, name, value);
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("About Registrar");
        dialog.setHeaderText(
                "Registrar " + info.appVersion() + "\nAdministration client for the school's student platform");
        dialog.getDialogPane().setContent(rows);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.getDialogPane().setId("about-dialog");
        dialog.getDialogPane().setPrefWidth(620);
        return dialog;
    }
}
