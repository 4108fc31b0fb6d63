package org.registrar.mentors;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.app.Screenshots;
import org.registrar.cache.CacheSettings;
import org.registrar.cache.ChangeStamps;
import org.registrar.db.TestDatabases;
import org.registrar.dialogs.FxDialogService;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Mentors screen driven like a user, headless, on a fresh demo database. */
class MentorsUiTest {
    private final FxRobot robot = new FxRobot();
    private TestSession session;
    private Stage stage;
    private MentorsViewModel model;

    @BeforeEach
    void show() throws Exception {
        session = TestSession.fresh();
        stage = FxToolkit.registerPrimaryStage();
        MentorDirectory directory = new MentorDirectory(
                new MentorRepository(session.database().jdbi()),
                new ChangeStamps(session.database().jdbi()),
                new CacheSettings(Duration.ofMinutes(5), Duration.ofSeconds(10), 500));
        model = new MentorsViewModel(session.fxTasks(), directory);
        FxToolkit.setupStage(window -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            window.setScene(new Scene(new MentorsView(model, new FxDialogService(() -> window)).root(), 1270, 790));
            window.show();
        });
        waitUntil(() -> !table("#mentors-table").getItems().isEmpty());
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    /** The row cell showing item {@code index} of a table, once it is laid out (looked up on the FX thread). */
    private javafx.scene.Node row(String table, int index) throws Exception {
        java.util.concurrent.atomic.AtomicReference<javafx.scene.Node> found =
                new java.util.concurrent.atomic.AtomicReference<>();
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> robot.lookup(table + " .table-row-cell")
                        .match((javafx.scene.control.TableRow<?> cell) -> cell.getIndex() == index && !cell.isEmpty())
                        .tryQuery())
                .get()
                .map(node -> {
                    found.set(node);
                    return true;
                })
                .orElse(false));
        return found.get();
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void listFilterOpenAssignAndSeeTheCountsChange() throws Exception {
        TableView<Mentor> mentors = table("#mentors-table");
        int all = mentors.getItems().size();
        assertThat(text("#mentors-summary")).matches(all + " mentors · \\d+ students without a mentor");

        robot.clickOn("#mentor-filter").write("müller");
        waitUntil(() -> mentors.getItems().size() < all);
        assertThat(mentors.getItems())
                .allSatisfy(m -> assertThat(m.familyName()).isEqualTo("Müller"));

        robot.clickOn(row("#mentors-table", 0));
        Mentor chosen = mentors.getItems().get(0);
        waitUntil(() -> text("#mentor-name").equals(chosen.displayName()));
        TableView<RosterEntry> roster = table("#roster");
        waitUntil(() -> roster.getItems().size() == chosen.students());

        robot.clickOn("#without-mentor-only");
        robot.clickOn("#assign-search");
        TableView<RosterEntry> found = table("#candidates");
        waitUntil(() -> !found.getItems().isEmpty());
        assertThat(found.getItems())
                .allSatisfy(entry -> assertThat(entry.mentorId()).isNull());
        long withoutBefore = found.getItems().size();
        robot.clickOn(row("#candidates", 0));
        robot.press(javafx.scene.input.KeyCode.SHIFT);
        robot.clickOn(row("#candidates", 2));
        robot.release(javafx.scene.input.KeyCode.SHIFT);
        assertThat(found.getSelectionModel().getSelectedItems()).hasSize(3);

        robot.clickOn("#assign-selected");

        waitUntil(() -> text("#assign-message").startsWith("3 students assigned to " + chosen.displayName()));
        waitUntil(() -> roster.getItems().size() == chosen.students() + 3);
        waitUntil(() -> mentors.getItems().get(0).students() == chosen.students() + 3);
        waitUntil(() -> found.getItems().size() == withoutBefore - 3);
        assertThat(text("#mentor-facts")).contains((chosen.students() + 3) + " students");
        assertThat(text("#mentors-summary")).endsWith((withoutBefore - 3) + " students without a mentor");
        robot.clickOn(row("#roster", 0));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "mentors");
    }

    @Test
    void typingAClassNameListsTheMentorsOfThatClass() throws Exception {
        TableView<Mentor> mentors = table("#mentors-table");
        Jdbi direct = TestDatabases.jdbi(session.databaseName());
        String cohort = direct.withHandle(h -> h.createQuery("SELECT name FROM cohorts ORDER BY id LIMIT 1")
                .mapTo(String.class)
                .one());
        Set<Long> expected = Set.copyOf(direct.withHandle(h -> h.createQuery("SELECT DISTINCT a.mentor_id"
                        + " FROM mentor_assignments a JOIN students s ON s.id = a.student_id"
                        + " JOIN cohorts c ON c.id = s.cohort_id WHERE c.name = :name")
                .bind("name", cohort)
                .mapTo(Long.class)
                .list()));
        assertThat(expected).isNotEmpty();

        robot.clickOn("#mentor-filter").write(cohort.toLowerCase(java.util.Locale.ROOT));

        waitUntil(() -> mentors.getItems().stream()
                .map(Mentor::id)
                .collect(Collectors.toSet())
                .equals(expected));
    }

    @Test
    void unassigningFromTheRosterMovesStudentsToTheGaps() throws Exception {
        TableView<Mentor> mentors = table("#mentors-table");
        Mentor first = mentors.getItems().get(0);
        waitUntil(() -> table("#roster").getItems().size() == first.students());
        assertThat(first.students()).isPositive();
        robot.clickOn(row("#roster", 0));

        robot.clickOn("#unassign");

        waitUntil(() -> mentors.getItems().get(0).students() == first.students() - 1);
        waitUntil(() -> table("#roster").getItems().size() == first.students() - 1);
    }

    @Test
    void renamingFromTheScreenUpdatesTheListAndTheDetail() throws Exception {
        TableView<Mentor> mentors = table("#mentors-table");
        robot.clickOn(row("#mentors-table", 0));
        Mentor chosen = mentors.getSelectionModel().getSelectedItem();
        waitUntil(() -> text("#mentor-name").equals(chosen.displayName()));

        robot.clickOn("#rename-mentor");
        waitUntil(() -> robot.lookup("#rename-dialog").tryQuery().isPresent());
        robot.clickOn("#rename-family")
                .press(javafx.scene.input.KeyCode.CONTROL)
                .type(javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.CONTROL)
                .write("Zwanenburg");
        Screenshots.save(robot.lookup("#rename-dialog").query().getScene(), "mentors-rename");
        robot.clickOn("#rename-save");

        waitUntil(() -> robot.lookup("#rename-dialog").tryQuery().isEmpty());
        waitUntil(() -> mentors.getItems().stream()
                .anyMatch(m -> m.id() == chosen.id() && m.familyName().equals("Zwanenburg")));
        waitUntil(() -> text("#mentor-name").equals("Zwanenburg, " + chosen.givenName()));
        assertThat(mentors.getItems())
                .noneMatch(m -> m.id() != chosen.id() && m.familyName().equals("Zwanenburg"));
    }

    @Test
    void deactivatingAndActivatingFlipsTheActiveColumn() throws Exception {
        TableView<Mentor> mentors = table("#mentors-table");
        robot.clickOn(row("#mentors-table", 0));
        Mentor chosen = mentors.getSelectionModel().getSelectedItem();
        boolean was = chosen.active();
        assertThat(robot.lookup("#toggle-active")
                        .queryAs(javafx.scene.control.Button.class)
                        .getText()
                        .replace("_", "")) // the mnemonic's mark
                .isEqualTo(was ? "Deactivate" : "Activate");

        robot.clickOn("#toggle-active");
        waitUntil(() -> mentors.getItems().stream().anyMatch(m -> m.id() == chosen.id() && m.active() != was));
        waitUntil(() -> robot.lookup("#toggle-active")
                .queryAs(javafx.scene.control.Button.class)
                .getText()
                .replace("_", "")
                .equals(was ? "Activate" : "Deactivate"));

        robot.clickOn("#toggle-active");
        waitUntil(() -> mentors.getItems().stream().anyMatch(m -> m.id() == chosen.id() && m.active() == was));
    }

    @Test
    void aLoginThatMayNotEditMentorsSeesRenameDisabled() throws Exception {
        robot.clickOn(row("#mentors-table", 0));
        robot.interact(() -> model.allowEditing(false));
        assertThat(robot.lookup("#rename-mentor")
                        .queryAs(javafx.scene.control.Button.class)
                        .isDisabled())
                .isTrue();
        assertThat(robot.lookup("#toggle-active")
                        .queryAs(javafx.scene.control.Button.class)
                        .isDisabled())
                .isTrue();
    }

    @Test
    void assigningAStudentWhoHasAnotherMentorAsksFirstNamingTheCurrentMentor() throws Exception {
        TableView<Mentor> mentors = table("#mentors-table");
        robot.clickOn(row("#mentors-table", 0));
        Mentor chosen = mentors.getItems().get(0);
        waitUntil(() -> text("#mentor-name").equals(chosen.displayName()));

        String number = org.registrar.db.TestDatabases.jdbi(session.databaseName())
                .withHandle(handle -> handle.createQuery("SELECT s.student_number FROM students s"
                                + " JOIN mentor_assignments a ON a.student_id = s.id"
                                + " WHERE a.mentor_id <> :m ORDER BY s.id LIMIT 1")
                        .bind("m", chosen.id())
                        .mapTo(String.class)
                        .one());
        robot.clickOn("#assign-query").write(number);
        robot.clickOn("#assign-search");
        TableView<RosterEntry> found = table("#candidates");
        waitUntil(() -> found.getItems().size() == 1);
        RosterEntry student = found.getItems().get(0);
        assertThat(student.mentorId()).isNotNull().isNotEqualTo(chosen.id());
        robot.clickOn(row("#candidates", 0));
        robot.clickOn("#assign-selected");

        waitUntil(() -> robot.lookup("#move-confirmation").tryQuery().isPresent());
        javafx.scene.control.DialogPane question =
                robot.lookup("#move-confirmation").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(question.getContentText())
                .isEqualTo(student.displayName() + " already has a mentor: " + student.mentorName() + ". Move "
                        + student.displayName() + " from " + student.mentorName() + " to " + chosen.displayName()
                        + "?");
        Screenshots.save(question.getScene(), "mentors-move-question");
        assertThat(currentMentor(student.studentId())).isEqualTo(student.mentorId());
        javafx.scene.Node keep = robot.lookup("#keep-mentor").query();
        robot.interact(keep::requestFocus);
        robot.clickOn(keep);
        waitUntil(() -> text("#assign-message").startsWith("Nothing changed"));
        assertThat(currentMentor(student.studentId())).isEqualTo(student.mentorId());

        robot.clickOn("#assign-selected");
        waitUntil(() -> robot.lookup("#confirm-move").tryQuery().isPresent());
        javafx.scene.Node move = robot.lookup("#confirm-move").query();
        robot.interact(move::requestFocus);
        robot.clickOn(move);
        waitUntil(() -> text("#assign-message").startsWith("1 student assigned to " + chosen.displayName()));
        assertThat(currentMentor(student.studentId())).isEqualTo(chosen.id());
    }

    private Long currentMentor(long studentId) {
        return org.registrar.db.TestDatabases.jdbi(session.databaseName())
                .withHandle(
                        handle -> handle.createQuery("SELECT mentor_id FROM mentor_assignments WHERE student_id = :s")
                                .bind("s", studentId)
                                .mapTo(Long.class)
                                .findOne()
                                .orElse(null));
    }
}
