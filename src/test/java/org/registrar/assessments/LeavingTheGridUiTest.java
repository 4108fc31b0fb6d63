package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.assessments.data.Cohort;
import org.registrar.assessments.save.Draft;
import org.registrar.assessments.save.DraftStore;
import org.registrar.testing.ClassPicks;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A score half typed when another assessment or cohort is opened reaches the draft of the grid it was typed in. */
class LeavingTheGridUiTest {
    @TempDir
    Path dataHome;

    private final FxRobot robot = new FxRobot();
    private TestSession session;

    @BeforeAll
    static void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
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
    void aHalfTypedScoreIsJournaledWhenAnotherAssessmentIsOpened() throws Exception {
        BulkEntryScreen screen = BulkEntryScreen.show(robot, session, dataHome);
        long cohort = screen.model.cohortProperty().get().id();
        long assessment = screen.model.assessmentId();
        long student = screen.model.rows().get(2).studentId();
        screen.clickScoreCell(2);
        robot.write("13"); // no Enter: the editor is open when the other assessment is picked

        ComboBox<AssessmentChoice> picker = robot.lookup("#assessment-picker").queryAs(ComboBox.class);
        robot.interact(() -> picker.setValue(screen.model.assessments().get(2)));

        assertThat(journaled(cohort, assessment, student)).isEqualTo("13");
    }

    @Test
    void aHalfTypedScoreIsJournaledWhenAnotherCohortIsOpened() throws Exception {
        BulkEntryScreen screen = BulkEntryScreen.show(robot, session, dataHome);
        long cohort = screen.model.cohortProperty().get().id();
        long assessment = screen.model.assessmentId();
        long student = screen.model.rows().get(1).studentId();
        screen.clickScoreCell(1);
        robot.write("8,5");
        // the user opens the class picker and picks another class
        ClassPicks.matching(robot, "#cohort-picker", other -> ((Cohort) other).id() != cohort);

        assertThat(journaled(cohort, assessment, student)).isEqualTo("8,5");
    }

    private String journaled(long cohort, long assessment, long student) throws Exception {
        DraftStore drafts = new DraftStore(dataHome);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> drafts.find(cohort, assessment).isPresent());
        return drafts.find(cohort, assessment).orElseThrow().entries().stream()
                .filter(entry -> entry.studentId() == student)
                .map(Draft.Entry::score)
                .findFirst()
                .orElse(null);
    }
}
