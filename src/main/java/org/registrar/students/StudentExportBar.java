package org.registrar.students;

import java.nio.file.Path;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import org.registrar.dialogs.DialogService;
import org.registrar.dialogs.FileRequest;
import org.registrar.i18n.Messages;
import org.registrar.ui.Fxml;

/**
 * The export controls of the Students screen: "Export CSV…" (asks for a file, exports the current view), and a
 * row with progress, the outcome and, while running, Cancel (StudentExportBar.fxml). Binds to
 * {@link StudentExportViewModel}. FX thread only.
 */
final class StudentExportBar {
    @FXML
    private HBox row;

    @FXML
    private Button export;

    @FXML
    private ProgressBar bar;

    @FXML
    private Label text;

    @FXML
    private Button cancel;

    private final StudentExportViewModel exporter;
    private final StudentsViewModel model;
    private final DialogService dialogs;

    StudentExportBar(StudentExportViewModel exporter, StudentsViewModel model, DialogService dialogs) {
        this.exporter = exporter;
        this.model = model;
        this.dialogs = dialogs;
        Fxml.load(this);
    }

    Button button() {
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
        bar.progressProperty().bind(exporter.progressProperty());
        bar.visibleProperty().bind(exporter.runningProperty());
        text.textProperty().bind(exporter.statusProperty());
        cancel.visibleProperty().bind(exporter.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(event -> exporter.cancel());
        row.visibleProperty().bind(exporter.statusProperty().isNotEmpty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private void chooseFile() {
        dialogs.chooseFileToSave(new FileRequest(
                        Messages.text("students.export.title"),
                        Messages.text("students.export.file"),
                        null,
                        List.of(new FileRequest.FileKind(Messages.text("students.export.kind"), List.of("*.csv")))))
                .ifPresent(this::exportTo);
    }

    /** Exports the current view to {@code file} (also what the file chooser leads to). */
    void exportTo(Path file) {
        exporter.export(
                file, model.orderProperty().get(), model.filterProperty().get(), model.count());
    }
}
