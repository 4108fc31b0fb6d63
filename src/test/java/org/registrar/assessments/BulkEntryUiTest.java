package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.app.Screenshots;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.grid.Issue;
import org.registrar.assessments.grid.RowState;
import org.registrar.assessments.save.DraftStore;
import org.registrar.db.TestDatabases;
import org.registrar.testing.UiSession;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Assessments screen driven like a user, headless, against a real database. */
class BulkEntryUiTest {
    @TempDir
    Path dataHome;

    @RegisterExtension
    static final UiSession ui = new UiSession();

    private final FxRobot robot = new FxRobot();
    private Jdbi fixture;
    /** The screen shown last. */
    private BulkEntryScreen screen;

    @BeforeEach
    void open() {
        fixture = TestDatabases.jdbi(ui.session().databaseName());
    }

    @Test
    void typePasteFixAnErrorAndSave() throws Exception {
        BulkEntryViewModel model = show();
        TableView<GridRow> grid = robot.lookup("#results-grid").queryAs(TableView.class);
        List<GridRow> rows = List.copyOf(grid.getItems());

        clickScoreCell(0);
        robot.write("7").push(KeyCode.ENTER);
        robot.write("abc").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows.get(0).entryProperty().get()).isEqualTo("7");
        assertThat(rows.get(1).stateProperty().get()).isEqualTo(RowState.ERROR);
        assertThat(rows.get(1).messageProperty().get()).isEqualTo("\"abc\" is not a number");

        String block = "Student\tName\tScore\n" + rows.get(3).studentNumber() + "\tx\t5,5\n"
                + rows.get(2).studentNumber() + "\tx\tEX\n";
        WaitForAsyncUtils.asyncFx(() -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(block);
                    Clipboard.getSystemClipboard().setContent(content);
                })
                .get();
        clickScoreCell(8);
        robot.press(KeyCode.CONTROL).press(KeyCode.V).release(KeyCode.V).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows.get(3).entryProperty().get()).isEqualTo("5,5");
        assertThat(rows.get(2).entryProperty().get()).isEqualTo("EX");
        assertThat(rows.get(8).entryProperty().get()).isEmpty();

        ListView<Issue> problems = robot.lookup("#problems-list").queryAs(ListView.class);
        assertThat(problems.getItems()).hasSize(1);
        robot.clickOn(robot.from(problems)
                .lookup(".list-cell")
                .match(cell -> ((javafx.scene.control.ListCell<?>) cell).getItem() != null)
                .queryAs(javafx.scene.control.ListCell.class));
        robot.write("6").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows.get(1).stateProperty().get()).isIn(RowState.EDITED, RowState.UNCHANGED);
        assertThat(problems.getItems()).isEmpty();

        robot.clickOn("#save");
        if (robot.lookup("#confirm-save")
                .tryQuery()
                .map(node -> node.isVisible())
                .orElse(false)) {
            Screenshots.save(ui.stage().getScene(), "bulk-entry-review");
            robot.clickOn("#confirm-save");
        }
        Label message = robot.lookup("#bulk-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().startsWith("Saved"));
        assertThat(rows.get(0).stateProperty().get()).isEqualTo(RowState.SAVED);
        assertThat(rows.get(0).savedProperty().get()).isEqualTo("7");
        assertThat(storedScore(model, rows.get(3))).isEqualTo("5.50");
        assertThat(storedScore(model, rows.get(2))).isNull();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.notExists(draftFile(model)));
        Screenshots.settle();
        Screenshots.save(ui.stage().getScene(), "bulk-entry");
    }

    @Test
    void aDraftLeftByACrashIsOfferedAndRestored() throws Exception {
        BulkEntryViewModel first = show();
        TableView<GridRow> grid = robot.lookup("#results-grid").queryAs(TableView.class);
        long student = grid.getItems().get(4).studentId();
        clickScoreCell(4);
        robot.write("3").push(KeyCode.ENTER);
        Path draft = draftFile(first);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(draft));

        // the window goes away without saving, as in a crash; the next start builds the screen afresh
        BulkEntryViewModel second = show();
        Label offer = robot.lookup("#draft-offer").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> offer.getText().startsWith("Unsaved entries for 1 student"));
        Screenshots.save(ui.stage().getScene(), "bulk-entry-draft-offer");
        robot.clickOn("#restore-draft");
        GridRow restored = second.rows().stream()
                .filter(row -> row.studentId() == student)
                .findFirst()
                .orElseThrow();
        assertThat(restored.entryProperty().get()).isEqualTo("3");
        assertThat(restored.stateProperty().get()).isEqualTo(RowState.EDITED);
    }

    @Test
    void whatIsTypedWhileTheSaveRunsStaysAsANewEdit() throws Exception {
        BulkEntryViewModel model = show();
        GridRow row = typeWhileSaving("8");

        assertThat(storedScore(model, row)).isEqualTo("7.00");
        assertThat(row.savedProperty().get()).isEqualTo("7");
        assertThat(row.entryProperty().get()).isEqualTo("8");
        assertThat(row.stateProperty().get()).isEqualTo(RowState.EDITED);
    }

    @Test
    void aBadValueTypedWhileTheSaveRunsIsMarkedAndTheScreenStaysUsable() throws Exception {
        BulkEntryViewModel model = show();
        GridRow row = typeWhileSaving("abc");

        assertThat(storedScore(model, row)).isEqualTo("7.00");
        assertThat(row.savedProperty().get()).isEqualTo("7");
        assertThat(row.entryProperty().get()).isEqualTo("abc");
        assertThat(row.stateProperty().get()).isEqualTo(RowState.ERROR);
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.problems()).extracting(Issue::row).contains(row);
    }

    /** Types 7 into the first row, saves, and types {@code typed} into that row while the save waits for a lock. */
    private GridRow typeWhileSaving(String typed) throws Exception {
        TableView<GridRow> grid = robot.lookup("#results-grid").queryAs(TableView.class);
        GridRow row = grid.getItems().get(0);
        clickScoreCell(0);
        robot.write("7").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        try (var blocker = fixture.open()) {
            blocker.begin();
            blocker.execute("LOCK TABLE saved_batches IN EXCLUSIVE MODE"); // the save waits at its first statement
            robot.clickOn("#save");
            if (robot.lookup("#confirm-save")
                    .tryQuery()
                    .map(node -> node.isVisible())
                    .orElse(false)) {
                robot.clickOn("#confirm-save");
            }
            TestDatabases.awaitLockWait(fixture, "INSERT INTO saved_batches", Duration.ofSeconds(20));
            clickScoreCell(0);
            robot.write(typed).push(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            blocker.rollback();
        }
        Label message = robot.lookup("#bulk-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().startsWith("Saved"));
        WaitForAsyncUtils.waitForFxEvents();
        return row;
    }

    private BulkEntryViewModel show() throws Exception {
        screen = BulkEntryScreen.show(robot, ui.session(), dataHome);
        return screen.model;
    }

    private void clickScoreCell(int index) {
        screen.clickScoreCell(index);
    }

    private Path draftFile(BulkEntryViewModel model) {
        return new DraftStore(dataHome).file(model.cohortProperty().get().id(), model.assessmentId());
    }

    private String storedScore(BulkEntryViewModel model, GridRow row) {
        return BulkEntryScreen.storedScore(fixture, model, row);
    }
}
