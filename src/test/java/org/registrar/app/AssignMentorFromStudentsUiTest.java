package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.registrar.cache.CacheSettings;
import org.registrar.cache.ChangeStamps;
import org.registrar.db.TestDatabases;
import org.registrar.dialogs.FxDialogService;
import org.registrar.mentors.Mentor;
import org.registrar.mentors.MentorChooser;
import org.registrar.mentors.MentorChooserViewModel;
import org.registrar.mentors.MentorDirectory;
import org.registrar.mentors.MentorRepository;
import org.registrar.students.StudentEditorViewModel;
import org.registrar.students.StudentExportService;
import org.registrar.students.StudentExportViewModel;
import org.registrar.students.StudentRecordRepository;
import org.registrar.students.StudentRepository;
import org.registrar.students.StudentRow;
import org.registrar.students.StudentsView;
import org.registrar.students.StudentsViewModel;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Assign mentor…" on the Students screen, wired as MainWindow wires it: the selected ids go to the mentors'
 * chooser, and the page shows the new mentor afterwards.
 */
class AssignMentorFromStudentsUiTest {
    private static Stage stage;
    private final FxRobot robot = new FxRobot();
    private TestSession session;
    private MentorDirectory directory;

    @BeforeAll
    static void startToolkit() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        Platform.runLater(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    private void showScreen(boolean permitted) throws Exception {
        session = TestSession.fresh();
        var jdbi = session.database().jdbi();
        var tasks = session.fxTasks();
        directory = new MentorDirectory(
                new MentorRepository(jdbi),
                new ChangeStamps(jdbi),
                new CacheSettings(Duration.ofMinutes(5), Duration.ofSeconds(10), 500));
        FxToolkit.setupStage(window -> {
            FxDialogService dialogs = new FxDialogService(() -> window);
            StudentsView view = new StudentsView(
                    new StudentsViewModel(tasks, new StudentRepository(jdbi)),
                    new StudentEditorViewModel(tasks, new StudentRecordRepository(jdbi)),
                    new StudentExportViewModel(tasks, new StudentExportService(jdbi), Platform::runLater),
                    dialogs);
            view.offerMentorAssignment(
                    (ids, assigned) ->
                            MentorChooser.show(dialogs, new MentorChooserViewModel(tasks, directory, ids), assigned),
                    permitted);
            window.setScene(new Scene(view.root(), 1280, 780));
            window.show();
        });
        waitUntil(() -> table().getItems().size() == 50);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void assignsTheSelectedStudentsAndTheMentorColumnChanges() throws Exception {
        showScreen(true);
        robot.clickOn(row(0));
        robot.press(KeyCode.SHIFT).clickOn(row(2)).release(KeyCode.SHIFT);
        List<StudentRow> chosen = List.copyOf(table().getSelectionModel().getSelectedItems());
        assertThat(chosen).hasSize(3);
        Mentor target = directory.mentors().stream()
                .filter(Mentor::active)
                .filter(m -> chosen.stream().noneMatch(s -> Long.valueOf(m.id()).equals(s.mentorId())))
                .findFirst()
                .orElseThrow();

        pickInTheChooser(target);
        Screenshots.save(robot.lookup("#mentor-chooser").query().getScene(), "students-assign-mentor");
        robot.clickOn("#chooser-assign");
        if (chosen.stream().anyMatch(row -> row.mentorId() != null)) {
            // students who have a mentor are moved only once the user agrees
            waitUntil(() -> robot.lookup("#confirm-move").tryQuery().isPresent());
            Node move = robot.lookup("#confirm-move").query();
            robot.interact(move::requestFocus);
            robot.clickOn(move);
        }

        waitUntil(() -> robot.lookup("#mentor-chooser").tryQuery().isEmpty());
        waitUntil(() -> table().getItems().stream()
                .filter(row -> chosen.stream().anyMatch(c -> c.id() == row.id()))
                .allMatch(row -> target.displayName().equals(row.mentorName())));
        assertThat(robot.lookup("#students-notice").queryAs(Label.class).getText())
                .startsWith("3 students assigned to " + target.displayName());
        List<Long> stored = TestDatabases.jdbi(session.databaseName())
                .withHandle(handle -> handle.createQuery(
                                "SELECT student_id FROM mentor_assignments WHERE mentor_id = :mentor")
                        .bind("mentor", target.id())
                        .mapTo(Long.class)
                        .list());
        assertThat(stored).containsAll(chosen.stream().map(StudentRow::id).toList());
        Screenshots.save(stage.getScene(), "students-after-assign");
    }

    @Test
    void movingAStudentWhoHasAMentorAsksFirstNamingTheCurrentMentor() throws Exception {
        showScreen(true);
        int index = 0;
        while (table().getItems().get(index).mentorId() == null) {
            index++;
        }
        robot.clickOn(row(index));
        StudentRow student = table().getItems().get(index);
        Mentor target = directory.mentors().stream()
                .filter(Mentor::active)
                .filter(m -> !Long.valueOf(m.id()).equals(student.mentorId()))
                .findFirst()
                .orElseThrow();

        pickInTheChooser(target);
        robot.clickOn("#chooser-assign");

        waitUntil(() -> robot.lookup("#move-confirmation").tryQuery().isPresent());
        javafx.scene.control.DialogPane question =
                robot.lookup("#move-confirmation").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(question.getContentText())
                .contains("already has a mentor: " + student.mentorName() + ".")
                .endsWith(" to " + target.displayName() + "?");
        assertThat(storedMentor(student.id())).isEqualTo(student.mentorId());
        Node move = robot.lookup("#confirm-move").query();
        robot.interact(move::requestFocus);
        robot.clickOn(move);

        waitUntil(() -> robot.lookup("#mentor-chooser").tryQuery().isEmpty());
        assertThat(storedMentor(student.id())).isEqualTo(target.id());
    }

    /** Failed before: the pane's student was read twice after an assignment (the first answer was dropped). */
    @Test
    void theDetailPaneReadsItsStudentOnceAfterAnAssignment() throws Exception {
        showScreen(true);
        robot.clickOn(row(0));
        StudentRow student = table().getItems().get(0);
        waitUntil(() ->
                robot.lookup("#detail-facts").queryAs(Label.class).getText().contains(mentorShown(student)));
        session.awaitWorkerIdle();
        Mentor target = directory.mentors().stream()
                .filter(Mentor::active)
                .filter(m -> !Long.valueOf(m.id()).equals(student.mentorId()))
                .findFirst()
                .orElseThrow();
        long opensBefore = opens();

        pickInTheChooser(target);
        robot.clickOn("#chooser-assign");
        if (student.mentorId() != null) {
            waitUntil(() -> robot.lookup("#confirm-move").tryQuery().isPresent());
            Node move = robot.lookup("#confirm-move").query();
            robot.interact(move::requestFocus);
            robot.clickOn(move);
        }
        waitUntil(() -> robot.lookup("#mentor-chooser").tryQuery().isEmpty());
        waitUntil(() ->
                robot.lookup("#detail-facts").queryAs(Label.class).getText().contains(target.displayName()));
        session.awaitWorkerIdle();

        assertThat(opens() - opensBefore).isEqualTo(1);
    }

    /** How many times a student was read for the detail pane ("Open student" runs in QueryMetrics). */
    private long opens() {
        return session.metrics().operations().stream()
                .filter(stats -> stats.operation().equals("Open student"))
                .mapToLong(stats -> stats.runs())
                .sum();
    }

    private static String mentorShown(StudentRow student) {
        return student.mentorName() == null ? "" : student.mentorName();
    }

    private Long storedMentor(long studentId) {
        return TestDatabases.jdbi(session.databaseName())
                .withHandle(
                        handle -> handle.createQuery("SELECT mentor_id FROM mentor_assignments WHERE student_id = :s")
                                .bind("s", studentId)
                                .mapTo(Long.class)
                                .findOne()
                                .orElse(null));
    }

    @Test
    void aLoginThatMayNotAssignMentorsSeesTheActionDisabled() throws Exception {
        showScreen(false);
        robot.clickOn(row(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#students-assign-mentor").queryAs(Button.class).isDisabled())
                .isTrue();
        assertThat(table().getContextMenu()).isNull();
    }

    @SuppressWarnings("unchecked")
    private TableView<StudentRow> table() {
        return robot.lookup("#students-table").queryAs(TableView.class);
    }

    private Node row(int index) throws Exception {
        AtomicReference<Node> found = new AtomicReference<>();
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> robot.lookup("#students-table .table-row-cell")
                        .match((TableRow<?> cell) -> cell.getIndex() == index && !cell.isEmpty())
                        .tryQuery())
                .get()
                .map(node -> {
                    found.set(node);
                    return true;
                })
                .orElse(false));
        return found.get();
    }

    /** "Assign mentor…", then {@code target} found by its email in the chooser and selected (not yet assigned). */
    @SuppressWarnings("unchecked")
    private void pickInTheChooser(Mentor target) throws Exception {
        robot.clickOn("#students-assign-mentor");
        waitUntil(() -> robot.lookup("#chooser-mentors").tryQuery().isPresent());
        ListView<Mentor> mentors = robot.lookup("#chooser-mentors").queryAs(ListView.class);
        waitUntil(() -> !mentors.getItems().isEmpty());
        robot.clickOn("#chooser-filter").write(target.email());
        waitUntil(() -> mentors.getItems().size() == 1);
        robot.clickOn(cell(target));
    }

    private Node cell(Mentor mentor) throws Exception {
        AtomicReference<Node> found = new AtomicReference<>();
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> robot.lookup("#chooser-mentors .list-cell")
                        .match((ListCell<?> cell) -> mentor.equals(cell.getItem()))
                        .tryQuery())
                .get()
                .map(node -> {
                    found.set(node);
                    return true;
                })
                .orElse(false));
        return found.get();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }
}
