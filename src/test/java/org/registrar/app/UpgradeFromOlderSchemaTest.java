package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.registrar.assessments.data.Assessment;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveOutcome;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.history.HistoryEntry;
import org.registrar.assessments.history.HistoryPage;
import org.registrar.assessments.history.HistoryScope;
import org.registrar.db.Database;
import org.registrar.db.MigrationFiles;
import org.registrar.db.Migrations;
import org.registrar.db.OldChain;
import org.registrar.db.TestDatabases;
import org.registrar.health.Diagnostics;
import org.registrar.mentors.Mentor;
import org.registrar.mentors.MentorRepository;
import org.registrar.students.PageRequest;
import org.registrar.students.StudentFilter;
import org.registrar.students.StudentOrder;
import org.registrar.students.StudentPage;
import org.registrar.students.StudentRepository;
import org.registrar.students.StudentRow;

/**
 * A school's real upgrade: a database created and filled by an earlier Registrar (the V chain stopped at V54 or V64,
 * or the 1.0 baseline B64), upgraded by {@code registrar migrate} with the owner login; then every screen's queries
 * work for a person's login and no student, result, history row or assignment is lost or changed.
 */
class UpgradeFromOlderSchemaTest {
    private static final int STUDENTS = 300;
    private static final int MENTORS = 10;
    private static final int ASSIGNED = 200;
    private static final int CHANGED_RESULTS = 100;

    @TempDir
    Path dataHome;

