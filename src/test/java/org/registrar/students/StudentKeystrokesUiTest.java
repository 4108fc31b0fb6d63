package org.registrar.students;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.db.TestDatabases;
import org.registrar.dialogs.FxDialogService;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Keys typed into the edit form while the student is still loading reach that student's fields. */
class StudentKeystrokesUiTest {
    private final FxRobot robot = new FxRobot();
    private TestSession session;
    private Jdbi other;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.runLater(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @BeforeEach
    void showScreen() throws Exception {
        session = TestSession.fresh();
        other = TestDatabases.jdbi(session.databaseName());
        var jdbi = session.database().jdbi();
        var tasks = session.fxTasks();
        FxToolkit.setupStage(window -> {
            StudentsView view = new StudentsView(
                    new StudentsViewModel(tasks, new StudentRepository(jdbi)),
                    new StudentEditorViewModel(tasks, new StudentRecordRepository(jdbi)),
                    new StudentExportViewModel(tasks, new StudentExportService(jdbi), Platform::runLater),
                    new FxDialogService(() -> window));
            window.setScene(new Scene(view.root(), 1280, 780));
            window.show();
        });
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> table().getItems().size() == 50
                        && !robot.lookup("#detail-title")
                                .queryAs(Label.class)
                                .getText()
                                .equals("Select a student"));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void aNameTypedWhileTheStudentLoadsIsKeptInThatStudentsField() throws Exception {
        StudentRow second = table().getItems().get(1);
        TextField family = robot.lookup("#edit-family-name").queryAs(TextField.class);
        robot.clickOn("#students-table");
        robot.interact(() -> table().getSelectionModel().clearAndSelect(0));
        try (var blocker = other.open()) {
            blocker.begin();
            blocker.execute("LOCK TABLE students IN ACCESS EXCLUSIVE MODE"); // the next student's load waits
            robot.type(KeyCode.DOWN);
            TestDatabases.awaitLockWait(other, "", Duration.ofSeconds(10));
            robot.type(KeyCode.ENTER);
            robot.write("Zed");
            blocker.rollback();
        }
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> robot.lookup("#detail-title")
                        .queryAs(Label.class)
                        .getText()
                        .contains(second.studentNumber()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(family.getText()).isEqualTo("Zed");
        assertThat(stored(table().getItems().get(0).id()))
                .isEqualTo(table().getItems().get(0).familyName());
    }

    private String stored(long id) {
        return other.withHandle(handle -> handle.createQuery("SELECT family_name FROM students WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .one());
    }

    @SuppressWarnings("unchecked")
    private TableView<StudentRow> table() {
        return robot.lookup("#students-table").queryAs(TableView.class);
    }
}
