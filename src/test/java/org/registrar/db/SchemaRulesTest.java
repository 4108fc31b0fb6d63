package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules the database enforces whatever the client does: checks, triggers, versions, stamps and roles. */
class SchemaRulesTest {
    private static final String CHECK_VIOLATION = "23514";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private Jdbi jdbi;
    private long assessmentId;
    private long studentId;

    @BeforeEach
    void freshDatabaseWithOneScoredResult() {
        jdbi = TestDatabases.jdbi(TestDatabases.freshDatabase());
        Map<String, Object> result = jdbi.withHandle(handle -> handle.createQuery("SELECT r.assessment_id, r.student_id"
                        + " FROM assessment_results r JOIN assessments a ON a.id = r.assessment_id"
                        + " WHERE r.score IS NOT NULL AND a.max_score = 20 ORDER BY 1, 2 LIMIT 1")
                .mapToMap()
                .one());
        assessmentId = (Long) result.get("assessment_id");
        studentId = (Long) result.get("student_id");
    }

    @Test
    void scoreAboveTheMaximumIsACheckViolationNamingTheMaximum() {
        Throwable error = catchThrowable(() -> setScore("20.5"));

        assertThat(sqlState(error)).isEqualTo(CHECK_VIOLATION);
        assertThat(error).hasMessageContaining("above the maximum score 20.00");
    }

    @Test
    void negativeScoreIsACheckViolation() {
        assertThat(sqlState(catchThrowable(() -> setScore("-1")))).isEqualTo(CHECK_VIOLATION);
    }

    @Test
    void scoreEqualToTheMaximumIsAccepted() {
        setScore("20");

        assertThat(result().get("score")).isEqualTo(new BigDecimal("20.00"));
    }

    @Test
    void loweringAMaximumBelowARecordedScoreIsACheckViolation() {
        setScore("18");

        Throwable error = catchThrowable(() ->
                jdbi.useHandle(handle -> handle.createUpdate("UPDATE assessments SET max_score = 10 WHERE id = :id")
                        .bind("id", assessmentId)
                        .execute()));

        assertThat(sqlState(error)).isEqualTo(CHECK_VIOLATION);
    }

