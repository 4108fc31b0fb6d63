package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 item 6 after review: a result's student stays in its assessment's cohort when a save and an admin's class
 * change run at once (V64), and an update or an upsert cannot move a result to a student of another class. Each
 * session is a login of its own in its group role; the owner's handle only sets up and reads back.
 */
class CohortRuleTest {
    private static final String CHECK_VIOLATION = "23514";
    private static final String INTEGRITY_VIOLATION = "23000";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private String name;
    private Jdbi owner;
    private long assessment;
    private long classmate;
    private long otherClassmate;
    private long otherCohort;
    private final List<Database> open = new ArrayList<>();
    private final List<Handle> handles = new ArrayList<>();

    @BeforeEach
    void anAssessmentWithoutResultsAndTwoStudentsOfItsClass() {
        name = TestDatabases.freshDatabase();
        owner = TestDatabases.jdbi(name);
        long cohort = owner.withHandle(handle -> handle.createQuery(
                        "SELECT cohort_id FROM students WHERE cohort_id IS NOT NULL GROUP BY cohort_id"
                                + " HAVING count(*) >= 2 ORDER BY cohort_id LIMIT 1")
                .mapTo(Long.class)
                .one());
        List<Long> students = owner.withHandle(
                handle -> handle.createQuery("SELECT id FROM students WHERE cohort_id = :c ORDER BY id LIMIT 2")
                        .bind("c", cohort)
                        .mapTo(Long.class)
                        .list());
        classmate = students.get(0);
        otherClassmate = students.get(1);
        otherCohort = owner.withHandle(handle -> handle.createQuery("SELECT min(id) FROM cohorts WHERE id <> :c")
                .bind("c", cohort)
                .mapTo(Long.class)
                .one());
        assessment = owner.withHandle(handle -> handle.createQuery("INSERT INTO assessments (cohort_id, title, subject,"
                        + " max_score, assessed_on, created_by) VALUES (:c, 'Race', 'Race', 25, current_date,"
                        + " session_user) RETURNING id")
                .bind("c", cohort)
                .mapTo(Long.class)
                .one());
    }

    @AfterEach
    void close() {
        handles.forEach(Handle::close);
        open.forEach(Database::close);
    }

    // Two sessions at once: the second waits or fails, never do both commit.

    @Test
    void aClassChangeDuringASaveWaitsForItAndIsThenRefused() throws Exception {
        Handle save = session("registrar_staff");
        Handle admin = session("registrar_admin");
        save.begin();
        insertResult(save, classmate);

        CompletableFuture<Void> move = CompletableFuture.runAsync(() -> moveToOtherClass(admin));
        awaitWaitingOrDone(move, "UPDATE assessments");
        save.commit();

        Throwable moved = outcome(move);
        assertThat(sqlState(moved)).as("class change: %s", moved).isEqualTo(CHECK_VIOLATION);
        assertThat(resultsOutsideTheClass()).isZero();
        assertThat(results()).isEqualTo(1);
    }

    @Test
    void aSaveDuringAClassChangeWaitsForItAndIsThenCheckedAgainstTheNewClass() throws Exception {
        Handle save = session("registrar_staff");
        Handle admin = session("registrar_admin");
        admin.begin();
        moveToOtherClass(admin);

        CompletableFuture<Void> insert = CompletableFuture.runAsync(() -> insertResult(save, classmate));
        awaitWaitingOrDone(insert, "INSERT INTO assessment_results");
        admin.commit();

        Throwable saved = outcome(insert);
        assertThat(sqlState(saved)).as("save: %s", saved).isEqualTo(CHECK_VIOLATION);
        assertThat(resultsOutsideTheClass()).isZero();
        assertThat(results()).isZero();
    }

