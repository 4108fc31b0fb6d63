package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The keys of assessment_results to assessments, to the batch ledger (V51, docs/decisions/0021-set-based-result-keys.md)
 * and to students (V53, docs/decisions/0022-bulk-save-writes-once.md), checked once per statement instead of by
 * foreign keys: every guarantee of the foreign keys still holds.
 */
class ResultKeysTest {
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String FEATURE_NOT_SUPPORTED = "0A000";
    private static final String SERIALIZATION_FAILURE = "40001";

    private Jdbi jdbi;
    private long assessment;
    private long student;

    @BeforeEach
    void freshDatabaseWithAnEmptyAssessment() {
        jdbi = TestDatabases.jdbi(TestDatabases.freshDatabase());
        student = jdbi.withHandle(handle -> handle.createQuery("SELECT min(id) FROM students")
                .mapTo(Long.class)
                .one());
        assessment = jdbi.withHandle(handle -> handle.createQuery("INSERT INTO assessments (cohort_id, title, subject,"
                        + " max_score, assessed_on, created_by) SELECT cohort_id, 'Keys', 'Keys', 20, current_date, session_user"
                        + " FROM students WHERE id = :student RETURNING id")
                .bind("student", student)
                .mapTo(Long.class)
                .one());
    }

    @Test
    void resultOfAnUnknownAssessmentIsAForeignKeyViolationNamingTheKey() {
        Throwable error = catchThrowable(() -> jdbi.useHandle(handle -> insertResult(handle, -5, null)));

        assertThat(sqlState(error)).isEqualTo(FOREIGN_KEY_VIOLATION);
        assertThat(error).hasMessageContaining("assessment_results_assessment_id_fkey");
    }

    @Test
    void resultNamingAnUnknownBatchIsAForeignKeyViolation() {
        Throwable error =
                catchThrowable(() -> jdbi.useHandle(handle -> insertResult(handle, assessment, UUID.randomUUID())));

        assertThat(sqlState(error)).isEqualTo(FOREIGN_KEY_VIOLATION);
        assertThat(error).hasMessageContaining("assessment_results_batch_id_fkey");
    }

    @Test
    void updateToAnUnknownBatchIsAForeignKeyViolation() {
        jdbi.useHandle(handle -> insertResult(handle, assessment, null));

        Throwable error = catchThrowable(() -> jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE assessment_results" + " SET score = 3, batch_id = :batch WHERE assessment_id = :a")
                .bind("batch", UUID.randomUUID())
                .bind("a", assessment)
                .execute()));

