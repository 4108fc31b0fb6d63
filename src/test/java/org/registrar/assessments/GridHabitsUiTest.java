package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.app.Screenshots;
import org.registrar.assessments.grid.GridColumn;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.grid.Issue;
import org.registrar.assessments.grid.RowFilter;
import org.registrar.assessments.grid.RowState;
import org.registrar.db.TestDatabases;
import org.registrar.i18n.Messages;
import org.registrar.testing.Clipping;
import org.registrar.testing.UiSession;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The grid behaves like a spreadsheet both ways (issue 19): Ctrl+C copies a block a spreadsheet pastes cell for cell
 * and that pastes back as a no-op, Ctrl+Y and Ctrl+Shift+Z redo, a header click sorts, the Show filter narrows the
 * rows (a save still saves the hidden ones), and dragged column widths come back on the next open.
 */
class GridHabitsUiTest {
    /** Where {@code ColumnWidths.forUser()} keeps widths under the tests' preferences node (see the pom). */
    private static final String WIDTHS_NODE =
            System.getProperty("registrar.prefsNode", "org/registrar/connection") + "/ui/grid";

    @TempDir
    Path dataHome;

    @RegisterExtension
    static final UiSession ui = new UiSession();

    private final FxRobot robot = new FxRobot();
    private Jdbi fixture;

    @BeforeEach
    void open() throws Exception {
        forgetWidths();
        fixture = TestDatabases.jdbi(ui.session().databaseName());
    }

    @AfterEach
    void close() throws Exception {
        forgetWidths();
    }

    private static void forgetWidths() throws Exception {
        Preferences root = Preferences.userRoot();
        if (root.nodeExists(WIDTHS_NODE)) {
            root.node(WIDTHS_NODE).removeNode();
        }
    }

    @Test
    void aCopiedBlockPastedBackInPlaceChangesNothing() throws Exception {
        BulkEntryScreen screen = BulkEntryScreen.show(robot, ui.session(), dataHome);
        TableView<GridRow> grid = screen.grid();
        List<GridRow> rows = List.copyOf(grid.getItems());
        screen.clickScoreCell(0);
        robot.write("7").push(KeyCode.ENTER).write("12,5").push(KeyCode.ENTER);
        robot.interact(() -> {
            screen.model.grid().edit(rows.get(0), GridColumn.COMMENT, "plain words");
            screen.model.grid().edit(rows.get(1), GridColumn.COMMENT, "said \"well done\"\tthen left");
            screen.model.grid().edit(rows.get(2), GridColumn.COMMENT, "two\nlines");
            screen.model.grid().edit(rows.get(3), GridColumn.COMMENT, "");
            screen.model.grid().edit(rows.get(4), GridColumn.COMMENT, "last");
        });
        List<String> before = cells(rows);
        int unsaved = screen.model.unsaved().students();

        screen.clickScoreCell(0);
        robot.interact(() -> {
            grid.getSelectionModel().clearSelection();
            grid.getSelectionModel().selectRange(0, column(grid, "score-column"), 4, column(grid, "comment-column"));
        });
        shortcut(KeyCode.C);
        String copied = WaitForAsyncUtils.asyncFx(
                        () -> Clipboard.getSystemClipboard().getString())
                .get(10, TimeUnit.SECONDS);
        assertThat(copied)
                .isEqualTo("7\tplain words\n"
                        + "12,5\t\"said \"\"well done\"\"\tthen left\"\n"
                        + "\t\"two\nlines\"\n"
                        + "\t\n"
                        + "\tlast");

        robot.interact(() -> {
            grid.getSelectionModel().clearAndSelect(0, column(grid, "score-column"));
            grid.getFocusModel().focus(0, column(grid, "score-column"));
            grid.requestFocus();
        });
        shortcut(KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cells(rows)).isEqualTo(before);
        assertThat(screen.model.unsaved().students()).isEqualTo(unsaved);
        // the paste was no step of its own: the first undo takes back the last edit made before it
        shortcut(KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows.get(4).commentProperty().get()).isNotEqualTo("last");
        assertThat(rows.get(3).commentProperty().get()).isEmpty();
    }

