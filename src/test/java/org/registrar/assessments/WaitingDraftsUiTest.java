package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.app.Screenshots;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.grid.RowState;
import org.registrar.assessments.save.DraftStore;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Drafts kept for any cohort and assessment are listed on the screen from the start, to resume or discard. */
class WaitingDraftsUiTest {
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
    void close() {
        session.close();
    }

    @Test
    void aDraftKeptEarlierIsListedAtStartAndResumeOpensAndRestoresIt() throws Exception {
        Kept kept = keepADraft();

        // the next start: nothing picked, the draft is listed with its names
        BulkEntryScreen second = BulkEntryScreen.showEmpty(robot, session, dataHome);
        Label line = waitingLine();
        assertThat(line.getText())
                .matches("Unsaved scores: \\Q" + kept.title + " · " + kept.cohort
                        + " · 1 student · kept \\E\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        Screenshots.save(stage.getScene(), "bulk-entry-waiting-drafts");

        robot.clickOn(".resume-draft");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> second.model.rows().stream()
                        .anyMatch(row -> row.studentId() == kept.student
                                && row.entryProperty().get().equals("7")));
        assertThat(second.model.cohortProperty().get().name()).isEqualTo(kept.cohort);
        assertThat(second.model.assessmentProperty().get().assessment().title()).isEqualTo(kept.title);
        GridRow restored = second.model.rows().stream()
                .filter(row -> row.studentId() == kept.student)
                .findFirst()
                .orElseThrow();
        assertThat(restored.stateProperty().get()).isEqualTo(RowState.EDITED);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !robot.lookup("#waiting-drafts").query().isVisible());
    }

    @Test
    void discardDeletesTheListedDraft() throws Exception {
        Kept kept = keepADraft();
        Path file = new DraftStore(dataHome).file(kept.cohortId, kept.assessmentId);
        assertThat(file).exists();

        BulkEntryScreen.showEmpty(robot, session, dataHome);
        waitingLine();
        robot.clickOn(".discard-waiting-draft");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.notExists(file));
        assertThat(robot.lookup("#waiting-drafts").query().isVisible()).isFalse();
    }

    private record Kept(String cohort, String title, long cohortId, long assessmentId, long student) {}

    /** Types a score in the first cohort's second assessment, leaving it unsaved in its draft. */
    private Kept keepADraft() throws Exception {
        BulkEntryScreen first = BulkEntryScreen.show(robot, session, dataHome);
        Kept kept = new Kept(
                first.model.cohortProperty().get().name(),
                first.model.assessmentProperty().get().assessment().title(),
                first.model.cohortProperty().get().id(),
                first.model.assessmentId(),
                first.model.rows().get(4).studentId());
        first.clickScoreCell(4);
        robot.write("7").push(KeyCode.ENTER);
        Path draft = new DraftStore(dataHome).file(kept.cohortId, kept.assessmentId);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(draft));
        return kept;
    }

    private Label waitingLine() throws Exception {
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> robot.lookup(".waiting-draft").tryQuery().isPresent());
        return robot.lookup(".waiting-draft").queryAs(Label.class);
    }
}
