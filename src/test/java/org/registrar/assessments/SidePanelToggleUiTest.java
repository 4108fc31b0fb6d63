package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.app.Screenshots;
import org.registrar.assessments.grid.GridColumn;
import org.registrar.assessments.grid.GridRow;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The assessments side panel (problems, conflicts, the review of overwrites) can be hidden with a toggle in the
 * toolbar, so the grid gets its width; the choice is remembered for this OS account and the next open keeps it.
 */
class SidePanelToggleUiTest {
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
    void open() throws Exception {
        forget();
        session = TestSession.fresh();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.awaitWorkerIdle();
        session.close();
        forget();
    }

    private static void forget() throws Exception {
        Preferences habits = SidePanel.habits();
        habits.remove(SidePanel.SHOWN);
        habits.flush();
    }

    @Test
    void theToggleHidesThePanelAndTheGridTakesItsWidth() throws Exception {
        BulkEntryScreen screen = BulkEntryScreen.show(robot, session, dataHome);
        ToggleButton toggle = toggle();
        assertThat(toggle.isSelected()).isTrue();
        assertThat(panel().isVisible()).isTrue();
        assertThat(toggle.isMnemonicParsing()).isTrue();
        assertThat(toggle.getText()).isEqualTo("_Problems panel");
        assertThat(toggle.getAccessibleText()).contains("problems panel");
        double before = width(screen);
        double panel = panel().getBoundsInParent().getWidth();

        robot.clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(toggle.isSelected()).isFalse();
        assertThat(panel().isVisible()).isFalse();
        assertThat(panel().isManaged()).isFalse();
        assertThat(width(screen)).isGreaterThanOrEqualTo(before + panel - 1);
        Screenshots.save(robot.window(0).getScene(), "default/en-assessments-panel-hidden");

        robot.clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(panel().isVisible()).isTrue();
        assertThat(width(screen)).isEqualTo(before, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void aHiddenPanelStaysHiddenOnTheNextOpen() throws Exception {
        BulkEntryScreen first = BulkEntryScreen.show(robot, session, dataHome);
        double shown = width(first);
        robot.clickOn(toggle());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(SidePanel.habits().getBoolean(SidePanel.SHOWN, true)).isFalse();

        BulkEntryScreen again = BulkEntryScreen.show(robot, session, dataHome);

        assertThat(toggle().isSelected()).isFalse();
        assertThat(panel().isVisible()).isFalse();
        assertThat(width(again)).isGreaterThan(shown + 100);
    }

    @Test
    void aReviewOfOverwritesShowsAHiddenPanelWithoutChangingTheChoice() throws Exception {
        BulkEntryScreen screen = BulkEntryScreen.show(robot, session, dataHome);
        robot.clickOn(toggle());
        WaitForAsyncUtils.waitForFxEvents();
        GridRow row = screen.model.rows().get(screen.rowWithSavedScore(0));
        String other = "1".equals(row.savedProperty().get()) ? "2" : "1";
        robot.interact(() -> screen.model.grid().edit(row, GridColumn.SCORE, other));

        robot.clickOn("#save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> panel().isVisible());

        assertThat(robot.lookup("#review-list").query().isVisible()).isTrue();
        assertThat(toggle().isSelected()).isTrue();
        assertThat(SidePanel.habits().getBoolean(SidePanel.SHOWN, true)).isFalse();
    }

    private ToggleButton toggle() {
        return robot.lookup("#side-panel-toggle").queryAs(ToggleButton.class);
    }

    private Node panel() {
        return robot.lookup(".side-panel").query();
    }

    private static double width(BulkEntryScreen screen) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
                    screen.grid().getScene().getRoot().applyCss();
                    screen.grid().getScene().getRoot().layout();
                    return screen.grid().getWidth();
                })
                .get(10, TimeUnit.SECONDS);
    }
}