    @Test
    void aBlockWithTheReadOnlyColumnsCopiesWhatTheGridShows() throws Exception {
        BulkEntryScreen screen = BulkEntryScreen.show(robot, ui.session(), dataHome);
        TableView<GridRow> grid = screen.grid();
        GridRow first = grid.getItems().get(0);
        GridRow second = grid.getItems().get(1);
        screen.clickScoreCell(1);
        robot.write("abc").push(KeyCode.ENTER);
        robot.interact(() -> {
            grid.getSelectionModel().clearSelection();
            grid.getSelectionModel().selectRange(0, column(grid, "number-column"), 1, column(grid, "state-column"));
        });
        shortcut(KeyCode.C);
        String copied = WaitForAsyncUtils.asyncFx(
                        () -> Clipboard.getSystemClipboard().getString())
                .get(10, TimeUnit.SECONDS);
        assertThat(copied.split("\n", -1))
                .containsExactly(
                        String.join(
                                "\t",
                                first.studentNumber(),
                                first.name(),
                                first.savedProperty().get(),
                                "",
                                first.commentProperty().get(),
                                first.stateProperty().get().label()),
                        String.join(
                                "\t",
                                second.studentNumber(),
                                second.name(),
                                second.savedProperty().get(),
                                "abc",
                                second.commentProperty().get(),
                                "error: \"abc\" is not a number"
                                        .replace("\"", "\"\"")
                                        .transform(text -> '"' + text + '"')));

        // pasted back from the number cell: cell for cell, the read-only cells left out, nothing changes
        List<String> before = cells(grid.getItems());
        int unsaved = screen.model.unsaved().students();
        robot.interact(() -> {
            grid.getSelectionModel().clearAndSelect(0, column(grid, "number-column"));
            grid.getFocusModel().focus(0, column(grid, "number-column"));
            grid.requestFocus();
        });
        shortcut(KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cells(grid.getItems())).isEqualTo(before);
        assertThat(screen.model.unsaved().students()).isEqualTo(unsaved);
    }

