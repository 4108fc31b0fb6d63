package org.registrar.health;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.metrics.SampleHistory;
import org.registrar.testing.ScriptedDialogs;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Health screen's file choice made by a scripted dialog service: the CSV goes where it answers, or nowhere. */
class HealthDialogsUiTest {
    @TempDir
    Path folder;

    private final FxRobot robot = new FxRobot();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private TestSession session;
    private Stage stage;

    @BeforeEach
    void show() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        session = TestSession.fresh();
        var tasks = session.fxTasks();
        HealthViewModel model = new HealthViewModel(tasks, new SampleHistory(), session.metrics(), false);
        ServerViewModel server = new ServerViewModel(
                tasks, new ServerActivityRepository(session.database().jdbi()), HealthSettings.DEFAULTS);
        FxToolkit.setupStage(window -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            window.setScene(new Scene(new HealthView(model, server, dialogs).root(), 1280, 800));
            window.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        // detaching the view stops its timelines before the session's pool closes
        WaitForAsyncUtils.asyncFx(() -> stage.setScene(null)).get();
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void theSamplesAreExportedToTheFileTheServiceAnswers() throws Exception {
        Path file = folder.resolve("health.csv");
        dialogs.thenFile(file);

        robot.clickOn("#export-csv");

        assertThat(dialogs.asked()).containsExactly("Export samples as CSV");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message().startsWith("Saved "));
        assertThat(Files.readAllLines(file).get(0)).startsWith("\uFEFFtime,resolution,seconds");
    }

    @Test
    void aCancelledFileChoiceWritesNothing() throws Exception {
        dialogs.thenFile(null);

        robot.clickOn("#export-csv");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.asked()).containsExactly("Export samples as CSV");
        assertThat(message()).isEmpty();
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }

    private String message() {
        return robot.lookup("#health-message").queryAs(Label.class).getText();
    }
}
