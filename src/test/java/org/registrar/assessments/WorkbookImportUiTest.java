package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.registrar.app.Screenshots;
import org.registrar.assessments.grid.GridColumn;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.input.TestWorkbooks;
import org.registrar.testing.UiSession;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 19: choosing an .xlsx of two sheets shows the import preview with a sheet picker on the first sheet and its
 * formula warning; picking the second sheet shows that sheet's rows, and matching enters its scores (7.5 as typed).
 */
class WorkbookImportUiTest {
    @RegisterExtension
    static final UiSession ui = new UiSession();

    private final FxRobot robot = new FxRobot();

    @Test
    void anXlsxOfTwoSheetsShowsThePreviewWithASheetPicker() throws Exception {
        BulkEntryViewModel model = show();
        List<GridRow> rows = List.copyOf(model.rows());
        Path file = workbook(rows);

        robot.interact(() -> model.grid().readCsv(file));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> robot.lookup("#import-sheet").tryQuery().isPresent());

        ComboBox<String> sheets = robot.lookup("#import-sheet").queryAs(ComboBox.class);
        assertThat(sheets.getItems()).containsExactly("Scores", "Retake");
        assertThat(sheets.getValue()).isEqualTo("Scores");
        assertThat(header()).isEqualTo("Excel workbook (.xlsx), sheet “Scores” (1 of 2), 2 rows");
        assertThat(robot.lookup("#import-sheet-warnings").queryAs(Label.class).getText())
                .startsWith("Cell B3 holds a formula: the value the spreadsheet last calculated is read.");
        assertThat(preview().getItems()).hasSize(3);
        assertThat(robot.lookup("#import-notes").queryAs(Label.class).getText())
                .as("a blank last cell is not a short line")
                .isEmpty();
        Screenshots.save(sheets.getScene(), "import-workbook-sheet-picker");

        robot.interact(() -> sheets.getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> header().contains("“Retake” (2 of 2)"));
        assertThat(preview().getItems()).hasSize(2);
        robot.interact(() -> matchButton().fire());
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> "7.5".equals(rows.get(2).text(GridColumn.SCORE)));

        assertThat(rows.get(0).text(GridColumn.SCORE))
                .as("the first sheet is not matched")
                .isEmpty();
    }

    private Path workbook(List<GridRow> rows) throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet scores = workbook.createSheet("Scores");
        TestWorkbooks.row(scores, 0, "Student number", "Score", "Raw");
        TestWorkbooks.row(scores, 1, rows.get(0).studentNumber(), 6);
        TestWorkbooks.row(scores, 2, rows.get(1).studentNumber(), null, 14)
                .createCell(1)
                .setCellFormula("C3/2");
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        Sheet retake = workbook.createSheet("Retake");
        TestWorkbooks.row(retake, 0, "Student number", "Score");
        TestWorkbooks.row(retake, 1, rows.get(2).studentNumber(), 7.5);
        return TestWorkbooks.xlsx(ui.dataHome().resolve("scores.xlsx"), workbook);
    }

    /** The header of the newest import dialog showing. */
    private String header() {
        List<DialogPane> panes = robot.lookup(".dialog-pane").queryAllAs(DialogPane.class).stream()
                .filter(pane ->
                        pane.getScene() != null && pane.getScene().getWindow().isShowing())
                .toList();
        return panes.isEmpty() ? "" : panes.get(panes.size() - 1).getHeaderText();
    }

    private TableView<?> preview() {
        return robot.lookup(".dialog-pane .table-view")
                .match(node -> node.getScene().getWindow().isShowing())
                .queryAs(TableView.class);
    }

    private Button matchButton() {
        return robot.lookup(".button")
                .match(node -> node instanceof Button button
                        && "_Match into the grid".equals(button.getText())
                        && node.getScene().getWindow().isShowing())
                .queryAs(Button.class);
    }

    private BulkEntryViewModel show() throws Exception {
        return BulkEntryScreen.show(robot, ui).model;
    }
}
