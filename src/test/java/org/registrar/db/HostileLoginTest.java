package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.data.ScoreRejected;

/**
 * Issue 13, items 4-6: a staff or admin login with psql against the database's own rules. Each test runs as a login of
 * its own in the group role, as a person at a school PC would. The owner's handle only sets up and reads back.
 */
class HostileLoginTest {
    private static final String CHECK_VIOLATION = "23514";

    private String name;
    private Jdbi owner;
    private String schema;
    private long assessment;
    private long student;
    private final List<Database> open = new ArrayList<>();

    @BeforeEach
    void anAssessmentOutOf25WithOneScoredResult() {
        name = TestDatabases.freshDatabase();
        owner = TestDatabases.jdbi(name);
        schema = owner.withHandle(handle -> handle.createQuery("SELECT current_schema()")
                .mapTo(String.class)
                .one());
        student = owner.withHandle(
                handle -> handle.createQuery("SELECT min(id) FROM students WHERE cohort_id IS NOT NULL")
                        .mapTo(Long.class)
                        .one());
        assessment = owner.withHandle(handle -> handle.createQuery("INSERT INTO assessments (cohort_id, title, subject,"
                        + " max_score, assessed_on, created_by) SELECT cohort_id, 'Hostile', 'Hostile', 25, current_date,"
                        + " session_user FROM students WHERE id = :student RETURNING id")
                .bind("student", student)
                .mapTo(Long.class)
                .one());
        owner.useHandle(handle -> handle.execute(
                "INSERT INTO assessment_results (assessment_id, student_id, score, recorded_by)"
                        + " VALUES (?, ?, 20, session_user)",
                assessment,
                student));
    }

    @AfterEach
    void close() {
        open.forEach(Database::close);
    }

    /** A login of its own in {@code groupRole} (staff or admin), connected through the app's pool; its name. */
    private Database loginAs(String groupRole) {
        String login = groupRole.replace("registrar_", "h_") + "_" + name;
        Database database = TestDatabases.openAs(name, login, groupRole, 1);
        open.add(database);
        return database;
    }

    private static String login(Database database) {
        return database.profile().user();
    }

    // Item 4: a temporary table cannot stand in for a table a trigger reads.

