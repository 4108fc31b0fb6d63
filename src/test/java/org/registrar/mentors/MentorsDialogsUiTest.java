package org.registrar.mentors;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.cache.CacheSettings;
import org.registrar.cache.ChangeStamps;
import org.registrar.db.TestDatabases;
import org.registrar.testing.ScriptedDialogs;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Mentors screen's questions answered by a scripted dialog service instead of a person clicking in dialogs. */
class MentorsDialogsUiTest {
    private final FxRobot robot = new FxRobot();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private TestSession session;
    private Jdbi other;

    @BeforeEach
    void show() throws Exception {
        session = TestSession.fresh();
        other = TestDatabases.jdbi(session.databaseName());
        FxToolkit.registerPrimaryStage();
        MentorDirectory directory = new MentorDirectory(
                new MentorRepository(session.database().jdbi()),
                new ChangeStamps(session.database().jdbi()),
                new CacheSettings(Duration.ofMinutes(5), Duration.ofSeconds(10), 500));
        MentorsViewModel model = new MentorsViewModel(session.fxTasks(), directory);
        FxToolkit.setupStage(window -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            window.setScene(new Scene(new MentorsView(model, dialogs).root(), 1270, 790));
            window.show();
        });
        // the detail and the table's selection follow the chosen mentor one after the other: wait for both
        waitUntil(() -> !mentors().getItems().isEmpty()
                && !text("#mentor-name").equals("Choose a mentor")
                && mentors().getSelectionModel().getSelectedItem() != null);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void theRenameDialogTheServiceShowsRenamesTheMentor() throws Exception {
        Mentor chosen = mentors().getSelectionModel().getSelectedItem();
        dialogs.thenDialog(dialog -> {
            ((TextField) dialog.getDialogPane().lookup("#rename-family")).setText("Zwanenburg");
            // the first button type is Rename; its button exists once looked up, shown or not
            ((Button) dialog.getDialogPane()
                            .lookupButton(
                                    dialog.getDialogPane().getButtonTypes().get(0)))
                    .fire();
            return null;
        });

        robot.clickOn("#rename-mentor");

        assertThat(dialogs.asked()).containsExactly("Rename mentor");
        waitUntil(() -> text("#mentor-name").equals("Zwanenburg, " + chosen.givenName()));
    }

    @Test
    void decliningTheMoveQuestionKeepsTheStudentsCurrentMentor() throws Exception {
        Mentor target = mentors().getSelectionModel().getSelectedItem();
        Map.Entry<Long, Long> elsewhere = MentorFixtures.assignedElsewhere(other, target.id(), 1)
                .entrySet()
                .iterator()
                .next();
        String number =
                other.withHandle(handle -> handle.createQuery("SELECT student_number FROM students WHERE id = :id")
                        .bind("id", elsewhere.getKey())
                        .mapTo(String.class)
                        .one());
        robot.clickOn("#assign-query").write(number);
        robot.clickOn("#assign-search");
        TableView<?> found = robot.lookup("#candidates").queryAs(TableView.class);
        waitUntil(() -> found.getItems().size() == 1);
        robot.interact(() -> found.getSelectionModel().select(0));
        dialogs.thenDialog(dialog -> false);

        robot.clickOn("#assign-selected");

        assertThat(dialogs.asked()).containsExactly("Move to another mentor?");
        waitUntil(() -> text("#assign-message").equals("Nothing changed: the students keep their mentors."));
        assertThat(MentorFixtures.mentorOf(other, List.of(elsewhere.getKey()))).containsExactly(elsewhere.getValue());
    }

    @SuppressWarnings("unchecked")
    private TableView<Mentor> mentors() {
        return robot.lookup("#mentors-table").queryAs(TableView.class);
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }
}
