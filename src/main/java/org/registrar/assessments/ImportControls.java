package org.registrar.assessments;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.registrar.assessments.input.ColumnMapping;
import org.registrar.assessments.input.CsvImport;
import org.registrar.assessments.input.InputCells;
import org.registrar.assessments.input.LineNote;
import org.registrar.assessments.input.TextTable;
import org.registrar.dialogs.DialogService;
import org.registrar.dialogs.FileRequest;
import org.registrar.i18n.Messages;
import org.registrar.ui.Fxml;

/**
 * CSV, .xlsx and .ods import: a file chooser, drag and drop onto the screen, and a preview where the sheet of a
 * workbook, the detected encoding, delimiter and column mapping are shown and can be changed before the rows are
 * matched into the grid. The chooser and the preview are asked through the {@link DialogService}. FX thread only.
 */
final class ImportControls {
    private static final int PREVIEW_ROWS = 12;
    private static final int NOTES_SHOWN = 8;

    /** The encoding choice that keeps the preview read as UTF-8. */
    static String asUtf8() {
        return Messages.text("assessments.import.asUtf8");
    }

    private static String asWindows1252() {
        return Messages.text("assessments.import.asWindows1252");
    }

    /**
     * The chooser: a title naming CSV and spreadsheets, and first every kind the import reads (CsvFile tells a
     * workbook by its content, not by its name), then text files, spreadsheets, and any file.
     */
    static FileRequest choose() {
        return new FileRequest(
                Messages.text("assessments.import.choose"),
                "",
                null,
                List.of(
                        new FileRequest.FileKind(
                                Messages.text("assessments.import.allSupported"),
                                List.of("*.csv", "*.tsv", "*.txt", "*.xlsx", "*.ods")),
                        new FileRequest.FileKind(
                                Messages.text("assessments.import.csvFiles"), List.of("*.csv", "*.tsv", "*.txt")),
                        new FileRequest.FileKind(
                                Messages.text("assessments.import.workbooks"), List.of("*.xlsx", "*.ods")),
                        new FileRequest.FileKind(Messages.text("assessments.import.allFiles"), List.of("*.*"))));
    }

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

    /** The Import file… button: the user picks a file (CSV, text or a spreadsheet), its preview follows. */
    void chooseFile() {
        dialogs.chooseFileToOpen(choose()).ifPresent(model.grid()::readCsv);
    }

    /** The controls of one import dialog (ImportControls.fxml): the dialog is built anew for each preview. */
    static final class MappingForm {
        @FXML
        VBox encodingBox;

        @FXML
        Label warning;

        @FXML
        Label encodingLabel;

        @FXML
        ComboBox<String> encoding;

        @FXML
        Node sheetBox;

        @FXML
        Label sheetLabel;

        @FXML
        ComboBox<String> sheet;

        @FXML
        Label sheetWarnings;

        @FXML
        Label studentLabel;

        @FXML
        ComboBox<String> student;

        @FXML
        Label scoreLabel;

        @FXML
        ComboBox<String> score;

        @FXML
        Label commentLabel;

        @FXML
        ComboBox<String> comment;

        @FXML
        CheckBox header;

        @FXML
        TableView<TextTable.Row> preview;

        @FXML
        Label rules;

        @FXML
        Label notes;

        ColumnMapping mapping(List<String> names) {
            return new ColumnMapping(
                    index(names, student.getValue()),
                    index(names, score.getValue()),
                    index(names, comment.getValue()),
                    header.isSelected());
        }
    }

