package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.app.Screenshots;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.history.HistoryLine;
import org.registrar.assessments.history.HistoryScope;
import org.registrar.db.Privileges;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The result history opened from the grid after a save, headless, against a real database. */
class HistoryUiTest {
    @TempDir
    Path dataHome;

    private static Stage stage;
    private final FxRobot robot = new FxRobot();
    private TestSession session;

    @BeforeAll
    static void stage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @BeforeEach
    void open() {
        session = TestSession.fresh();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void theHistoryOfTheSelectedStudentShowsTheSavedChange() throws Exception {
        BulkEntryViewModel model = show();
        GridRow first = model.rows().get(0);
        String typed = "1".equals(first.savedProperty().get()) ? "2" : "1";
        clickScoreCell(0);
        robot.write(typed).push(KeyCode.ENTER);
        robot.write("3".equals(model.rows().get(1).savedProperty().get()) ? "4" : "3")
                .push(KeyCode.ENTER);
        robot.clickOn("#save");
        if (robot.lookup("#confirm-save")
                .tryQuery()
                .map(node -> node.isVisible())
                .orElse(false)) {
            robot.clickOn("#confirm-save");
        }
        Label message = robot.lookup("#bulk-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().startsWith("Saved"));

        clickScoreCell(0);
        robot.clickOn("#history");
        TableView<HistoryLine> table = robot.lookup("#history-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        HistoryLine newest = table.getItems().get(0);
        assertThat(newest.student()).startsWith(first.studentNumber());
        // the demo data may or may not have scored this student already: an insert or an update to the typed score
        assertThat(newest.change()).matches("(new: |[^;]+ → )" + typed);
        assertThat(newest.batch()).hasSize(8);
        assertThat(robot.lookup("#history-title").queryAs(Label.class).getText())
                .contains(first.studentNumber())
                .contains(model.assessmentProperty().get().assessment().title());

        ComboBox<HistoryScope> scope = robot.lookup("#history-scope").queryAs(ComboBox.class);
        robot.interact(() -> scope.setValue(HistoryScope.ASSESSMENT));
        Label status = robot.lookup("#history-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> !table.getItems().isEmpty() && status.getText().contains("newest"));
        // both rows of the one save, all newest first
        assertThat(table.getItems()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(table.getItems().subList(0, 2))
                .extracting(HistoryLine::student)
                .anyMatch(student -> student.startsWith(first.studentNumber()));
        Screenshots.settle();
        Screenshots.save(table.getScene(), "bulk-entry-history");
    }

    private BulkEntryViewModel show() throws Exception {
        BulkEntryView view = BulkEntryScreen.create(session.fxTasks(), session.database(), dataHome, Privileges.ALL);
        FxToolkit.setupStage(window -> {
            window.setScene(new Scene(view.root(), 1260, 740));
            window.setX(0);
            window.setY(0);
            window.show();
            window.toFront();
        });
        var field = BulkEntryView.class.getDeclaredField("model");
        field.setAccessible(true);
        BulkEntryViewModel model = (BulkEntryViewModel) field.get(view);
        robot.interact(() -> model.findCohorts(""));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.cohorts().isEmpty());
        robot.interact(() -> model.selectCohort(model.cohorts().get(0)));
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> model.assessments().size() > 1);
        ComboBox<AssessmentChoice> assessments =
                robot.lookup("#assessment-picker").queryAs(ComboBox.class);
        robot.interact(() -> assessments.setValue(model.assessments().get(1)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return model;
    }

    private void clickScoreCell(int index) {
        TableView<GridRow> grid = robot.lookup("#results-grid").queryAs(TableView.class);
        robot.interact(() -> grid.scrollTo(0));
        var cell = robot.lookup(".edit-cell")
                .match(node -> node instanceof TableCell<?, ?> edit
                        && edit.getIndex() == index
                        && edit.getTableColumn().getId().equals("score-column"))
                .queryAs(TableCell.class);
        robot.clickOn(cell);
    }
}
