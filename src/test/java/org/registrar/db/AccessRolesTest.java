package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveOutcome;
import org.registrar.assessments.data.SaveRequest;

/** Per-user logins in the group roles: each may do exactly what docs/schema.md says, and hears "not permitted" otherwise. */
class AccessRolesTest {
    private String name;
    private final List<Database> open = new ArrayList<>();

    @BeforeEach
    void database() {
        name = TestDatabases.freshDatabase();
    }

    @AfterEach
    void close() {
        open.forEach(Database::close);
    }

    /** A login of its own in {@code groupRole}, connected through the app's pool. */
    private Database loginAs(String groupRole) {
        String login = groupRole.replace("registrar_", "u_") + "_" + name;
        Database database = TestDatabases.openAs(name, login, groupRole, 1);
        open.add(database);
        return database;
    }

    private static void denied(Database database, String sql) {
        assertThatThrownBy(() -> database.jdbi().useHandle(handle -> handle.execute(sql)))
                .as(sql)
                .satisfies(error -> {
                    assertThat(DatabaseErrors.classify(error)).isEqualTo(DatabaseErrors.Kind.DENIED);
                    assertThat(DatabaseErrors.describe("Save results", error))
                            .startsWith("“Save results” is not permitted for your database login: permission denied");
                });
    }

    private static int run(Database database, String sql) {
        return database.jdbi().withHandle(handle -> handle.execute(sql));
    }

    @Test
    void tablesBelongToTheNologinOwnerRole() {
        List<String> owners = TestDatabases.jdbi(name)
                .withHandle(handle -> handle.createQuery(
                                "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = current_schema() "
                                        + "AND tablename <> 'flyway_schema_history'")
                        .mapTo(String.class)
                        .list());
        boolean ownerCanLogIn = TestDatabases.jdbi(name)
                .withHandle(handle -> handle.createQuery(
                                "SELECT rolcanlogin OR rolbypassrls FROM pg_roles WHERE rolname = 'registrar_owner'")
                        .mapTo(Boolean.class)
                        .one());

        assertThat(owners).containsExactly("registrar_owner");
        assertThat(ownerCanLogIn).isFalse();
    }

    @Test
    void staffReadStudentsAndMentorsAndEnterResultsButNotAssessments() {
        Database staff = loginAs("registrar_staff");

        long readable = staff.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT (SELECT count(*) FROM students) + (SELECT count(*) FROM mentors)")
                        .mapTo(Long.class)
                        .one());
        assertThat(readable).isPositive();
        assertThat(
                        run(
                                staff,
                                "UPDATE assessment_results SET comment = 'checked', recorded_by = current_user "
                                        + "WHERE (assessment_id, student_id) IN (SELECT assessment_id, student_id FROM assessment_results LIMIT 1)"))
                .isEqualTo(1);
        assertThat(run(staff, "UPDATE students SET given_name = given_name WHERE id = 1"))
                .isEqualTo(1);
        denied(
                staff,
                "INSERT INTO assessments (cohort_id, title, subject, max_score, assessed_on, created_by) "
                        + "VALUES (1, 'Quiz', 'Maths', 10, current_date, current_user)");
        denied(staff, "UPDATE students SET student_number = 'X1' WHERE id = 1");
        denied(staff, "DELETE FROM students WHERE id = 1");
    }

    @Test
    void staffSaveNewAndChangedResultsThroughTheAppWhichMovesTheResultsStamp() {
        Jdbi owner = TestDatabases.jdbi(name);
        List<Map<String, Object>> rows = owner.withHandle(
                handle -> handle.createQuery("SELECT assessment_id, student_id, version FROM assessment_results"
                                + " WHERE assessment_id = (SELECT min(assessment_id) FROM assessment_results)"
                                + " ORDER BY student_id LIMIT 2")
                        .mapToMap()
                        .list());
        long assessment = (Long) rows.get(0).get("assessment_id");
        long fresh = (Long) rows.get(0).get("student_id");
        long changed = (Long) rows.get(1).get("student_id");
        owner.useHandle(handle -> handle.execute(
                "DELETE FROM assessment_results WHERE assessment_id = ? AND student_id = ?", assessment, fresh));
        long stampBefore = resultsStamp(owner);
        Database staff = loginAs("registrar_staff");
        ResultsRepository results = new ResultsRepository(staff.jdbi());

        SaveOutcome outcome = results.save(SaveRequest.existing(
                UUID.randomUUID(),
                assessment,
                List.of(
                        new ResultChange(fresh, BigDecimal.ONE, false, "new", null),
                        new ResultChange(changed, BigDecimal.ZERO, false, "changed", (Integer)
                                rows.get(1).get("version")))));

        assertThat(outcome.conflicts()).isEmpty();
        assertThat(outcome.savedVersions()).containsOnlyKeys(fresh, changed);
        assertThat(resultsStamp(owner)).isGreaterThan(stampBefore);
        denied(staff, "UPDATE change_stamps SET stamp = 0");
    }

    private static long resultsStamp(Jdbi jdbi) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT stamp FROM change_stamps WHERE table_name = 'assessment_results'")
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void supportSeesServerActivityButNoStudentData() {
        Database support = loginAs("registrar_support");

        denied(support, "SELECT * FROM students LIMIT 1");
        denied(support, "SELECT * FROM assessment_results LIMIT 1");
        boolean seesOtherQueries = support.jdbi()
                .withHandle(
                        (Handle handle) -> handle.createQuery("SELECT pg_has_role(current_user, 'pg_monitor', 'USAGE')")
                                .mapTo(Boolean.class)
                                .one());
        assertThat(seesOtherQueries).isTrue();
    }

    @Test
    void adminCreatesAssessmentsButNobodyWritesHistoryDirectly() {
        Database admin = loginAs("registrar_admin");

        assertThat(run(
                        admin,
                        "INSERT INTO assessments (cohort_id, title, subject, max_score, assessed_on, created_by) "
                                + "VALUES (1, 'Quiz', 'Maths', 10, current_date, current_user)"))
                .isEqualTo(1);
        denied(admin, "DELETE FROM result_history");
        denied(loginAs("registrar_staff"), "DELETE FROM result_history");
    }
}
