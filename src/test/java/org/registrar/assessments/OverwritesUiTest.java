package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.app.Screenshots;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.grid.RowState;
import org.registrar.db.TestDatabases;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Saving over saved scores is confirmed first, old → new, whichever save button is used. */
class OverwritesUiTest {
    @TempDir
    Path dataHome;

    private static Stage stage;
    private final FxRobot robot = new FxRobot();
    private TestSession session;
    private Jdbi fixture;

    @BeforeAll
    static void stage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        fixture = TestDatabases.jdbi(session.databaseName());
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void saveValidRowsConfirmsOverwritesOldToNewBeforeWriting() throws Exception {
        BulkEntryScreen screen = BulkEntryScreen.show(robot, session, dataHome);
        int overwritten = screen.rowWithSavedScore(1);
        GridRow row = screen.model.rows().get(overwritten);
        String before = storedScore(screen.model, row);
        String savedText = row.savedProperty().get();
        String typed = before.startsWith("1") ? "2" : "1";
        screen.clickScoreCell(0);
        robot.write("abc").push(KeyCode.ENTER);
        screen.clickScoreCell(overwritten);
        robot.write(typed).push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screen.model.rows().get(0).stateProperty().get()).isEqualTo(RowState.ERROR);

        robot.clickOn("#save-valid");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shown(robot.lookup("#confirm-save").query()))
                .as("the overwrite review is shown")
                .isTrue();
        ListView<String> lines = robot.lookup("#review-list").queryAs(ListView.class);
        assertThat(lines.getItems())
                .containsExactly(row.studentNumber() + " " + row.name() + ": " + savedText + " → " + typed);
        assertThat(storedScore(screen.model, row))
                .as("nothing written before the confirmation")
                .isEqualTo(before);
        Screenshots.save(stage.getScene(), "bulk-entry-save-valid-review");

        robot.clickOn("#confirm-save");
        Label message = robot.lookup("#bulk-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().startsWith("Saved"));
        assertThat(storedScore(screen.model, row)).isEqualTo(typed + ".00");
        assertThat(screen.model.rows().get(0).stateProperty().get())
                .as("the row with a problem stays, unsaved")
                .isEqualTo(RowState.ERROR);
    }

    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private String storedScore(BulkEntryViewModel model, GridRow row) {
        return fixture.withHandle(handle -> handle.createQuery(
                        "SELECT score::text FROM assessment_results WHERE assessment_id = :a AND student_id = :s")
                .bind("a", model.assessmentId())
                .bind("s", row.studentId())
                .mapTo(String.class)
                .findOne()
                .orElse(""));
    }
}