    @ParameterizedTest(name = "made by {0}")
    @ValueSource(strings = {"V chain to 54", "V chain to 64", "baseline B64"})
    void databaseOfAnEarlierVersionUpgradesWithEveryRowAndEveryScreenWorking(String madeBy, @TempDir Path oldFiles)
            throws IOException {
        String name = olderDatabase(madeBy, oldFiles);
        Jdbi fixture = TestDatabases.jdbi(name);
        fill(fixture);
        Map<String, Long> countsBefore = counts(fixture);
        List<String> rowsBefore = rowsThatMustNotChange(fixture);
        assertThat(countsBefore.get("result_history")).isGreaterThanOrEqualTo(CHANGED_RESULTS);

        MigrateCommandTest.Run run = MigrateCommandTest.migrate(dataHome, MigrateCommandTest.as(name, "postgres"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(MigrateCommand.DONE);
        assertThat(run.output()).contains("Done: schema " + MigrationFiles.latestVersion() + ".");
        assertThat(Migrations.currentVersion(TestDatabases.dataSource(name))).isEqualTo(MigrationFiles.latestVersion());
        assertThat(counts(fixture)).isEqualTo(countsBefore);
        assertThat(rowsThatMustNotChange(fixture)).isEqualTo(rowsBefore);
        try (Database admin = TestDatabases.openAs(name, "upgraded_" + name, "registrar_admin", 2)) {
            everyScreenWorks(admin, fixture);
        }
    }

    private static String olderDatabase(String madeBy, Path oldFiles) throws IOException {
        String name = TestDatabases.emptyDatabase();
        switch (madeBy) {
            case "V chain to 54" -> OldChain.build(TestDatabases.dataSource(name), "54", OldChain.files(oldFiles));
            case "V chain to 64" -> OldChain.build(TestDatabases.dataSource(name), "64", OldChain.files(oldFiles));
            default ->
                Flyway.configure()
                        .dataSource(TestDatabases.dataSource(name))
                        .locations("classpath:db/migration")
                        .target("64")
                        .load()
                        .migrate();
        }
        return name;
    }

    /** Classes, students, mentors and their assignments, assessments and results, then changes that leave history. */
    private static void fill(Jdbi jdbi) {
        jdbi.useHandle(handle -> {
            handle.execute("INSERT INTO cohorts (name, grade_level, school_year)"
                    + " SELECT '7' || chr(64 + n), 7, 2026 FROM generate_series(1, 3) n");
            handle.execute("INSERT INTO students (student_number, family_name, given_name, cohort_id, email)"
                    + " SELECT 'S' || n, 'Family' || n, 'Given' || n,"
                    + " (SELECT id FROM cohorts ORDER BY id OFFSET n % 3 LIMIT 1), 's' || n || '@school.example'"
                    + " FROM generate_series(1, " + STUDENTS + ") n");
            handle.execute("INSERT INTO mentors (family_name, given_name, email)"
                    + " SELECT 'Mentor' || n, 'M', 'm' || n || '@school.example' FROM generate_series(1, "
                    + MENTORS + ") n");
            handle.execute("INSERT INTO mentor_assignments (student_id, mentor_id, assigned_by)"
                    + " SELECT s.id, (SELECT id FROM mentors ORDER BY id OFFSET s.id % " + MENTORS + " LIMIT 1),"
                    + " current_user FROM students s ORDER BY s.id LIMIT " + ASSIGNED);
            handle.execute("INSERT INTO assessments (cohort_id, title, subject, max_score, assessed_on, created_by)"
                    + " SELECT c.id, 'Test ' || t, 'Maths', 20, DATE '2026-10-01' + t, current_user"
                    + " FROM cohorts c, generate_series(1, 2) t");
            handle.execute("INSERT INTO assessment_results (assessment_id, student_id, score, comment, recorded_by)"
                    + " SELECT a.id, s.id, (s.id % 20), 'first', current_user"
                    + " FROM assessments a JOIN students s ON s.cohort_id = a.cohort_id");
            handle.execute("UPDATE assessment_results SET score = score / 2, comment = 'second'"
                    + " WHERE (assessment_id, student_id) IN (SELECT assessment_id, student_id FROM assessment_results"
                    + " ORDER BY assessment_id, student_id LIMIT " + CHANGED_RESULTS + ")");
        });
    }

    private static Map<String, Long> counts(Jdbi jdbi) {
        List<String> tables = List.of(
                "cohorts",
                "students",
                "mentors",
                "mentor_assignments",
                "assessments",
                "assessment_results",
                "result_history");
        return jdbi.withHandle(handle -> tables.stream()
                .collect(Collectors.toMap(
                        table -> table,
                        table -> handle.createQuery("SELECT count(*) FROM " + table)
                                .mapTo(Long.class)
                                .one())));
    }

    /** Every student and result as people see them; the upgrade must not change one value. */
    private static List<String> rowsThatMustNotChange(Jdbi jdbi) {
        List<String> rows = new ArrayList<>();
        jdbi.useHandle(handle -> {
            rows.addAll(handle.createQuery("SELECT concat_ws('|', id, student_number, family_name, given_name, email,"
                            + " status, cohort_id) FROM students ORDER BY id")
                    .mapTo(String.class)
                    .list());
            rows.addAll(handle.createQuery("SELECT concat_ws('|', assessment_id, student_id, score, excused, comment,"
                            + " recorded_by) FROM assessment_results ORDER BY assessment_id, student_id")
                    .mapTo(String.class)
                    .list());
            rows.addAll(handle.createQuery("SELECT concat_ws('|', student_id, mentor_id) FROM mentor_assignments"
                            + " ORDER BY student_id")
                    .mapTo(String.class)
                    .list());
        });
        return rows;
    }

    private static void everyScreenWorks(Database admin, Jdbi fixture) {
        assertThat(allStudentsPageByPage(new StudentRepository(admin.jdbi())))
                .hasSize(STUDENTS)
                .filteredOn(row -> row.mentorId() != null)
                .hasSize(ASSIGNED);

        MentorRepository mentors = new MentorRepository(admin.jdbi());
        List<Mentor> list = mentors.mentors();
        assertThat(list).hasSize(MENTORS);
        assertThat(list.stream().mapToInt(Mentor::students).sum()).isEqualTo(ASSIGNED);
        assertThat(list).allSatisfy(mentor -> assertThat(mentor.cohortCount()).isPositive());
        assertThat(mentors.countWithoutMentor()).isEqualTo(STUDENTS - ASSIGNED);

        ResultsRepository results = new ResultsRepository(admin.jdbi());
        assertThat(results.cohorts()).hasSize(3);
        long assessment = changedBeforeTheUpgrade(fixture);
        assertThat(results.assessments(cohortOf(fixture, assessment)))
                .extracting(Assessment::id)
                .contains(assessment);
        List<ResultChange> changes = results.sheet(cohortOf(fixture, assessment), assessment).stream()
                .map(row -> new ResultChange(
                        row.studentId(), BigDecimal.valueOf(19), false, "after upgrade", row.version()))
                .toList();
        SaveOutcome saved = results.save(SaveRequest.existing(UUID.randomUUID(), assessment, changes));
        assertThat(saved.conflicts()).isEmpty();
        assertThat(saved.savedVersions()).hasSize(changes.size());

        HistoryPage history = results.history().page(HistoryScope.ASSESSMENT, assessment, 0, null, 1000);
        assertThat(history.entries()).extracting(HistoryEntry::newComment).contains("after upgrade", "second");

        assertThat(new Diagnostics(admin).run().verdict()).startsWith("HEALTHY");
    }

    private static List<StudentRow> allStudentsPageByPage(StudentRepository students) {
        List<StudentRow> rows = new ArrayList<>();
        StudentPage page = students.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.first(), 100, true);
        rows.addAll(page.rows());
        while (page.hasNext()) {
            page = students.page(
                    StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.after(page.lastKey()), 100, false);
            rows.addAll(page.rows());
        }
        return rows;
    }

    /** The assessment whose results were changed before the upgrade (its history holds their earlier scores). */
    private static long changedBeforeTheUpgrade(Jdbi fixture) {
        return fixture.withHandle(handle -> handle.createQuery("SELECT min(assessment_id) FROM result_history")
                .mapTo(Long.class)
                .one());
    }

    private static long cohortOf(Jdbi fixture, long assessment) {
        return fixture.withHandle(handle -> handle.createQuery("SELECT cohort_id FROM assessments WHERE id = :id")
                .bind("id", assessment)
                .mapTo(Long.class)
                .one());
    }
}