    /**
     * Two saves of one assessment both commit: FOR SHARE does not conflict with FOR SHARE, and the second save, which
     * already waits for the first at the results change stamp (V57), does not deadlock on the assessment now.
     */
    @Test
    void twoSavesOfTheSameAssessmentBothCommit() throws Exception {
        Handle first = session("registrar_staff");
        Handle second = session("registrar_staff");
        first.begin();
        insertResult(first, classmate);

        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            second.begin();
            insertResult(second, otherClassmate);
            second.commit();
        });
        awaitWaitingOrDone(other, "INSERT INTO assessment_results");
        first.commit();

        assertThat(outcome(other)).isNull();
        assertThat(results()).isEqualTo(2);
    }

    // Item 2 of the review: an update cannot move a result into another class (registrar_touch_result, V2).

    @ParameterizedTest
    @ValueSource(strings = {"registrar_staff", "registrar_admin"})
    void anUpdateCannotMoveAResultToAStudentOfAnotherClassOrAnotherAssessment(String groupRole) {
        insertResult(owner, classmate);
        long stranger = strangerToTheClass();
        long otherAssessment = assessmentOfTheOtherClass();
        Handle login = session(groupRole);

        Throwable toStudent = catchThrowable(() -> login.execute(
                "UPDATE assessment_results SET student_id = ? WHERE assessment_id = ? AND student_id = ?",
                stranger,
                assessment,
                classmate));
        Throwable toAssessment = catchThrowable(() -> login.execute(
                "UPDATE assessment_results SET assessment_id = ? WHERE assessment_id = ? AND student_id = ?",
                otherAssessment,
                assessment,
                classmate));

        assertThat(sqlState(toStudent)).as("%s", toStudent).isEqualTo(INTEGRITY_VIOLATION);
        assertThat(sqlState(toAssessment)).as("%s", toAssessment).isEqualTo(INTEGRITY_VIOLATION);
        assertThat(resultsOutsideTheClass()).isZero();
        assertThat(count("SELECT count(*) FROM assessment_results WHERE assessment_id = " + assessment
                        + " AND student_id = " + classmate))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"registrar_staff", "registrar_admin"})
    void anUpsertCannotMoveAResultToAStudentOfAnotherClassOrAnotherAssessment(String groupRole) {
        insertResult(owner, classmate);
        long stranger = strangerToTheClass();
        long otherAssessment = assessmentOfTheOtherClass();
        Handle login = session(groupRole);
        String upsert = "INSERT INTO assessment_results (assessment_id, student_id, score, recorded_by)"
                + " VALUES (?, ?, 5, session_user) ON CONFLICT (assessment_id, student_id) DO UPDATE SET ";

        Throwable toStudent = catchThrowable(
                () -> login.execute(upsert + "student_id = " + stranger + ", score = 6", assessment, classmate));
        Throwable toAssessment = catchThrowable(() ->
                login.execute(upsert + "assessment_id = " + otherAssessment + ", score = 6", assessment, classmate));

        assertThat(sqlState(toStudent)).as("%s", toStudent).isEqualTo(INTEGRITY_VIOLATION);
        assertThat(sqlState(toAssessment)).as("%s", toAssessment).isEqualTo(INTEGRITY_VIOLATION);
        assertThat(resultsOutsideTheClass()).isZero();
        assertThat(count("SELECT count(*) FROM assessment_results WHERE assessment_id = " + assessment
                        + " AND student_id = " + classmate + " AND score = 1"))
                .isEqualTo(1);
    }

    private Handle session(String groupRole) {
        String login = groupRole.replace("registrar_", "c_") + open.size() + "_" + name;
        Database database = TestDatabases.openAs(name, login, groupRole, 1);
        open.add(database);
        Handle handle = database.jdbi().open();
        handles.add(handle);
        return handle;
    }

    private void insertResult(Handle handle, long student) {
        handle.execute(
                "INSERT INTO assessment_results (assessment_id, student_id, score, recorded_by)"
                        + " VALUES (?, ?, 1, session_user)",
                assessment,
                student);
    }

    private void insertResult(Jdbi jdbi, long student) {
        jdbi.useHandle(handle -> insertResult(handle, student));
    }

    private void moveToOtherClass(Handle handle) {
        handle.execute("UPDATE assessments SET cohort_id = ? WHERE id = ?", otherCohort, assessment);
    }

    /** Until the statement waits for a lock, or has ended without waiting (which the outcome then shows). */
    private void awaitWaitingOrDone(CompletableFuture<Void> statement, String start) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!statement.isDone() && System.nanoTime() < deadline) {
            try {
                TestDatabases.awaitLockWait(owner, start, Duration.ofMillis(200));
                return;
            } catch (AssertionError notYet) {
                // not waiting yet: look again
            }
        }
    }

    /** The statement's error, or null when it succeeded (and its transaction, if any, committed). */
    private static Throwable outcome(CompletableFuture<Void> statement) throws Exception {
        try {
            statement.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }

    private long strangerToTheClass() {
        return count("SELECT min(s.id) FROM students s, assessments a WHERE a.id = " + assessment
                + " AND s.cohort_id <> a.cohort_id");
    }

    private long assessmentOfTheOtherClass() {
        return owner.withHandle(handle -> handle.createQuery("INSERT INTO assessments (cohort_id, title, subject,"
                        + " max_score, assessed_on, created_by) VALUES (:c, 'Other', 'Other', 25, current_date,"
                        + " session_user) RETURNING id")
                .bind("c", otherCohort)
                .mapTo(Long.class)
                .one());
    }

    private long results() {
        return count("SELECT count(*) FROM assessment_results WHERE assessment_id = " + assessment);
    }

    private long resultsOutsideTheClass() {
        return count("SELECT count(*) FROM assessment_results r JOIN assessments a ON a.id = r.assessment_id"
                + " JOIN students s ON s.id = r.student_id WHERE a.title IN ('Race', 'Other')"
                + " AND s.cohort_id IS DISTINCT FROM a.cohort_id");
    }

    private long count(String sql) {
        return owner.withHandle(
                handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private static String sqlState(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return "no SQLException in " + error;
    }
}
