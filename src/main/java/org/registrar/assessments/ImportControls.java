package org.registrar.assessments;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.registrar.assessments.input.ColumnMapping;
import org.registrar.assessments.input.CsvImport;
import org.registrar.assessments.input.InputCells;
import org.registrar.assessments.input.LineNote;
import org.registrar.assessments.input.TextTable;
import org.registrar.dialogs.DialogService;
import org.registrar.dialogs.FileRequest;

/**
 * CSV import: a file chooser, drag and drop onto the screen, and a preview where the detected encoding, delimiter
 * and column mapping are shown and can be changed before the rows are matched into the grid. The chooser and the
 * preview are asked through the {@link DialogService}. FX thread only.
 */
final class ImportControls {
    private static final int PREVIEW_ROWS = 12;
    private static final int NOTES_SHOWN = 8;
    static final String RULES = "A blank or missing score or comment keeps the saved one. To clear a saved comment,"
            + " put only " + InputCells.CLEAR + " in its cell.";
    static final String AS_UTF8 = "UTF-8 (the bytes that are not show as �)";
    static final String AS_WINDOWS_1252 = "Windows-1252 (read the whole file again)";
    private static final FileRequest CHOOSE = new FileRequest(
            "Import scores from a CSV file",
            "",
            null,
            List.of(
                    new FileRequest.FileKind("CSV and text files", List.of("*.csv", "*.txt", "*.tsv")),
                    new FileRequest.FileKind("All files", List.of("*.*"))));
    private final BulkEntryViewModel model;
    private final Region root;
    private final DialogService dialogs;

    /** @param root where files are dropped */
    ImportControls(BulkEntryViewModel model, Region root, DialogService dialogs) {
        this.model = model;
        this.root = root;
        this.dialogs = dialogs;
    }

