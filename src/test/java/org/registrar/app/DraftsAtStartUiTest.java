package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.assessments.save.Draft;
import org.registrar.assessments.save.DraftStore;
import org.registrar.db.Privileges;
import org.registrar.db.TestDatabases;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Scores kept in a draft by an earlier session are shown at start: the window opens on Assessments listing them. */
class DraftsAtStartUiTest {
    @TempDir
    Path dataHome;

    private static Stage stage;
    private final FxRobot robot = new FxRobot();
    private TestSession session;
    private MainWindow window;
    private AppContext context;

    @BeforeAll
    static void stage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> window.dispose());
        FxToolkit.cleanupStages();
        context.close();
        session.close();
    }

    @Test
    void aWaitingDraftIsListedAtStart() throws Exception {
        session = TestSession.fresh();
        var fixture = TestDatabases.jdbi(session.databaseName());
        long[] ids = fixture.withHandle(handle -> handle.createQuery(
                        "SELECT a.cohort_id, a.id, s.id FROM assessments a JOIN students s ON s.cohort_id = a.cohort_id"
                                + " ORDER BY a.id, s.id LIMIT 1")
                .map((rows, context) -> new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)})
                .one());
        String title = fixture.withHandle(handle -> handle.createQuery("SELECT title FROM assessments WHERE id = :id")
                .bind("id", ids[1])
                .mapTo(String.class)
                .one());
        new DraftStore(dataHome)
                .save(new Draft(
                        UUID.randomUUID(),
                        ids[0],
                        ids[1],
                        null,
                        Instant.now(),
                        List.of(new Draft.Entry(ids[2], "5", null, null))));
        context = new AppContext(
                null,
                session.database(),
                TestDatabases.jdbcUrl(session.databaseName()),
                "test",
                null,
                dataHome,
                Privileges.ALL);

        FxToolkit.setupStage(stage -> {
            window = new MainWindow(context, () -> {});
            stage.setScene(new Scene(window.root(), 1280, 780));
            stage.show();
        });

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> robot.lookup(".waiting-draft").tryQuery().isPresent());
        assertThat(robot.lookup(".waiting-draft").queryAs(Label.class).getText())
                .startsWith("Unsaved scores: " + title + " · ")
                .contains(" · 1 student · kept ");
        Screenshots.save(stage.getScene(), "start-with-waiting-drafts");
    }
}
