package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.app.Screenshots;
import org.registrar.db.Database;
import org.registrar.db.Privileges;
import org.registrar.db.PrivilegesRepository;
import org.registrar.db.TestDatabases;
import org.registrar.tasks.Tasks;
import org.registrar.testing.ClassPicks;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Assessments screen for a staff login, its privileges read from the server: staff enter results but may not
 * create assessments, so "New assessment" is disabled (with a tooltip saying why) and not offered in the list.
 */
class RoleAwareUiTest {
    private final java.util.concurrent.ExecutorService worker =
            java.util.concurrent.Executors.newSingleThreadExecutor();

    @TempDir
    Path dataHome;

    private static Stage stage;
    private final FxRobot robot = new FxRobot();
    private Database staff;

    @BeforeAll
    static void stage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @BeforeEach
    void open() {
        String name = TestDatabases.freshDatabase();
        String login = "ui_staff_" + name;
        staff = TestDatabases.openAs(name, login, "registrar_staff", 2);
    }

    @AfterEach
    void close() {
        worker.shutdownNow();
        staff.close();
    }

    @Test
    void staffSeeNewAssessmentDisabledAndMayStillSaveResults() throws Exception {
        Privileges privileges = new PrivilegesRepository(staff.jdbi()).load();
        Tasks tasks =
                new Tasks(worker, javafx.application.Platform::runLater, staff.queryMetrics(), new Tasks.Observer() {
                    @Override
                    public void succeeded() {}

                    @Override
                    public void failed(Throwable error) {}
                });
        BulkEntryView view = BulkEntryScreen.create(tasks, staff, dataHome, privileges);
        FxToolkit.setupStage(window -> {
            window.setScene(new Scene(view.root(), 1260, 740));
            window.show();
        });
        ClassPicks.first(robot, "#cohort-picker");
        ComboBox<AssessmentChoice> assessments =
                robot.lookup("#assessment-picker").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> !assessments.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        Button create = robot.lookup("#new-assessment").queryAs(Button.class);
        assertThat(create.isDisabled()).isTrue();
        assertThat(assessments.getItems()).noneMatch(AssessmentChoice::isNew);
        robot.interact(() -> assessments.setValue(assessments.getItems().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#save").queryAs(Button.class).isDisabled()).isFalse();
        Screenshots.save(create.getScene(), "assessments-staff");
    }
}
