package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.registrar.assessments.grid.GridColumn;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.input.ColumnMapping;
import org.registrar.db.Privileges;
import org.registrar.testing.ScriptedDialogs;
import org.registrar.testing.UiSession;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The CSV import preview on the Assessments screen (issues 13 item 8 and 14): a file that is UTF-8 except for one
 * byte asks for the encoding before anything can be matched, and names the line; a line shorter than the header is
 * listed with what it keeps, beside the blank/missing/clear rules; matched, the short line keeps the grid's comment.
 * A paste whose quote never closes is refused with its place instead of failing on the FX thread.
 */
class ImportPreviewUiTest {
    @RegisterExtension
    static final UiSession ui = new UiSession();

    private final FxRobot robot = new FxRobot();

    @Test
    void theUserChoosesTheEncodingAndSeesShortLinesBeforeMatching() throws Exception {
        BulkEntryViewModel model = show();
        List<GridRow> rows = List.copyOf(model.rows());
        GridRow first = rows.get(0);
        GridRow second = rows.get(1);
        robot.interact(() -> model.grid().edit(second, GridColumn.COMMENT, "typed before"));
        Path file = ui.dataHome().resolve("scores.csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("Student number,Score,Comment\n" + first.studentNumber() + ",7,Très bien\n"
                        + second.studentNumber() + ",8\n" + rows.get(2).studentNumber() + ",9,Tr")
                .getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE8);
        bytes.writeBytes("s\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());

        robot.interact(() -> model.grid().readCsv(file));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> robot.lookup("#import-encoding").tryQuery().isPresent());

        Button match = matchButton();
        assertThat(match.isDisabled())
                .as("nothing is matched before the encoding is chosen")
                .isTrue();
        assertThat(texts()).anyMatch(text -> text.contains("the file is UTF-8 except for 1 byte on line 4"));
        assertThat(robot.lookup("#import-notes").queryAs(Label.class).getText())
                .isEqualTo("line 3 has 2 cells, the header has 3: the missing comment keeps the saved one");
        assertThat(texts()).anyMatch(text -> text.contains("put only - in its cell"));

        ComboBox<String> encoding = robot.lookup("#import-encoding").queryAs(ComboBox.class);
        robot.interact(() -> encoding.setValue(ImportControls.asUtf8()));
        assertThat(match.isDisabled()).isFalse();
        robot.interact(match::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "7".equals(first.text(GridColumn.SCORE)));

        assertThat(first.text(GridColumn.COMMENT)).isEqualTo("Très bien");
        assertThat(second.text(GridColumn.SCORE)).isEqualTo("8");
        assertThat(second.text(GridColumn.COMMENT)).isEqualTo("typed before");
    }

    @Test
    void aPasteWithAQuoteThatNeverClosesIsRefusedAtItsPlaceAndChangesNothing() throws Exception {
        BulkEntryViewModel model = show();
        List<GridRow> rows = List.copyOf(model.rows());
        String block = rows.get(0).studentNumber() + "\t5\n" + rows.get(1).studentNumber() + "\t6\t\"open\n";

        robot.interact(() -> model.grid().paste(block, 0, GridColumn.SCORE));

        Label message = robot.lookup("#bulk-message").queryAs(Label.class);
        assertThat(message.getText()).isEqualTo("Nothing pasted: line 2: a quote opens at column 12 and never closes");
        assertThat(rows.get(0).text(GridColumn.SCORE)).isEmpty();
    }

    private Button matchButton() {
        return robot.lookup(".button")
                .match(node -> node instanceof Button button && "_Match into the grid".equals(button.getText()))
                .queryAs(Button.class);
    }

    @Test
    void importCsvAsksForTheFileAndTheMappingThroughTheDialogService() throws Exception {
        Path file = ui.dataHome().resolve("through-dialogs.csv");
        ScriptedDialogs dialogs = new ScriptedDialogs()
                .thenFile(file)
                .thenDialog((Dialog<ColumnMapping> dialog) -> dialog.getResultConverter()
                        .call(dialog.getDialogPane().getButtonTypes().get(0)));
        BulkEntryViewModel model = show(BulkEntryScreen.create(
                ui.session().fxTasks(), ui.session().database(), ui.dataHome(), Privileges.ALL, dialogs));
        GridRow first = model.rows().get(0);
        Files.writeString(file, "Student number,Score\n" + first.studentNumber() + ",7\n");

        robot.clickOn("#import-csv");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> "7".equals(first.entryProperty().get()));

        assertThat(dialogs.asked()).containsExactly("Import scores from a CSV file or a spreadsheet", "Import scores");
        assertThat(model.grid().importPreviewProperty().get()).isNull();
    }

    private List<String> texts() {
        return robot.lookup(".label").queryAll().stream()
                .map(Node.class::cast)
                .filter(Label.class::isInstance)
                .map(node -> ((Label) node).getText())
                .filter(text -> text != null)
                .toList();
    }

    private BulkEntryViewModel show() throws Exception {
        return BulkEntryScreen.show(robot, ui).model;
    }

    private BulkEntryViewModel show(BulkEntryView view) throws Exception {
        BulkEntryScreen screen = BulkEntryScreen.showEmpty(robot, view);
        screen.open(0, 1);
        return screen.model;
    }
}