    @Test
    void ctrlYAndCtrlShiftZRedoWhatUndoUndidUntilANewEdit() throws Exception {
        BulkEntryScreen screen = BulkEntryScreen.show(robot, ui.session(), dataHome);
        List<GridRow> rows = List.copyOf(screen.grid().getItems());
        screen.clickScoreCell(0);
        robot.write("1")
                .push(KeyCode.ENTER)
                .write("2")
                .push(KeyCode.ENTER)
                .write("3")
                .push(KeyCode.ENTER);
        shortcut(KeyCode.Z);
        shortcut(KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(entries(rows, 3)).containsExactly("1", "", "");

        shortcut(KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(entries(rows, 3)).containsExactly("1", "2", "");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(entries(rows, 3)).containsExactly("1", "2", "3");
        assertThat(rows.get(2).stateProperty().get()).isEqualTo(RowState.EDITED);
        shortcut(KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message()).isEqualTo("Nothing to redo.");

        shortcut(KeyCode.Z);
        screen.clickScoreCell(5);
        robot.write("4").push(KeyCode.ENTER);
        shortcut(KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(entries(rows, 3)).containsExactly("1", "2", "");
        assertThat(rows.get(5).entryProperty().get()).isEqualTo("4");
        assertThat(message()).isEqualTo("Nothing to redo.");
    }

    @Test
    void aHeaderClickSortsTheRowsShownAndTheKeysFollowThem() throws Exception {
        BulkEntryScreen screen = BulkEntryScreen.show(robot, ui.session(), dataHome);
        TableView<GridRow> grid = screen.grid();
        List<GridRow> loaded = List.copyOf(screen.model.rows());
        screen.clickScoreCell(2);
        robot.write("9").push(KeyCode.ENTER);
        GridRow typedInto = loaded.get(2);

        Collator collator = Collator.getInstance(Messages.locale());
        collator.setStrength(Collator.SECONDARY);
        List<GridRow> byName = new ArrayList<>(loaded);
        byName.sort(Comparator.comparing(GridRow::name, collator));
        clickHeader("name-column");
        assertThat(names(grid.getItems())).isEqualTo(names(byName));
        clickHeader("name-column");
        List<GridRow> reversed = new ArrayList<>(byName);
        java.util.Collections.reverse(reversed);
        assertThat(names(grid.getItems())).isEqualTo(names(reversed));
        // the screen's rows and the edit are as they were: sorting changes only what is shown
        assertThat(screen.model.rows()).containsExactlyElementsOf(loaded);
        assertThat(typedInto.entryProperty().get()).isEqualTo("9");
        Screenshots.save(ui.stage().getScene(), "grid-sorted-by-name");

        // Enter goes down the rows as shown
        GridRow shownFirst = grid.getItems().get(0);
        GridRow shownSecond = grid.getItems().get(1);
        screen.clickScoreCell(0);
        robot.write("10").push(KeyCode.ENTER).write("5").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownFirst.entryProperty().get()).isEqualTo("10");
        assertThat(shownSecond.entryProperty().get()).isEqualTo("5");

        clickHeader("score-column");
        assertThat(entries(grid.getItems(), 4)).containsExactly("5", "9", "10", "");
    }

    @Test
    void theShowFilterNarrowsTheRowsAndSaveStillSavesTheHiddenOnes() throws Exception {
        BulkEntryScreen screen = BulkEntryScreen.show(robot, ui.session(), dataHome);
        TableView<GridRow> grid = screen.grid();
        List<GridRow> rows = List.copyOf(grid.getItems());
        List<Integer> typed = List.of(0, 1, 2, 3);
        screen.clickScoreCell(0);
        robot.write("11")
                .push(KeyCode.ENTER)
                .write("12")
                .push(KeyCode.ENTER)
                .write("13")
                .push(KeyCode.ENTER);
        robot.write("abc").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        ComboBox<RowFilter> filter = robot.lookup("#row-filter").queryAs(ComboBox.class);
        Label label = robot.lookup(node -> node instanceof Label shown && shown.getLabelFor() == filter)
                .queryAs(Label.class);
        assertThat(label.isMnemonicParsing()).isTrue();
        assertThat(label.getText()).isEqualTo("Sho_w");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(filter.getConverter().toString(RowFilter.PROBLEMS)).isEqualTo("Only problems (1)");
        assertThat(filter.getConverter().toString(RowFilter.CHANGED)).isEqualTo("Only changed rows (4)");
        assertThat(filter.getConverter().toString(RowFilter.ALL)).isEqualTo("All rows (" + rows.size() + ")");

        robot.interact(() -> filter.setValue(RowFilter.PROBLEMS));
        assertThat(grid.getItems()).containsExactly(rows.get(typed.get(3)));
        robot.interact(() -> screen.model.grid().edit(rows.get(typed.get(3)), GridColumn.SCORE, ""));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(filter.getConverter().toString(RowFilter.PROBLEMS)).isEqualTo("Only problems (0)");
        // the choice shown counts along
        assertThat(filter.getButtonCell().getText()).isEqualTo("Only problems (0)");

        robot.interact(() -> filter.setValue(RowFilter.WITHOUT_SCORE));
        for (int i = 0; i < 3; i++) {
            assertThat(grid.getItems()).doesNotContain(rows.get(typed.get(i)));
        }
        assertThat(grid.getItems()).allMatch(row -> row.savedProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> shownChoice = filter.getButtonCell();
        assertThat(shownChoice.getText()).startsWith("Only rows without a score (");
        assertThat(Clipping.in(ui.stage())).as("nothing cut").noneMatch(problem -> problem.contains("row-filter"));
        Screenshots.save(ui.stage().getScene(), "grid-filter-without-score");

        robot.clickOn("#save");
        if (robot.lookup("#confirm-save").tryQuery().map(Node::isVisible).orElse(false)) {
            robot.clickOn("#confirm-save"); // the review of scores it overwrites
        }
        Label message = robot.lookup("#bulk-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().startsWith("Saved"));
        for (int i = 0; i < 3; i++) {
            assertThat(storedScore(screen.model, rows.get(typed.get(i)))).isEqualTo((11 + i) + ".00");
        }
        assertThat(screen.model.unsaved().students()).isZero();
    }

    @Test
    void theProblemsListReadsAsTheGridShowsTheRowsAndLeadsToThem() throws Exception {
        BulkEntryScreen screen = BulkEntryScreen.show(robot, ui.session(), dataHome);
        TableView<GridRow> grid = screen.grid();
        List<GridRow> loaded = List.copyOf(screen.model.rows());
        clickHeader("name-column");
        clickHeader("name-column");
        List<GridRow> shown = List.copyOf(grid.getItems());
        screen.clickScoreCell(2);
        robot.write("abc").push(KeyCode.ENTER);
        screen.clickScoreCell(0);
        robot.write("abc").push(KeyCode.ENTER).write("xyz").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        ListView<Issue> problems = robot.lookup("#problems-list").queryAs(ListView.class);
        assertThat(problems.getItems())
                .extracting(Issue::row)
                .containsExactly(shown.get(0), shown.get(1), shown.get(2));
        GridRow first = shown.get(0);
        assertThat(problems.getItems().get(0).text())
                .as("named by student, as the grid shows the row; no row number that a sort changes")
                .isEqualTo(first.studentNumber() + " " + first.name() + ": \"abc\" is not a number");
        Screenshots.save(ui.stage().getScene(), "grid-problems-sorted");

        robot.interact(() -> problems.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(grid.getSelectionModel().getSelectedCells())
                .singleElement()
                .satisfies(
                        cell -> assertThat(grid.getItems().get(cell.getRow())).isSameAs(shown.get(1)));

        // hidden by the filter: listed after the rows shown, in the screen's order; picking one shows all rows
        ComboBox<RowFilter> filter = robot.lookup("#row-filter").queryAs(ComboBox.class);
        robot.interact(() -> filter.setValue(RowFilter.WITHOUT_SCORE));
        List<GridRow> inScreenOrder =
                loaded.stream().filter(shown.subList(0, 3)::contains).toList();
        assertThat(problems.getItems()).extracting(Issue::row).containsExactlyElementsOf(inScreenOrder);
        robot.interact(() -> problems.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(filter.getValue()).isEqualTo(RowFilter.ALL);
        assertThat(grid.getSelectionModel().getSelectedItem()).isSameAs(inScreenOrder.get(2));
    }

    @Test
    void aDraggedColumnWidthComesBackOnTheNextOpen() throws Exception {
        BulkEntryScreen first = BulkEntryScreen.show(robot, ui.session(), dataHome);
        TableColumn<GridRow, ?> name = column(first.grid(), "name-column");
        double usual = name.getWidth();
        robot.interact(() -> first.grid().resizeColumn(name, 80));
        double dragged = name.getWidth();
        assertThat(dragged).isGreaterThan(usual + 70);
        assertThat(Preferences.userRoot().node(WIDTHS_NODE).getDouble("name-column.width", -1))
                .isEqualTo((double) Math.round(dragged));

        BulkEntryScreen next = BulkEntryScreen.show(robot, ui.session(), dataHome);
        WaitForAsyncUtils.waitForFxEvents();
        TableColumn<GridRow, ?> again = column(next.grid(), "name-column");
        // wanted as dragged; the fitting keeps it (never below the header's longest word)
        assertThat(again.getProperties().get(org.registrar.ui.ColumnFit.USER_WIDTH))
                .isEqualTo((double) Math.round(dragged));
        assertThat(again.getWidth()).isGreaterThan(usual + 20);
    }

    private static List<String> cells(List<GridRow> rows) {
        return rows.stream()
                .map(row ->
                        row.entryProperty().get() + "|" + row.commentProperty().get() + "|"
                                + row.stateProperty().get())
                .toList();
    }

    private static List<String> entries(List<GridRow> rows, int first) {
        return rows.stream().limit(first).map(row -> row.entryProperty().get()).toList();
    }

    private static List<String> names(List<GridRow> rows) {
        return rows.stream().map(GridRow::name).toList();
    }

    private static TableColumn<GridRow, ?> column(TableView<GridRow> grid, String id) {
        return grid.getColumns().stream()
                .filter(column -> id.equals(column.getId()))
                .findFirst()
                .orElseThrow();
    }

    private void clickHeader(String columnId) {
        robot.clickOn(robot.lookup(".column-header")
                .match(node -> node instanceof TableColumnHeader header
                        && header.getTableColumn() != null
                        && columnId.equals(header.getTableColumn().getId()))
                .queryAs(TableColumnHeader.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shortcut(KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    private String message() {
        return robot.lookup("#bulk-message").queryAs(Label.class).getText();
    }

    private String storedScore(BulkEntryViewModel model, GridRow row) {
        return BulkEntryScreen.storedScore(fixture, model, row);
    }
}
