package org.registrar.assessments;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import org.registrar.assessments.data.SheetRow;
import org.registrar.assessments.grid.GridActions;
import org.registrar.assessments.grid.GridColumn;
import org.registrar.assessments.grid.GridEditor;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.input.ColumnMapping;
import org.registrar.assessments.input.CsvFile;
import org.registrar.assessments.input.CsvImport;
import org.registrar.assessments.input.InputRow;
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;

/**
 * What goes into the open grid: cells typed, reverted, cleared, filled down and undone, blocks pasted, rows matched
 * from a keyed paste or an imported CSV file (read and previewed first). Every edit goes through the
 * {@link GridEditor} (validated, journaled, undoable); large input through the {@link InputFlow}. FX thread only.
 */
final class GridInput implements GridActions {
    private final GridEditor editor;
    private final InputFlow input;
    private final Tasks tasks;
    private final StatusLine status;
    private final Supplier<BigDecimal> maxScore;
    private final BooleanSupplier assessmentPicked;
    private final ObjectProperty<CsvImport.Result> importPreview = new SimpleObjectProperty<>();
    private Path importFile;
    private List<SheetRow> roster = List.of();

    /**
     * @param maxScore the open assessment's maximum score (null: none open)
     * @param assessmentPicked whether an assessment (saved or new) is picked, so a file can be imported into it
     */
    GridInput(
            GridEditor editor,
            InputFlow input,
            Tasks tasks,
            StatusLine status,
            Supplier<BigDecimal> maxScore,
            BooleanSupplier assessmentPicked) {
        this.editor = editor;
        this.input = input;
        this.tasks = tasks;
        this.status = status;
        this.maxScore = maxScore;
        this.assessmentPicked = assessmentPicked;
    }

    /** A grid opened with these students: pasted and imported rows are matched against them. */
    void roster(List<SheetRow> sheet) {
        roster = sheet;
    }

    @Override
    public ObservableList<GridRow> rows() {
        return editor.rows();
    }

    @Override
    public void edit(GridRow row, GridColumn column, String text) {
        editor.edit(row, column, text);
    }

    @Override
    public void revert(List<GridRow> rows, GridColumn column) {
        editor.revert(rows, column);
    }

    @Override
    public void clear(List<GridRow> rows, GridColumn column) {
        editor.clear(rows, column);
    }

    @Override
    public void fillDown(List<GridRow> rows, GridColumn column) {
        editor.fillDown(rows, column);
    }

    @Override
    public void undo() {
        if (!editor.undo()) {
            status.say(Messages.text("messages.grid.nothingToUndo"), false);
        }
    }

    @Override
    public void redo() {
        if (!editor.redo()) {
            status.say(Messages.text("grid.nothingToRedo"), false);
        }
    }

    void dismissInputProblems() {
        editor.dismissInputIssues();
    }

    /**
     * Pastes a block copied from a spreadsheet: by student number when it has such a column, else from the anchor.
     * A large block is read off the FX thread (see {@link #workingProperty()}, {@link #cancelInput()}).
     */
    public void paste(String text, int anchor, GridColumn column) {
        paste(text, editor.rows(), anchor, column);
    }

    /** As {@link #paste(String, int, GridColumn)}; a positional block goes down {@code order} (the rows shown). */
    @Override
    public void paste(String text, List<GridRow> order, int anchor, GridColumn column) {
        if (text == null || text.isBlank() || editor.rows().isEmpty()) {
            return;
        }
        input.paste(text, List.copyOf(order), anchor, column, roster, maxScore.get());
    }

    @Override
    public void pasteCells(List<List<String>> cells, List<GridRow> order, int anchor, GridColumn column) {
        if (!cells.isEmpty() && !editor.rows().isEmpty()) {
            input.placeCells(cells, List.copyOf(order), anchor, column);
        }
    }

    /** Applies rows matched by student number or e-mail (a keyed paste, an imported file). */
    void applyMatched(List<InputRow> rows, String source) {
        input.applyMatched(rows, roster, maxScore.get(), source);
    }

    /** Stops the large paste or import being worked on; nothing of it is entered. */
    void cancelInput() {
        input.cancel();
    }

    /** What large input is being worked on, empty when none is. */
    ReadOnlyStringProperty workingProperty() {
        return input.workingProperty();
    }

    /** Reads a CSV file off the FX thread; its preview then appears in {@link #importPreviewProperty()}. */
    void readCsv(Path file) {
        readCsv(file, null);
    }

    /** As {@link #readCsv(Path)}, in the encoding the user chose in the preview (null: guess it). */
    void readCsv(Path file, Charset encoding) {
        if (!assessmentPicked.getAsBoolean()) {
            status.say(Messages.text("messages.grid.pickBeforeImport"), true);
            return;
        }
        importFile = file;
        tasks.runLocal("Read CSV", () -> CsvFile.read(file, encoding))
                .onDone(importPreview::set)
                .onError(failure -> status.say(
                        Messages.text(
                                "messages.grid.couldNotRead", file.getFileName().toString(), failure.getMessage()),
                        true));
    }

    /** Matches the previewed file's rows into the grid under the chosen mapping. */
    void applyImport(CsvImport.Result preview, ColumnMapping mapping) {
        if (mapping.student() < 0) {
            status.say(Messages.text("messages.grid.chooseStudentColumn"), true);
            return;
        }
        applyMatched(mapping.apply(preview.table()), "Imported");
    }

    /** The preview was shown (applied or cancelled). */
    void importShown() {
        importPreview.set(null);
    }

    ReadOnlyObjectProperty<CsvImport.Result> importPreviewProperty() {
        return importPreview;
    }

    /** The file the preview shows, so it can be read again in another encoding. */
    Path importFile() {
        return importFile;
    }
}
