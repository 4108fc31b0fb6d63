package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
import org.registrar.db.Privileges;
import org.registrar.testing.ClassPicks;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Assessments screen's messages as a user sees them: the empty problems list, a red message going away. */
class BulkEntryMessagesUiTest {
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
    void theEmptyProblemsListSaysWhatItIsFor() throws Exception {
        show();
        ListView<?> problems = robot.lookup("#problems-list").queryAs(ListView.class);

        assertThat(problems.getItems()).isEmpty();
        Label placeholder = (Label) problems.getPlaceholder();
        assertThat(placeholder.getText()).startsWith("Nothing to fix.").contains("click one to go to its cell");
        assertThat(placeholder.isVisible()).isTrue();
    }

    @Test
    void theRedProblemsMessageGoesWhenTheRowIsFixed() throws Exception {
        show();
        Label message = robot.lookup("#bulk-message").queryAs(Label.class);
        clickScoreCell(0);
        robot.write("abc").push(KeyCode.ENTER);
        robot.clickOn("#save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("1 row has a problem"));
        assertThat(message.getStyleClass()).contains("danger");
        Screenshots.save(stage.getScene(), "bulk-entry-row-problem");

        clickScoreCell(0);
        robot.write("5").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(message.getText()).isEqualTo("All marked rows are fixed now: Save when ready.");
        assertThat(message.getStyleClass()).doesNotContain("danger");
        Screenshots.save(stage.getScene(), "bulk-entry-problems-fixed");
    }

    @SuppressWarnings("unchecked")
    private void show() throws Exception {
        BulkEntryView view = BulkEntryScreen.create(session.fxTasks(), session.database(), dataHome, Privileges.ALL);
        FxToolkit.setupStage(window -> {
            window.setScene(new Scene(view.root(), 1260, 740));
            window.setX(0);
            window.setY(0);
            window.show();
            window.toFront();
        });
        ClassPicks.first(robot, "#cohort-picker");
        ComboBox<AssessmentChoice> assessments =
                robot.lookup("#assessment-picker").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> assessments.getItems().size() > 1);
        robot.interact(() -> assessments.setValue(assessments.getItems().get(1)));
        TableView<GridRow> grid = robot.lookup("#results-grid").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !grid.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void clickScoreCell(int index) {
        TableView<?> grid = robot.lookup("#results-grid").queryAs(TableView.class);
        robot.interact(() -> grid.scrollTo(0));
        var cell = robot.lookup(".edit-cell")
                .match(node -> node instanceof TableCell<?, ?> edit
                        && edit.getIndex() == index
                        && edit.getTableColumn().getId().equals("score-column"))
                .queryAs(TableCell.class);
        robot.clickOn(cell);
    }
}