        assertThat(sqlState(error)).isEqualTo(FOREIGN_KEY_VIOLATION);
    }

    @Test
    void staffSaveResultsOfAKnownBatchThroughTheCheck() {
        UUID batch = UUID.randomUUID();
        jdbi.useTransaction(handle -> {
            handle.execute("SET LOCAL ROLE registrar_staff");
            ledger(handle, batch);
            insertResult(handle, assessment, batch);
        });

        assertThat(count("SELECT count(*) FROM assessment_results WHERE batch_id = '" + batch + "'"))
                .isEqualTo(1);
    }

    @Test
    void deletingAnAssessmentDeletesItsResultsAndRecordsTheirHistory() {
        jdbi.useHandle(handle -> insertResult(handle, assessment, null));

        jdbi.useHandle(handle -> handle.execute("DELETE FROM assessments WHERE id = ?", assessment));

        assertThat(count("SELECT count(*) FROM assessment_results WHERE assessment_id = " + assessment))
                .isZero();
        assertThat(count("SELECT count(*) FROM result_history WHERE operation = 'delete' AND assessment_id = "
                        + assessment))
                .isEqualTo(1);
    }

    @Test
    void deletingALedgerRowThatResultsNameIsRefused() {
        UUID batch = UUID.randomUUID();
        jdbi.useTransaction(handle -> {
            ledger(handle, batch);
            insertResult(handle, assessment, batch);
        });

        Throwable error = catchThrowable(
                () -> jdbi.useHandle(handle -> handle.execute("DELETE FROM saved_batches WHERE id = ?", batch)));

        assertThat(sqlState(error)).isEqualTo(FOREIGN_KEY_VIOLATION);
    }

    @Test
    void deletingAnAssessmentAboveReadCommittedIsRefused() {
        Throwable error = catchThrowable(() -> jdbi.useTransaction(handle -> {
            handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            handle.execute("DELETE FROM assessments WHERE id = ?", assessment);
        }));

        assertThat(sqlState(error)).isEqualTo(FEATURE_NOT_SUPPORTED);
        assertThat(count("SELECT count(*) FROM assessments WHERE id = " + assessment))
                .isEqualTo(1);
    }

    @Test
    void aDeleteWaitingForAConcurrentSaveAlsoDeletesWhatThatSaveCommitted() throws Exception {
        CompletableFuture<Void> delete;
        try (Handle saver = jdbi.open()) {
            saver.begin();
            insertResult(saver, assessment, null);
            delete = CompletableFuture.runAsync(
                    () -> jdbi.useHandle(handle -> handle.execute("DELETE FROM assessments WHERE id = ?", assessment)));
            awaitLockWait();
            assertThat(delete).isNotDone();
            saver.commit();
        }
        delete.get(30, TimeUnit.SECONDS);

        assertThat(count("SELECT count(*) FROM assessment_results r WHERE NOT EXISTS"
                        + " (SELECT FROM assessments a WHERE a.id = r.assessment_id)"))
                .isZero();
    }

    @Test
    void resultOfAnUnknownStudentIsAForeignKeyViolationNamingTheKey() {
        Throwable error = catchThrowable(() -> jdbi.useHandle(handle -> insertResult(handle, assessment, -7, null)));

        assertThat(sqlState(error)).isEqualTo(FOREIGN_KEY_VIOLATION);
        assertThat(error).hasMessageContaining("assessment_results_student_id_fkey");
    }

    @Test
    void deletingAStudentWithResultsIsRefusedAndOneWithoutIsDeleted() {
        jdbi.useHandle(handle -> insertResult(handle, assessment, null));
        long unscored = newStudent();

        Throwable error = catchThrowable(
                () -> jdbi.useHandle(handle -> handle.execute("DELETE FROM students WHERE id = ?", student)));
        jdbi.useHandle(handle -> handle.execute("DELETE FROM students WHERE id = ?", unscored));

        assertThat(sqlState(error)).isEqualTo(FOREIGN_KEY_VIOLATION);
        assertThat(count("SELECT count(*) FROM students WHERE id = " + student)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM students WHERE id = " + unscored))
                .isZero();
    }

    @Test
    void aStudentDeleteWaitsForASaveInFlightAndThenRefuses() throws Exception {
        long newcomer = newStudent();
        CompletableFuture<Void> delete;
        try (Handle saver = jdbi.open()) {
            saver.begin();
            insertResult(saver, assessment, newcomer, null);
            delete = CompletableFuture.runAsync(
                    () -> jdbi.useHandle(handle -> handle.execute("DELETE FROM students WHERE id = ?", newcomer)));
            awaitLockWait("DELETE FROM students");
            assertThat(delete).isNotDone();
            saver.commit();
        }

        Throwable error = catchThrowable(() -> delete.get(30, TimeUnit.SECONDS));

        assertThat(sqlState(error)).isEqualTo(FOREIGN_KEY_VIOLATION);
        assertThat(count("SELECT count(*) FROM assessment_results r WHERE NOT EXISTS"
                        + " (SELECT FROM students s WHERE s.id = r.student_id)"))
                .isZero();
    }

    @Test
    void aRepeatableReadSaveOfAStudentDeletedSinceItsSnapshotFails() {
        long leaving = newStudent();
        Throwable error;
        try (Handle saver = jdbi.open()) {
            saver.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
            saver.createQuery("SELECT count(*) FROM students").mapTo(Long.class).one();
            jdbi.useHandle(handle -> handle.execute("DELETE FROM students WHERE id = ?", leaving));
            error = catchThrowable(() -> insertResult(saver, assessment, leaving, null));
            saver.execute("ROLLBACK");
        }

        assertThat(sqlState(error)).isEqualTo(SERIALIZATION_FAILURE);
        assertThat(count("SELECT count(*) FROM assessment_results WHERE student_id = " + leaving))
                .isZero();
    }

    @Test
    void deletingAnAssessmentWhileASaveCreatesOneDoesNotDeadlock() throws Exception {
        jdbi.useHandle(handle -> insertResult(handle, assessment, null));
        CompletableFuture<Void> delete;
        try (Handle saver = jdbi.open()) {
            saver.begin();
            long created = saver.createQuery("INSERT INTO assessments (cohort_id, title, subject, max_score,"
                            + " assessed_on, created_by) SELECT cohort_id, 'New', 'New', 20, current_date, session_user"
                            + " FROM students WHERE id = :student RETURNING id")
                    .bind("student", student)
                    .mapTo(Long.class)
                    .one();
            delete = CompletableFuture.runAsync(
                    () -> jdbi.useHandle(handle -> handle.execute("DELETE FROM assessments WHERE id = ?", assessment)));
            awaitLockWait("DELETE FROM assessments");
            insertResult(saver, created, null); // the save's second statement: the results stamp
            saver.commit();
        }
        delete.get(30, TimeUnit.SECONDS);

        assertThat(count("SELECT count(*) FROM assessments WHERE id = " + assessment))
                .isZero();
        assertThat(count("SELECT count(*) FROM assessment_results WHERE assessment_id = " + assessment))
                .isZero();
    }

    private long newStudent() {
        return jdbi.withHandle(handle -> handle.createQuery("INSERT INTO students (student_number, family_name,"
                        + " given_name, cohort_id) SELECT 'K-' || :student, 'Keys', 'New', cohort_id FROM students"
                        + " WHERE id = :student RETURNING id")
                .bind("student", student)
                .mapTo(Long.class)
                .one());
    }

    private void awaitLockWait() throws InterruptedException {
        awaitLockWait("DELETE FROM assessments");
    }

    private void awaitLockWait(String statementStart) throws InterruptedException {
        TestDatabases.awaitLockWait(jdbi, statementStart, Duration.ofSeconds(5));
    }

    private void insertResult(Handle handle, long assessmentId, UUID batch) {
        insertResult(handle, assessmentId, student, batch);
    }

    private void insertResult(Handle handle, long assessmentId, long studentId, UUID batch) {
        handle.createUpdate("INSERT INTO assessment_results (assessment_id, student_id, score, recorded_by, batch_id)"
                        + " VALUES (:a, :s, 5, session_user, CAST(:batch AS uuid))")
                .bind("a", assessmentId)
                .bind("s", studentId)
                .bind("batch", batch)
                .execute();
    }

    private void ledger(Handle handle, UUID batch) {
        handle.createUpdate("INSERT INTO saved_batches (id, kind, assessment_id, row_count, saved_by)"
                        + " VALUES (:batch, 'results', :a, 1, session_user)")
                .bind("batch", batch)
                .bind("a", assessment)
                .execute();
    }

    private long count(String sql) {
        return jdbi.withHandle(
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