    void install() {
        root.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles() && model.assessmentProperty().get() != null) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        root.setOnDragDropped(event -> {
            List<File> files =
                    event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
            event.setDropCompleted(!files.isEmpty());
            if (!files.isEmpty()) {
                model.grid().readCsv(files.get(0).toPath());
            }
            event.consume();
        });
        model.grid().importPreviewProperty().addListener((obs, was, preview) -> {
            if (preview != null) {
                show(preview);
            }
        });
    }

    /** The Import CSV… button: the user picks a file, its preview follows. */
    void chooseFile() {
        dialogs.chooseFileToOpen(CHOOSE).ifPresent(model.grid()::readCsv);
    }

    private void show(CsvImport.Result preview) {
        Dialog<ColumnMapping> dialog = new Dialog<>();
        dialog.setTitle("Import scores");
        dialog.setHeaderText(preview.describe());
        List<String> names = columnNames(preview);
        ComboBox<String> student = choices(names, preview.mapping().student(), false);
        ComboBox<String> score = choices(names, preview.mapping().score(), true);
        ComboBox<String> comment = choices(names, preview.mapping().comment(), true);
        CheckBox header = new CheckBox("First row is a header");
        header.setSelected(preview.mapping().header());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Student number or e-mail"), student);
        form.addRow(1, new Label("Score"), score);
        form.addRow(2, new Label("Comment"), comment);
        form.addRow(3, header);
        Label rules = new Label(RULES);
        rules.setWrapText(true);
        Label notes = new Label();
        notes.setId("import-notes");
        notes.setWrapText(true);
        notes.getStyleClass().add("import-warning");
        Runnable noted = () -> notes.setText(describe(new ColumnMapping(
                        index(names, student.getValue()),
                        index(names, score.getValue()),
                        index(names, comment.getValue()),
                        header.isSelected())
                .notes(preview.table())));
        noted.run();
        student.valueProperty().addListener((obs, was, now) -> noted.run());
        score.valueProperty().addListener((obs, was, now) -> noted.run());
        comment.valueProperty().addListener((obs, was, now) -> noted.run());
        header.selectedProperty().addListener((obs, was, now) -> noted.run());
        VBox content = new VBox(10, form, previewTable(preview.table(), names), rules, notes);
        dialog.getDialogPane().setContent(content);
        ButtonType apply = new ButtonType("Match into the grid", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(apply, ButtonType.CANCEL);
        boolean[] readAgain = {false};
        if (preview.doubt() != null) {
            content.getChildren().add(0, encodingChoice(preview.doubt(), dialog, apply, readAgain));
        }
        dialog.setResultConverter(button -> button == apply
                ? new ColumnMapping(
                        index(names, student.getValue()),
                        index(names, score.getValue()),
                        index(names, comment.getValue()),
                        header.isSelected())
                : null);
        dialogs.ask(dialog, answer -> {
            answer.ifPresent(mapping -> model.grid().applyImport(preview, mapping));
            model.grid().importShown();
            if (readAgain[0]) {
                model.grid().readCsv(model.grid().importFile(), java.nio.charset.Charset.forName("windows-1252"));
            }
        });
    }

    /**
     * A file that is UTF-8 except for a few bytes: the user says which encoding it is before anything is matched.
     * Windows-1252 reads the file again; UTF-8 keeps this preview (those bytes show as �).
     */
    private VBox encodingChoice(
            CsvImport.EncodingDoubt doubt, Dialog<ColumnMapping> dialog, ButtonType apply, boolean[] readAgain) {
        Label warning = new Label("Check the encoding: " + doubt.describe() + ". Choose how to read the file.");
        warning.setWrapText(true);
        warning.getStyleClass().add("import-warning");
        ComboBox<String> encoding = new ComboBox<>();
        encoding.setId("import-encoding");
        encoding.setPromptText("Choose the encoding");
        encoding.getItems().addAll(AS_UTF8, AS_WINDOWS_1252);
        javafx.scene.Node button = dialog.getDialogPane().lookupButton(apply);
        button.setDisable(true);
        encoding.valueProperty().addListener((obs, was, chosen) -> {
            if (AS_WINDOWS_1252.equals(chosen) && model.grid().importFile() != null) {
                readAgain[0] = true;
                dialog.setResult(null);
                dialog.close();
            } else {
                button.setDisable(chosen == null);
            }
        });
        GridPane row = new GridPane();
        row.setHgap(8);
        row.addRow(0, new Label("Encoding"), encoding);
        return new VBox(6, warning, row);
    }

    /** The line notes under the preview: at most {@link #NOTES_SHOWN}, then how many more. */
    private static String describe(List<LineNote> notes) {
        List<String> shown =
                notes.stream().limit(NOTES_SHOWN).map(LineNote::describe).toList();
        String more = notes.size() > NOTES_SHOWN ? "\n… and " + (notes.size() - NOTES_SHOWN) + " more lines" : "";
        return String.join("\n", shown) + more;
    }

    private static List<String> columnNames(CsvImport.Result preview) {
        List<String> names = new ArrayList<>();
        List<String> first = preview.table().rows().isEmpty()
                ? List.of()
                : preview.table().rows().get(0).cells();
        for (int i = 0; i < preview.table().columns(); i++) {
            String heading = preview.mapping().header()
                            && i < first.size()
                            && !first.get(i).isBlank()
                    ? ": " + first.get(i)
                    : "";
            names.add("Column " + (i + 1) + heading);
        }
        return names;
    }

    private static ComboBox<String> choices(List<String> names, int selected, boolean optional) {
        ComboBox<String> box = new ComboBox<>();
        if (optional) {
            box.getItems().add("(none)");
        }
        box.getItems().addAll(names);
        box.setValue(
                selected >= 0 && selected < names.size()
                        ? names.get(selected)
                        : box.getItems().get(0));
        return box;
    }

    private static int index(List<String> names, String value) {
        return names.indexOf(value);
    }

    private static TableView<TextTable.Row> previewTable(TextTable table, List<String> names) {
        TableView<TextTable.Row> view = new TableView<>();
        for (int i = 0; i < names.size(); i++) {
            int column = i;
            TableColumn<TextTable.Row, String> col = new TableColumn<>(names.get(i));
            col.setCellValueFactory(
                    cell -> new SimpleStringProperty(cell.getValue().cell(column)));
            view.getColumns().add(col);
        }
        TableColumn<TextTable.Row, String> line = new TableColumn<>("Line");
        line.setCellValueFactory(
                cell -> new SimpleStringProperty(String.valueOf(cell.getValue().line())));
        view.getColumns().add(0, line);
        view.getItems()
                .setAll(table.rows()
                        .subList(0, Math.min(PREVIEW_ROWS, table.rows().size())));
        view.setPrefHeight(260);
        return view;
    }
}