    @ParameterizedTest
    @ValueSource(strings = {"registrar_staff", "registrar_admin"})
    void temporaryTablesNamedLikeTheSchemasDoNotFoolTheScoreCheck(String groupRole) {
        Database login = loginAs(groupRole);

        Throwable error = catchThrowable(() -> login.jdbi().useHandle(handle -> {
            for (String shadow :
                    List.of("assessments", "students", "saved_batches", "result_history", "change_stamps")) {
                handle.execute("CREATE TEMP TABLE " + shadow + " (id bigint, max_score numeric, cohort_id bigint)");
            }
            handle.execute("INSERT INTO assessments VALUES (?, 100000, null)", assessment);
            handle.execute(
                    "UPDATE " + schema
                            + ".assessment_results SET score = 9999 WHERE assessment_id = ? AND student_id = ?",
                    assessment,
                    student);
        }));

        assertThat(sqlState(error)).isEqualTo(CHECK_VIOLATION);
        assertThat(error).hasMessageContaining("above the maximum score 25.00");
        assertThat(storedScore()).isEqualTo("20.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"registrar_staff", "registrar_admin"})
    void aTemporaryAssessmentsTableDoesNotFoolTheCheckOfANewResult(String groupRole) {
        long other = newStudentInTheSameCohort();
        Database login = loginAs(groupRole);

        Throwable error = catchThrowable(() -> login.jdbi().useHandle(handle -> {
            handle.execute("CREATE TEMP TABLE assessments (id bigint, max_score numeric, cohort_id bigint)");
            handle.execute("INSERT INTO assessments VALUES (?, 100000, null)", assessment);
            handle.execute(
                    "INSERT INTO " + schema + ".assessment_results (assessment_id, student_id, score, recorded_by)"
                            + " VALUES (?, ?, 9999, session_user)",
                    assessment,
                    other);
        }));

        assertThat(sqlState(error)).isEqualTo(CHECK_VIOLATION);
    }

    /** Catches functions added later too: each names its search_path, or has a body bound when it was created. */
    @Test
    void everyFunctionOfTheSchemaPinsItsSearchPathWithTheTemporarySchemaLast() {
        List<Map<String, Object>> functions =
                owner.withHandle(handle -> handle.createQuery("SELECT p.oid::regprocedure::text AS function,"
                                + " (SELECT c FROM unnest(p.proconfig) c WHERE c LIKE 'search\\_path=%') AS path,"
                                + " p.prosqlbody IS NOT NULL AS bound, p.prosecdef AS definer,"
                                + " pg_get_userbyid(p.proowner) AS owner"
                                + " FROM pg_proc p"
                                + " WHERE p.pronamespace = current_schema()::regnamespace"
                                + " AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass"
                                + "                 AND d.objid = p.oid AND d.deptype = 'e')"
                                + " ORDER BY 1")
                        .mapToMap()
                        .list());

        assertThat(functions).isNotEmpty();
        for (Map<String, Object> function : functions) {
            String path = (String) function.get("path");
            // Every function, bound body or not, belongs to the owner role (a login's own function could be swapped).
            assertThat(function.get("owner"))
                    .as("owner of %s", function.get("function"))
                    .isEqualTo("registrar_owner");
            if (Boolean.TRUE.equals(function.get("bound"))) {
                // A SQL-standard body (RETURN ...) resolved every name when it was created, so it needs no pinned
                // path; it must then not run as its owner either, where a path set by the caller could matter.
                assertThat(function.get("definer"))
                        .as("SECURITY DEFINER of %s", function.get("function"))
                        .isEqualTo(false);
                continue;
            }
            assertThat(path)
                    .as("search_path of %s", function.get("function"))
                    .isEqualTo("search_path=pg_catalog, " + schema + ", pg_temp");
        }
    }

    // Item 5: who did it is the login, whatever the client writes.

    @ParameterizedTest
    @ValueSource(strings = {"registrar_staff", "registrar_admin"})
    void aForgedRecordedByDoesNotReachTheRowOrTheHistory(String groupRole) {
        Database login = loginAs(groupRole);

        login.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE assessment_results SET score = 21, recorded_by = 'adam' WHERE assessment_id = ? AND student_id = ?",
                        assessment,
                        student));
        login.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE assessment_results SET recorded_by = 'adam' WHERE assessment_id = ? AND student_id = ?",
                        assessment,
                        student));

        assertThat(recordedBy()).isEqualTo(login(login));
        assertThat(historyBy("update")).containsExactly(login(login));
    }

    @ParameterizedTest
    @ValueSource(strings = {"registrar_staff", "registrar_admin"})
    void aNewResultNamingAnotherRecorderIsRefused(String groupRole) {
        long other = newStudentInTheSameCohort();
        Database login = loginAs(groupRole);

        Throwable error = catchThrowable(() -> login.jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO assessment_results (assessment_id, student_id, score, recorded_by) VALUES (?, ?, 3, 'adam')",
                        assessment,
                        other)));

        assertThat(sqlState(error)).isEqualTo(CHECK_VIOLATION);
        assertThat(count("SELECT count(*) FROM assessment_results WHERE recorded_by = 'adam'"))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"registrar_staff", "registrar_admin"})
    void aLedgerRowNamingAnotherSaverIsRefusedAndOneNamingNobodyGetsTheLogin(String groupRole) {
        Database login = loginAs(groupRole);
        UUID forged = UUID.randomUUID();
        UUID plain = UUID.randomUUID();

        Throwable error = catchThrowable(() -> login.jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO saved_batches (id, kind, row_count, saved_by) VALUES (?, 'results', 0, 'adam')",
                        forged)));
        login.jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO saved_batches (id, kind, row_count) VALUES (?, 'results', 0)", plain));

        assertThat(sqlState(error)).isEqualTo(CHECK_VIOLATION);
        assertThat(count("SELECT count(*) FROM saved_batches WHERE saved_by = 'adam'"))
                .isZero();
        String savedBy =
                owner.withHandle(handle -> handle.createQuery("SELECT saved_by FROM saved_batches WHERE id = :id")
                        .bind("id", plain)
                        .mapTo(String.class)
                        .one());
        assertThat(savedBy).isEqualTo(login(login));
    }

    @ParameterizedTest
    @ValueSource(strings = {"registrar_staff", "registrar_admin"})
    void aSettingTheClientSetsDoesNotNameTheWriter(String groupRole) {
        Database login = loginAs(groupRole);

        login.jdbi().useTransaction(handle -> {
            handle.execute("SELECT set_config('registrar.user', 'alice', true)");
            handle.execute(
                    "UPDATE assessment_results SET score = 22, recorded_by = registrar_session_user()"
                            + " WHERE assessment_id = ? AND student_id = ?",
                    assessment,
                    student);
        });

        assertThat(recordedBy()).isEqualTo(login(login));
        assertThat(historyBy("update")).containsExactly(login(login));
    }

    @ParameterizedTest
    @ValueSource(strings = {"registrar_admin"}) // staff may not delete results at all (AccessRolesTest)
    void aDeleteAfterSettingAnotherUserRecordsTheLogin(String groupRole) {
        Database login = loginAs(groupRole);

        login.jdbi().useTransaction(handle -> {
            handle.execute("SELECT set_config('registrar.user', 'alice', true)");
            handle.execute(
                    "DELETE FROM assessment_results WHERE assessment_id = ? AND student_id = ?", assessment, student);
        });

        assertThat(historyBy("delete")).containsExactly(login(login));
    }

    @ParameterizedTest
    @ValueSource(strings = {"registrar_staff", "registrar_admin"})
    void aMentorAssignmentIsByTheLoginWhateverItNames(String groupRole) {
        long unassigned =
                owner.withHandle(handle -> handle.createQuery("SELECT min(id) FROM students s WHERE NOT EXISTS"
                                + " (SELECT FROM mentor_assignments a WHERE a.student_id = s.id)")
                        .mapTo(Long.class)
                        .one());
        long assigned = owner.withHandle(handle -> handle.createQuery("SELECT min(student_id) FROM mentor_assignments")
                .mapTo(Long.class)
                .one());
        Database login = loginAs(groupRole);

        Throwable error = catchThrowable(() -> login.jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO mentor_assignments (student_id, mentor_id, assigned_by) VALUES (?, 1, 'adam')",
                        unassigned)));
        login.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE mentor_assignments SET mentor_id = CASE mentor_id WHEN 1 THEN 2 ELSE 1 END, assigned_by = 'adam'"
                                + " WHERE student_id = ?",
                        assigned));

        assertThat(sqlState(error)).isEqualTo(CHECK_VIOLATION);
        assertThat(count("SELECT count(*) FROM mentor_assignments WHERE assigned_by = 'adam'"))
                .isZero();
        String assignedBy = owner.withHandle(
                handle -> handle.createQuery("SELECT assigned_by FROM mentor_assignments WHERE student_id = :s")
                        .bind("s", assigned)
                        .mapTo(String.class)
                        .one());
        assertThat(assignedBy).isEqualTo(login(login));
    }

    @Test
    void anAssessmentIsCreatedByTheLoginAndItsCreatorDoesNotChange() {
        Database admin = loginAs("registrar_admin");

        Throwable forged = catchThrowable(() -> admin.jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO assessments (cohort_id, title, subject, max_score, assessed_on, created_by)"
                                + " VALUES (1, 'Forged', 'Maths', 10, current_date, 'adam')")));
        admin.jdbi()
                .useHandle(handle ->
                        handle.execute("INSERT INTO assessments (cohort_id, title, subject, max_score, assessed_on)"
                                + " VALUES (1, 'Plain', 'Maths', 10, current_date)"));
        Throwable moved = catchThrowable(() -> admin.jdbi()
                .useHandle(handle ->
                        handle.execute("UPDATE assessments SET created_by = session_user WHERE id = ?", assessment)));

        assertThat(sqlState(forged)).isEqualTo(CHECK_VIOLATION);
        assertThat(sqlState(moved)).isEqualTo(CHECK_VIOLATION);
        assertThat(count("SELECT count(*) FROM assessments WHERE title = 'Plain' AND created_by = '" + login(admin)
                        + "'"))
                .isEqualTo(1);
    }

    // Item 6: a result's student is in the assessment's cohort.

    @ParameterizedTest
    @ValueSource(strings = {"registrar_staff", "registrar_admin"})
    void aResultForAStudentOfAnotherCohortIsRefused(String groupRole) {
        long stranger = owner.withHandle(handle -> handle.createQuery("SELECT min(s.id) FROM students s, assessments a"
                        + " WHERE a.id = :a AND s.cohort_id <> a.cohort_id")
                .bind("a", assessment)
                .mapTo(Long.class)
                .one());
        long unplaced = newStudentInCohort(null);
        Database login = loginAs(groupRole);

        for (long outsider : List.of(stranger, unplaced)) {
            Throwable error = catchThrowable(() -> login.jdbi()
                    .useHandle(handle -> handle.execute(
                            "INSERT INTO assessment_results (assessment_id, student_id, score, recorded_by)"
                                    + " VALUES (?, ?, 3, session_user)",
                            assessment,
                            outsider)));

            assertThat(sqlState(error)).as("student %s", outsider).isEqualTo(CHECK_VIOLATION);
            assertThat(error).hasMessageContaining("is not in the cohort");
        }
        assertThat(count("SELECT count(*) FROM assessment_results WHERE assessment_id = " + assessment))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"registrar_staff", "registrar_admin"})
    void aStudentWhoChangedCohortKeepsTheirResultsAndTheyCanStillBeCorrected(String groupRole) {
        owner.useHandle(handle -> handle.execute(
                "UPDATE students SET cohort_id = (SELECT min(id) FROM cohorts WHERE id <> students.cohort_id)"
                        + " WHERE id = ?",
                student));
        Database login = loginAs(groupRole);

        login.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE assessment_results SET score = 24, recorded_by = session_user"
                                + " WHERE assessment_id = ? AND student_id = ?",
                        assessment,
                        student));

        assertThat(storedScore()).isEqualTo("24.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"registrar_staff", "registrar_admin"})
    void theAppsSaveOfAStudentOfAnotherCohortIsRefusedAtThatStudentsRow(String groupRole) {
        long stranger = owner.withHandle(handle -> handle.createQuery("SELECT min(s.id) FROM students s, assessments a"
                        + " WHERE a.id = :a AND s.cohort_id <> a.cohort_id")
                .bind("a", assessment)
                .mapTo(Long.class)
                .one());
        long classmate = newStudentInTheSameCohort();
        ResultsRepository results = new ResultsRepository(loginAs(groupRole).jdbi());

        Throwable error = catchThrowable(() -> results.save(SaveRequest.existing(
                UUID.randomUUID(),
                assessment,
                List.of(
                        new ResultChange(classmate, BigDecimal.ONE, false, null, null),
                        new ResultChange(stranger, BigDecimal.ONE, false, null, null)))));

        assertThat(error).isInstanceOf(ScoreRejected.class).hasMessageContaining("is not in the cohort");
        assertThat(((ScoreRejected) error).studentId()).isEqualTo(stranger);
        assertThat(count("SELECT count(*) FROM assessment_results WHERE assessment_id = " + assessment))
                .isEqualTo(1);
    }

    @Test
    void anAssessmentWithResultsStaysWithItsClass() {
        Database admin = loginAs("registrar_admin");

        Throwable moved = catchThrowable(() -> admin.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE assessments SET cohort_id = (SELECT min(id) FROM cohorts WHERE id <> assessments.cohort_id)"
                                + " WHERE id = ?",
                        assessment)));
        admin.jdbi()
                .useHandle(
                        handle -> handle.execute("UPDATE assessments SET title = 'Renamed' WHERE id = ?", assessment));

        assertThat(sqlState(moved)).isEqualTo(CHECK_VIOLATION);
        assertThat(count("SELECT count(*) FROM assessments a JOIN students s ON s.cohort_id = a.cohort_id"
                        + " WHERE a.id = " + assessment + " AND s.id = " + student + " AND a.title = 'Renamed'"))
                .isEqualTo(1);
    }

    private long newStudentInTheSameCohort() {
        return newStudentInCohort(
                owner.withHandle(handle -> handle.createQuery("SELECT cohort_id FROM students WHERE id = :s")
                        .bind("s", student)
                        .mapTo(Long.class)
                        .one()));
    }

    private long newStudentInCohort(Long cohort) {
        return owner.withHandle(handle -> handle.createQuery("INSERT INTO students (student_number, family_name,"
                        + " given_name, cohort_id) VALUES ('H-' || nextval(pg_get_serial_sequence('students', 'id')),"
                        + " 'Hostile', 'New', :cohort) RETURNING id")
                .bind("cohort", cohort)
                .mapTo(Long.class)
                .one());
    }

    private String storedScore() {
        return owner.withHandle(handle -> handle.createQuery(
                        "SELECT score::text FROM assessment_results WHERE assessment_id = :a AND student_id = :s")
                .bind("a", assessment)
                .bind("s", student)
                .mapTo(String.class)
                .one());
    }

    private String recordedBy() {
        return owner.withHandle(handle -> handle.createQuery(
                        "SELECT recorded_by FROM assessment_results WHERE assessment_id = :a AND student_id = :s")
                .bind("a", assessment)
                .bind("s", student)
                .mapTo(String.class)
                .one());
    }

    private List<String> historyBy(String operation) {
        return owner.withHandle(handle -> handle.createQuery("SELECT changed_by FROM result_history"
                        + " WHERE assessment_id = :a AND student_id = :s AND operation = :op ORDER BY id")
                .bind("a", assessment)
                .bind("s", student)
                .bind("op", operation)
                .mapTo(String.class)
                .list());
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
