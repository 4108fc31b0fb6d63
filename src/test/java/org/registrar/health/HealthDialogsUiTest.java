package org.registrar.health;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.TestDatabases;
import org.registrar.metrics.SampleHistory;
import org.registrar.testing.ScriptedDialogs;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Health screen's questions answered by a scripted dialog service: the CSV goes where it answers, or nowhere;
 * a session is terminated only after the user confirms.
 */
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

    @Test
    @SuppressWarnings("unchecked")
    void terminatingASessionHappensOnlyAfterTheUserConfirms() throws Exception {
        Jdbi other = TestDatabases.jdbi(session.databaseName());
        try (Handle victim = other.open()) {
            int pid = victim.createQuery("SELECT pg_backend_pid()")
                    .mapTo(Integer.class)
                    .one();
            TableView<ServerSession> sessions = robot.lookup("#server-sessions").queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(
                    15, TimeUnit.SECONDS, () -> sessions.getItems().stream().anyMatch(row -> row.pid() == pid));
            dialogs.thenDecline();
            assertThat(terminate(sessions, pid))
                    .as("the button is enabled for a session of our role")
                    .isTrue();
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(dialogs.asked()).hasSize(1);
            assertThat(alive(other, pid)).as("declined: the session lives").isTrue();

            dialogs.thenConfirm();
            assertThat(terminate(sessions, pid)).isTrue();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !alive(other, pid));

            assertThat(dialogs.asked())
                    .containsExactly(
                            "Terminate the session (its open transaction rolls back) pid " + pid + "?",
                            "Terminate the session (its open transaction rolls back) pid " + pid + "?");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChosenSessionStaysChosenWhenAPollRefillsTheList() throws Exception {
        Jdbi other = TestDatabases.jdbi(session.databaseName());
        try (Handle victim = other.open()) {
            int pid = victim.createQuery("SELECT pg_backend_pid()")
                    .mapTo(Integer.class)
                    .one();
            TableView<ServerSession> sessions = robot.lookup("#server-sessions").queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(
                    15, TimeUnit.SECONDS, () -> sessions.getItems().stream().anyMatch(row -> row.pid() == pid));
            ServerSession chosen = WaitForAsyncUtils.asyncFx(() -> {
                        ServerSession row = sessions.getItems().stream()
                                .filter(each -> each.pid() == pid)
                                .findFirst()
                                .orElseThrow();
                        sessions.getSelectionModel().select(row);
                        return row;
                    })
                    .get();

            // the next poll replaces every row with a new one
            WaitForAsyncUtils.waitFor(
                    15, TimeUnit.SECONDS, () -> sessions.getItems().stream().noneMatch(row -> row == chosen));
            WaitForAsyncUtils.waitForFxEvents();

            ServerSession selected = sessions.getSelectionModel().getSelectedItem();
            assertThat(selected).as("still chosen after the poll").isNotNull();
            assertThat(selected.pid()).isEqualTo(pid);
            assertThat(robot.lookup("#terminate-backend").queryButton().isDisabled())
                    .as("Terminate stays enabled")
                    .isFalse();
        }
    }

    /**
     * Chooses the session {@code pid} and presses "Terminate session…" in one FX turn; answers whether the button
     * was enabled.
     */
    private boolean terminate(TableView<ServerSession> sessions, int pid) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
                    sessions.getItems().stream()
                            .filter(row -> row.pid() == pid)
                            .findFirst()
                            .ifPresent(row -> sessions.getSelectionModel().select(row));
                    Button terminate = robot.lookup("#terminate-backend").queryButton();
                    boolean enabled = !terminate.isDisabled();
                    terminate.fire();
                    return enabled;
                })
                .get();
    }

    private static boolean alive(Jdbi jdbi, int pid) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid")
                        .bind("pid", pid)
                        .mapTo(Integer.class)
                        .one())
                == 1;
    }

    private String message() {
        return robot.lookup("#health-message").queryAs(Label.class).getText();
    }
}
