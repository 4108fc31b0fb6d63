package org.registrar.students;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import org.registrar.dialogs.DialogService;
import org.registrar.dialogs.FileRequest;
import org.registrar.i18n.Messages;

/**
 * The export controls of the Students screen: "Export CSV…" (asks for a file, exports the current view), and a
 * row with progress, the outcome and, while running, Cancel. Binds to {@link StudentExportViewModel}. FX thread
 * only.
 */
final class StudentExportBar {
    private final StudentExportViewModel exporter;
    private final StudentsViewModel model;
    private final DialogService dialogs;

    StudentExportBar(StudentExportViewModel exporter, StudentsViewModel model, DialogService dialogs) {
        this.exporter = exporter;
        this.model = model;
        this.dialogs = dialogs;
    }

    Button button() {
        Button export = new Button(Messages.text("messages.export.button"));
        export.setId("students-export");
        export.disableProperty().bind(exporter.runningProperty());
        export.setOnAction(event -> chooseFile());
        return export;
    }

    /** "Semicolons (Excel in this region)": offered where the decimal separator is a comma, and then chosen. */
    CheckBox semicolons() {
        CheckBox semicolons = new CheckBox(Messages.text("messages.export.semicolons"));
        semicolons.setId("export-semicolons");
        semicolons.selectedProperty().bindBidirectional(exporter.semicolonsProperty());
        semicolons.disableProperty().bind(exporter.runningProperty());
        semicolons.setVisible(StudentExportViewModel.semicolonsSuit(Messages.locale()));
        semicolons.setManaged(semicolons.isVisible());
        return semicolons;
    }

    Node status() {
        ProgressBar bar = new ProgressBar();
        bar.setId("export-progress");
        bar.setPrefWidth(160);
        bar.progressProperty().bind(exporter.progressProperty());
        bar.visibleProperty().bind(exporter.runningProperty());
        Label text = new Label();
        text.setId("export-status");
        text.getStyleClass().add("text-muted");
        text.textProperty().bind(exporter.statusProperty());
        Button cancel = new Button(Messages.text("messages.export.cancel"));
        cancel.setId("export-cancel");
        cancel.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
        cancel.visibleProperty().bind(exporter.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(event -> exporter.cancel());
        HBox row = new HBox(8, bar, text, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(exporter.statusProperty().isNotEmpty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private void chooseFile() {
        dialogs.chooseFileToSave(new FileRequest(
                        Messages.text("messages.export.chooseTitle"),
                        "students.csv",
                        null,
                        List.of(new FileRequest.FileKind(Messages.text("messages.export.csvFiles"), List.of("*.csv")))))
                .ifPresent(this::exportTo);
    }

    /** Exports the current view to {@code file} (also what the file chooser leads to). */
    void exportTo(Path file) {
        exporter.export(
                file, model.orderProperty().get(), model.filterProperty().get(), model.count());
    }
}
