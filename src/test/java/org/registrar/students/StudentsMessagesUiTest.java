package org.registrar.students;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.app.Screenshots;
import org.registrar.db.TestDatabases;
import org.registrar.dialogs.FxDialogService;
import org.registrar.tasks.Tasks;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** What the Students screen says and shows after loading, filtering, saving and refreshing; headless. */
class StudentsMessagesUiTest {
    private static Stage stage;
    private final FxRobot robot = new FxRobot();
    private TestSession session;
    private Jdbi other;

    @BeforeAll
    static void startToolkit() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        Platform.runLater(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        other = TestDatabases.jdbi(session.databaseName());
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    private void show(Tasks tasks) throws Exception {
        var jdbi = session.database().jdbi();
        FxToolkit.setupStage(window -> {
            StudentsView view = new StudentsView(
                    new StudentsViewModel(tasks, new StudentRepository(jdbi)),
                    new StudentEditorViewModel(tasks, new StudentRecordRepository(jdbi)),
                    new StudentExportViewModel(tasks, new StudentExportService(jdbi), Platform::runLater),
                    new FxDialogService(() -> window));
            window.setScene(new Scene(view.root(), 1280, 780));
            window.show();
        });
    }

    private void showLoaded() throws Exception {
        show(session.fxTasks());
        waitUntil(() -> table().getItems().size() == 50 && detailLoaded());
    }

    @Test
    void saysLoadingWhileTheFirstPageIsOnItsWay() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Executor worker = work -> {
            Thread thread = new Thread(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                work.run();
            });
            thread.setDaemon(true);
            thread.start();
        };
        show(new Tasks(worker, Platform::runLater, session.metrics(), new Tasks.Observer() {
            @Override
            public void succeeded() {}

            @Override
            public void failed(Throwable error) {}
        }));
        WaitForAsyncUtils.waitForFxEvents();
        try {
            assertThat(placeholder()).isEqualTo("Loading…");
            Screenshots.save(stage.getScene(), "students-loading");
        } finally {
            release.countDown();
        }
        waitUntil(() -> table().getItems().size() == 50);

        robot.clickOn("#students-search").write("Zzzzz");
        waitUntil(() -> table().getItems().isEmpty() && placeholder().equals("No students match."));
    }

    @Test
    void theStatusFilterReadsAsTheTableDoes() throws Exception {
        showLoaded();
        robot.clickOn("#filter-status");
        robot.clickOn("on leave");
        waitUntil(() -> text("#students-count").matches("\\d+ students?")
                && !table().getItems().isEmpty()
                && table().getItems().stream().allMatch(row -> row.status().equals("on_leave")));

        ComboBox<?> filter = robot.lookup("#filter-status").queryAs(ComboBox.class);
        assertThat(filter.getValue()).isEqualTo("on_leave");
        assertThat(robot.from(filter)
                        .lookup(".list-cell")
                        .queryAs(ListCell.class)
                        .getText())
                .isEqualTo("on leave");
        assertThat(robot.lookup("on_leave").tryQuery()).isEmpty();
        Screenshots.save(stage.getScene(), "students-filter-on-leave");
    }

    @Test
    void aSavedStudentShowsInItsRowAtOnceAndStaysSelected() throws Exception {
        showLoaded();
        robot.clickOn("#page-next");
        waitUntil(() -> text("#page-position").equals("Page 2 of 12"));
        StudentRow chosen = table().getItems().get(4);
        robot.interact(() -> {
            table().getSelectionModel().clearAndSelect(4);
            table().scrollTo(4);
        });
        waitUntil(() ->
                robot.lookup("#detail-title").queryAs(Label.class).getText().contains(chosen.studentNumber()));

        robot.doubleClickOn("#edit-family-name").eraseText(40).write("Renamed");
        robot.clickOn("#save-student");
        waitUntil(() ->
                robot.lookup("#detail-message").queryAs(Label.class).getText().equals("Saved."));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table().getItems().get(4).id()).isEqualTo(chosen.id());
        assertThat(table().getItems().get(4).familyName()).isEqualTo("Renamed");
        assertThat(table().getSelectionModel().getSelectedItem().id()).isEqualTo(chosen.id());
        assertThat(text("#page-position")).isEqualTo("Page 2 of 12");
        Screenshots.save(stage.getScene(), "students-saved-in-place");
    }

    @Test
    void refreshKeepsThePageAndTheSelection() throws Exception {
        showLoaded();
        robot.clickOn("#page-next");
        waitUntil(() -> text("#page-position").equals("Page 2 of 12"));
        robot.clickOn("#page-next");
        waitUntil(() -> text("#page-position").equals("Page 3 of 12"));
        StudentRow chosen = table().getItems().get(3);
        robot.interact(() -> table().getSelectionModel().clearAndSelect(3));
        waitUntil(() ->
                robot.lookup("#detail-title").queryAs(Label.class).getText().contains(chosen.studentNumber()));
        other.useHandle(handle -> handle.execute(
                "INSERT INTO students (student_number, family_name, given_name) VALUES ('N1', 'Zz', 'New')"));

        robot.clickOn("#students-refresh");
        waitUntil(() -> text("#students-count").equals("601 students"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text("#page-position")).isEqualTo("Page 3 of 13");
        assertThat(table().getItems().get(3).id()).isEqualTo(chosen.id());
        assertThat(table().getSelectionModel().getSelectedItem().id()).isEqualTo(chosen.id());
    }

    private String placeholder() {
        return ((Label) table().getPlaceholder()).getText();
    }

    private boolean detailLoaded() {
        return robot.lookup("#detail-title")
                .tryQueryAs(Label.class)
                .map(label -> !label.getText().equals("Select a student"))
                .orElse(false);
    }

    @SuppressWarnings("unchecked")
    private TableView<StudentRow> table() {
        return robot.lookup("#students-table").queryAs(TableView.class);
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