    private void show(CsvImport.Result preview) {
        Dialog<ColumnMapping> dialog = new Dialog<>();
        dialog.setTitle(Messages.text("assessments.import.title"));
        dialog.setHeaderText(preview.describe());
        MappingForm form = new MappingForm();
        VBox content = Fxml.load(form, ImportControls.class);
        List<String> names = columnNames(preview);
        choices(form.student, names, preview.mapping().student(), false);
        choices(form.score, names, preview.mapping().score(), true);
        choices(form.comment, names, preview.mapping().comment(), true);
        form.studentLabel.setLabelFor(form.student);
        form.scoreLabel.setLabelFor(form.score);
        form.commentLabel.setLabelFor(form.comment);
        form.encodingLabel.setLabelFor(form.encoding);
        form.header.setSelected(preview.mapping().header());
        form.rules.setText(Messages.text("assessments.import.rules", InputCells.CLEAR));
        fillPreview(form.preview, preview.table(), names);
        Runnable noted = () -> form.notes.setText(describe(form.mapping(names).notes(preview.table())));
        noted.run();
        form.student.valueProperty().addListener((obs, was, now) -> noted.run());
        form.score.valueProperty().addListener((obs, was, now) -> noted.run());
        form.comment.valueProperty().addListener((obs, was, now) -> noted.run());
        form.header.selectedProperty().addListener((obs, was, now) -> noted.run());
        dialog.getDialogPane().setContent(content);
        ButtonType apply = new ButtonType(Messages.text("assessments.import.apply"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(apply, ButtonType.CANCEL);
        boolean[] readAgain = {false};
        CsvImport.Result[] otherSheet = {null};
        sheetChoice(form, content, preview, dialog, otherSheet);
        if (preview.doubt() != null) {
            encodingChoice(form, preview.doubt(), dialog, apply, readAgain);
        } else {
            content.getChildren().remove(form.encodingBox);
        }
        dialog.setResultConverter(button -> button == apply ? form.mapping(names) : null);
        dialogs.ask(dialog, answer -> {
            answer.ifPresent(mapping -> model.grid().applyImport(preview, mapping));
            model.grid().importShown();
            if (readAgain[0]) {
                model.grid().readCsv(model.grid().importFile(), java.nio.charset.Charset.forName("windows-1252"));
            } else if (otherSheet[0] != null) {
                show(otherSheet[0]);
            }
        });
    }

    /**
     * A workbook of several sheets: the user picks the sheet (the preview shows it again, its columns guessed anew;
     * nothing is read again). The sheet's warnings (formulas read as their values, protection) show above the mapping.
     */
    private static void sheetChoice(
            MappingForm form,
            VBox content,
            CsvImport.Result preview,
            Dialog<ColumnMapping> dialog,
            CsvImport.Result[] otherSheet) {
        List<String> sheets = preview.sheetNames();
        if (sheets.size() > 1) {
            form.sheet.getItems().setAll(sheets);
            form.sheet.getSelectionModel().select(preview.sheet());
            form.sheetLabel.setLabelFor(form.sheet);
            form.sheet.getSelectionModel().selectedIndexProperty().addListener((obs, was, chosen) -> {
                if (chosen.intValue() >= 0 && chosen.intValue() != preview.sheet()) {
                    otherSheet[0] = preview.withSheet(chosen.intValue());
                    dialog.setResult(null);
                    dialog.close();
                }
            });
        } else {
            content.getChildren().remove(form.sheetBox);
        }
        List<String> warnings = preview.warnings();
        if (warnings.isEmpty()) {
            content.getChildren().remove(form.sheetWarnings);
        } else {
            form.sheetWarnings.setText(String.join("\n", warnings));
        }
    }

    /**
     * A file that is UTF-8 except for a few bytes: the user says which encoding it is before anything is matched.
     * Windows-1252 reads the file again; UTF-8 keeps this preview (those bytes show as �).
     */
    private void encodingChoice(
            MappingForm form,
            CsvImport.EncodingDoubt doubt,
            Dialog<ColumnMapping> dialog,
            ButtonType apply,
            boolean[] readAgain) {
        form.warning.setText(Messages.text("assessments.import.checkEncoding", doubt.describe()));
        form.encoding.getItems().addAll(asUtf8(), asWindows1252());
        Node button = dialog.getDialogPane().lookupButton(apply);
        button.setDisable(true);
        form.encoding.valueProperty().addListener((obs, was, chosen) -> {
            if (asWindows1252().equals(chosen) && model.grid().importFile() != null) {
                readAgain[0] = true;
                dialog.setResult(null);
                dialog.close();
            } else {
                button.setDisable(chosen == null);
            }
        });
    }

    /** The line notes under the preview: at most {@link #NOTES_SHOWN}, then how many more. */
    private static String describe(List<LineNote> notes) {
        List<String> shown =
                notes.stream().limit(NOTES_SHOWN).map(LineNote::describe).toList();
        String more = notes.size() > NOTES_SHOWN
                ? "\n" + Messages.text("assessments.import.moreLines", notes.size() - NOTES_SHOWN)
                : "";
        return String.join("\n", shown) + more;
    }

    private static List<String> columnNames(CsvImport.Result preview) {
        List<String> names = new ArrayList<>();
        List<String> first = preview.table().rows().isEmpty()
                ? List.of()
                : preview.table().rows().get(0).cells();
        for (int i = 0; i < preview.table().columns(); i++) {
            boolean named = preview.mapping().header()
                    && i < first.size()
                    && !first.get(i).isBlank();
            names.add(
                    named
                            ? Messages.text("assessments.import.columnNamed", i + 1, first.get(i))
                            : Messages.text("assessments.import.column", i + 1));
        }
        return names;
    }

    private static void choices(ComboBox<String> box, List<String> names, int selected, boolean optional) {
        if (optional) {
            box.getItems().add(Messages.text("assessments.import.none"));
        }
        box.getItems().addAll(names);
        box.setValue(
                selected >= 0 && selected < names.size()
                        ? names.get(selected)
                        : box.getItems().get(0));
    }

    /** A preview column at least as wide as its header ("Column 2: Score" whole, not "Column 2: S…"). */
    private static void fitHeader(TableColumn<TextTable.Row, String> column) {
        Text header = new Text(column.getText());
        header.setFont(Font.font(
                Font.getDefault().getFamily(),
                FontWeight.BOLD,
                Font.getDefault().getSize() * 1.15));
        double needed = Math.ceil(header.getLayoutBounds().getWidth()) + 24;
        column.setMinWidth(needed);
        column.setPrefWidth(Math.max(80, needed));
    }

    private static int index(List<String> names, String value) {
        return names.indexOf(value);
    }

    private static void fillPreview(TableView<TextTable.Row> view, TextTable table, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            int column = i;
            TableColumn<TextTable.Row, String> col = new TableColumn<>(names.get(i));
            fitHeader(col);
            col.setCellValueFactory(
                    cell -> new SimpleStringProperty(cell.getValue().cell(column)));
            view.getColumns().add(col);
        }
        TableColumn<TextTable.Row, String> line = new TableColumn<>(Messages.text("assessments.import.line"));
        fitHeader(line);
        line.setCellValueFactory(
                cell -> new SimpleStringProperty(String.valueOf(cell.getValue().line())));
        view.getColumns().add(0, line);
        view.getItems()
                .setAll(table.rows()
                        .subList(0, Math.min(PREVIEW_ROWS, table.rows().size())));
    }
}
