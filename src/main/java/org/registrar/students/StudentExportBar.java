package org.registrar.students;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/**
 * The export controls of the Students screen: "Export CSV…" (asks for a file, exports the current view), and a
 * row with progress, the outcome and, while running, Cancel. Binds to {@link StudentExportViewModel}. FX thread
 * only.
 */
final class StudentExportBar {
    private final StudentExportViewModel exporter;
    private final StudentsViewModel model;

    StudentExportBar(StudentExportViewModel exporter, StudentsViewModel model) {
        this.exporter = exporter;
        this.model = model;
    }

    Button button() {
        Button export = new Button("Export CSV…");
        export.setId("students-export");
        export.disableProperty().bind(exporter.runningProperty());
        export.setOnAction(event -> chooseFile(export));
        return export;
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
        Button cancel = new Button("Cancel");
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

    private void chooseFile(Node owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export students to CSV");
        chooser.setInitialFileName("students.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File file = chooser.showSaveDialog(owner.getScene().getWindow());
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    /** Exports the current view to {@code file} (also what the file chooser leads to). */
    void exportTo(Path file) {
        exporter.export(
                file, model.orderProperty().get(), model.filterProperty().get(), model.count());
    }
}