    @Test
    void changedResultRecordsItsInsertThenTheUpdateWithOldAndNewScoreAndBumpsTheVersion() {
        Map<String, Object> first = result();
        BigDecimal oldScore = (BigDecimal) first.get("score");
        BigDecimal newScore =
                oldScore.compareTo(new BigDecimal("10")) == 0 ? new BigDecimal("11.00") : new BigDecimal("10.00");
        assertThat(first.get("version")).isEqualTo(1);

        setScore(newScore.toPlainString());

        List<Map<String, Object>> history = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT operation, old_score, new_score, changed_by, changed_at FROM result_history"
                                + " WHERE assessment_id = :a AND student_id = :s ORDER BY changed_at, id")
                .bind("a", assessmentId)
                .bind("s", studentId)
                .mapToMap()
                .list());
        assertThat(history).hasSize(2);
        assertThat(history.get(0))
                .containsEntry("operation", "insert")
                .containsEntry("old_score", null)
                .containsEntry("new_score", oldScore)
                .containsEntry("changed_by", first.get("recorded_by"));
        assertThat(history.get(0).get("changed_at")).isEqualTo(first.get("recorded_at"));
        assertThat(history.get(1))
                .containsEntry("operation", "update")
                .containsEntry("old_score", oldScore)
                .containsEntry("new_score", newScore)
                .containsEntry("changed_by", "postgres"); // the login, whatever recorded_by the writer named
        assertThat(result().get("version")).isEqualTo(2);
    }

    @Test
    void aSecondChangeRecordsOnlyItself() {
        setScore("10.00");
        setScore("11.00");
        long before = historyRows();

        setScore("12.00");

        assertThat(historyRows()).isEqualTo(before + 1);
    }

    @Test
    void aNewResultNamingAVersionOtherThanOneIsRefused() {
        assertThat(sqlState(insertNewResultWith("version", "2"))).isEqualTo(CHECK_VIOLATION);
    }

    @Test
    void aNewResultNamingAnotherTimeThanNowIsRefused() {
        assertThat(sqlState(insertNewResultWith("recorded_at", "now() - interval '1 day'")))
                .isEqualTo(CHECK_VIOLATION);
    }

    /** Inserts a first result for a student without one, naming {@code column} as {@code value}; the error, if any. */
    private Throwable insertNewResultWith(String column, String value) {
        return catchThrowable(() -> jdbi.useHandle(handle -> handle.execute(
                "INSERT INTO assessment_results (assessment_id, student_id, score, recorded_by, " + column + ")"
                        + " SELECT ?, s.id, 1, session_user, " + value + " FROM students s"
                        + " WHERE NOT EXISTS (SELECT FROM assessment_results r WHERE r.student_id = s.id"
                        + " AND r.assessment_id = ?) LIMIT 1",
                assessmentId,
                assessmentId)));
    }

    @Test
    void aWriterSettingVersionOrTimeItselfGetsWhatTheDatabaseWouldSet() {
        Map<String, Object> before = result();
        jdbi.useHandle(handle -> handle.execute(
                "UPDATE assessment_results SET score = score + 0.5, version = 99, recorded_at = now() - interval '2 days'"
                        + " WHERE assessment_id = ? AND student_id = ?",
                assessmentId,
                studentId));
        Map<String, Object> changed = result();
        jdbi.useHandle(handle -> handle.execute(
                "UPDATE assessment_results SET version = version + 1, recorded_at = now()"
                        + " WHERE assessment_id = ? AND student_id = ?",
                assessmentId,
                studentId));

        assertThat(changed.get("version")).isEqualTo(2);
        boolean recent = jdbi.withHandle(handle -> handle.createQuery("SELECT recorded_at > now() - interval '1 hour'"
                        + " FROM assessment_results WHERE assessment_id = :a AND student_id = :s")
                .bind("a", assessmentId)
                .bind("s", studentId)
                .mapTo(Boolean.class)
                .one());
        assertThat(recent)
                .as("recorded_at is the time of the change, not the one the writer named")
                .isTrue();
        assertThat(result()).isEqualTo(changed); // no content change: version and stamps kept
    }

    @Test
    void unchangedUpdateWritesNoHistoryAndKeepsTheVersion() {
        Map<String, Object> before = result();

        setScore(((BigDecimal) before.get("score")).toPlainString());

        assertThat(historyRows()).isZero();
        assertThat(result()).isEqualTo(before);
    }

    @Test
    void insertedAndDeletedResultsAreRecorded() {
        jdbi.useHandle(handle -> {
            handle.createUpdate("DELETE FROM assessment_results WHERE assessment_id = :a AND student_id = :s")
                    .bind("a", assessmentId)
                    .bind("s", studentId)
                    .execute();
            handle.createUpdate("INSERT INTO assessment_results (assessment_id, student_id, score, recorded_by)"
                            + " VALUES (:a, :s, 12, session_user)")
                    .bind("a", assessmentId)
                    .bind("s", studentId)
                    .execute();
        });

        String operations = jdbi.withHandle(handle -> handle.createQuery("SELECT string_agg(operation, ','"
                        + " ORDER BY id) FROM result_history WHERE assessment_id = :a AND student_id = :s")
                .bind("a", assessmentId)
                .bind("s", studentId)
                .mapTo(String.class)
                .one());
        // the deleted row's insert event moved into the history before its delete; the new row holds its own insert
        assertThat(operations).isEqualTo("insert,delete");
        assertThat(result()).containsEntry("version", 1).containsEntry("recorded_by", "postgres");
    }

    @Test
    void duplicateStudentNumberIsAUniqueViolation() {
        Throwable error = catchThrowable(() -> jdbi.useHandle(handle -> handle.execute(
                "INSERT INTO students (student_number, family_name, given_name) VALUES ('S0000001', 'Doe', 'Jo')")));

        assertThat(sqlState(error)).isEqualTo(UNIQUE_VIOLATION);
    }

    @Test
    void studentEditBumpsVersionAndUpdatedAtButANoOpEditDoesNot() {
        jdbi.useHandle(handle -> handle.execute("UPDATE students SET status = status WHERE id = 1"));
        assertThat(studentVersion()).isEqualTo(1);

        jdbi.useHandle(handle -> handle.execute("UPDATE students SET email = 'new.address@example.org' WHERE id = 1"));
        assertThat(studentVersion()).isEqualTo(2);
    }

    @Test
    void changeStampBumpsWhenMentorAssignmentsChange() {
        long before = stamp("mentor_assignments");
        long mentorsBefore = stamp("mentors");

        jdbi.useHandle(handle -> handle.execute("UPDATE mentor_assignments SET mentor_id = 1, assigned_by = 'tester'"
                + " WHERE student_id = (SELECT min(student_id) FROM mentor_assignments WHERE mentor_id <> 1)"));

        assertThat(stamp("mentor_assignments")).isEqualTo(before + 1);
        assertThat(stamp("mentors")).isEqualTo(mentorsBefore);
    }

    @Test
    void resultsStampBumpsOncePerWritingStatementAndLeavesTheMentorsTablesStampsAlone() {
        long before = stamp("assessment_results");
        long mentorsTables = stamp("mentors") + stamp("mentor_assignments") + stamp("students") + stamp("cohorts");

        jdbi.useHandle(
                handle -> handle.execute("UPDATE assessment_results SET comment = 'checked', recorded_by = 'tester'"
                        + " WHERE assessment_id = " + assessmentId));
        jdbi.useHandle(handle -> handle.execute("DELETE FROM assessment_results WHERE assessment_id = " + assessmentId
                + " AND student_id = " + studentId));

        assertThat(stamp("assessment_results")).isEqualTo(before + 2);
        assertThat(stamp("mentors") + stamp("mentor_assignments") + stamp("students") + stamp("cohorts"))
                .isEqualTo(mentorsTables);
    }

    @Test
    void staffWritingResultsMoveTheResultsStampButCannotWriteStampsThemselves() {
        long before = stamp("assessment_results");

        asRole(
                "registrar_staff",
                handle -> handle.execute("UPDATE assessment_results SET score = 1, recorded_by = 'staff'"
                        + " WHERE assessment_id = " + assessmentId + " AND student_id = " + studentId));

        assertThat(stamp("assessment_results")).isEqualTo(before + 1);
        assertThat(
                        sqlState(
                                catchThrowable(
                                        () -> asRole(
                                                "registrar_staff",
                                                handle -> handle.execute(
                                                        "UPDATE change_stamps SET stamp = stamp + 1 WHERE table_name = 'assessment_results'")))))
                .isEqualTo(INSUFFICIENT_PRIVILEGE);
    }

    @Test
    void groupRolesExistWithoutLogin() {
        String groupRoles = jdbi.withHandle(handle -> handle.createQuery("SELECT string_agg(rolname, ','"
                        + " ORDER BY rolname) FROM pg_roles WHERE rolname LIKE 'registrar\\_%' AND NOT rolcanlogin")
                .mapTo(String.class)
                .one());
        assertThat(groupRoles).isEqualTo("registrar_admin,registrar_owner,registrar_staff,registrar_support");
    }

    @Test
    void staffEnterResultsButCannotChangeAssessments() {
        asRole(
                "registrar_staff",
                handle -> handle.execute(
                        "UPDATE assessment_results SET score = 1, recorded_by = 'staff' WHERE assessment_id = "
                                + assessmentId));

        assertThat(sqlState(catchThrowable(() -> asRole(
                        "registrar_staff",
                        handle -> handle.execute("UPDATE assessments SET max_score = 50 WHERE id = " + assessmentId)))))
                .isEqualTo(INSUFFICIENT_PRIVILEGE);
    }

    @Test
    void staffMayEditProfilesAndMentorAssignmentsButNotStudentNumbers() {
        asRole("registrar_staff", handle -> {
            handle.execute("UPDATE students SET family_name = 'Öztürk', status = 'on_leave' WHERE id = 1");
            handle.execute("UPDATE mentor_assignments SET mentor_id = 2, assigned_by = 'staff' WHERE student_id ="
                    + " (SELECT min(student_id) FROM mentor_assignments)");
        });

        assertThat(sqlState(catchThrowable(() -> asRole(
                        "registrar_staff",
                        handle -> handle.execute("UPDATE students SET student_number = 'X1' WHERE id = 1")))))
                .isEqualTo(INSUFFICIENT_PRIVILEGE);
    }

    @Test
    void adminRecordsResultsAndTheHistoryIsWrittenOnItsBehalf() {
        asRole(
                "registrar_admin",
                handle -> handle.execute(
                        "UPDATE assessment_results SET score = 1," + " recorded_by = 'admin' WHERE assessment_id = "
                                + assessmentId + " AND student_id = " + studentId));

        assertThat(historyRows()).isEqualTo(2); // the generated row's insert, then the admin's update
        assertThat(sqlState(catchThrowable(
                        () -> asRole("registrar_admin", handle -> handle.execute("DELETE FROM result_history")))))
                .isEqualTo(INSUFFICIENT_PRIVILEGE);
    }

    @Test
    void supportSeesNoPersonalData() {
        assertThat(sqlState(catchThrowable(
                        () -> asRole("registrar_support", handle -> handle.execute("SELECT * FROM students")))))
                .isEqualTo(INSUFFICIENT_PRIVILEGE);
        // the name marks (V72) are folded student names
        assertThat(sqlState(catchThrowable(() ->
                        asRole("registrar_support", handle -> handle.execute("SELECT * FROM student_name_marks")))))
                .isEqualTo(INSUFFICIENT_PRIVILEGE);
        asRole("registrar_support", handle -> handle.execute("SELECT * FROM change_stamps"));
    }

    private void setScore(String score) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE assessment_results SET score = CAST(:score AS numeric),"
                        + " recorded_by = 'tester' WHERE assessment_id = :a AND student_id = :s")
                .bind("score", score)
                .bind("a", assessmentId)
                .bind("s", studentId)
                .execute());
    }

    private Map<String, Object> result() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT score, version, recorded_by, recorded_at"
                        + " FROM assessment_results WHERE assessment_id = :a AND student_id = :s")
                .bind("a", assessmentId)
                .bind("s", studentId)
                .mapToMap()
                .one());
    }

    private long historyRows() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM result_history")
                .mapTo(Long.class)
                .one());
    }

    private int studentVersion() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT version FROM students WHERE id = 1")
                .mapTo(Integer.class)
                .one());
    }

    private long stamp(String table) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT stamp FROM change_stamps WHERE table_name = :t")
                .bind("t", table)
                .mapTo(Long.class)
                .one());
    }

    /** Runs {@code work} in a transaction as {@code role}; SET LOCAL ROLE ends with the transaction. */
    private void asRole(String role, Consumer<Handle> work) {
        jdbi.useTransaction(handle -> {
            handle.execute("SET LOCAL ROLE " + role);
            work.accept(handle);
        });
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
