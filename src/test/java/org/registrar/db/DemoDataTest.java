package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoDataTest {
    private static final int STUDENTS = 2_800;
    private static final List<String> TABLES =
            List.of("cohorts", "students", "mentors", "mentor_assignments", "assessments", "assessment_results");

    private static Jdbi loaded;
    private static DemoData.Summary summary;

    @BeforeAll
    static void loadOnce() {
        loaded = migratedEmptyDatabase();
        summary = DemoData.load(loaded, STUDENTS);
    }

    @Test
    void sameSizeGivesIdenticalData() {
        Jdbi other = migratedEmptyDatabase();
        DemoData.load(other, STUDENTS);

        for (String table : TABLES) {
            assertThat(checksum(other, table)).as(table).isEqualTo(checksum(loaded, table));
        }
    }

    @Test
    void summaryMatchesTheRowsAndTheProportions() {
        assertThat(summary.students()).isEqualTo(STUDENTS).isEqualTo(count(loaded, "students"));
        assertThat(summary.cohorts()).isEqualTo(100).isEqualTo(count(loaded, "cohorts"));
        assertThat(summary.mentors()).isEqualTo(150).isEqualTo(count(loaded, "mentors"));
        assertThat(summary.assessments()).isEqualTo(300).isEqualTo(count(loaded, "assessments"));
        assertThat(summary.results()).isEqualTo(count(loaded, "assessment_results"));
        assertThat((double) summary.results() / (3 * STUDENTS)).isCloseTo(0.93, within(0.03));
        assertThat((double) count(loaded, "mentor_assignments") / STUDENTS).isCloseTo(0.85, within(0.03));
        assertThat(summary.elapsed()).isPositive();
    }

    @Test
    void mentorCountGrowsMildlyWithStudents() {
        assertThat(DemoData.mentorsFor(600)).isEqualTo(150);
        assertThat(DemoData.mentorsFor(1_000_000)).isEqualTo(7_692);
        assertThat(DemoData.cohortsFor(20_000)).isEqualTo(715);
    }

    @Test
    void namesCarryAccentsAndEveryEmailIsUniqueAscii() {
        Map<String, Object> row = loaded.withHandle(handle -> handle.createQuery("SELECT"
                        + " count(*) FILTER (WHERE family_name || given_name ~ '[^\\x01-\\x7f]') AS accented,"
                        + " count(DISTINCT email) AS emails, count(*) FILTER (WHERE email ~ '[^\\x01-\\x7f]') AS"
                        + " non_ascii, count(*) FILTER (WHERE status = 'active') AS active, count(*) AS students"
                        + " FROM students")
                .mapToMap()
                .one());

        assertThat((Long) row.get("accented")).isGreaterThan(STUDENTS / 3);
        assertThat(row.get("emails")).isEqualTo((long) STUDENTS);
        assertThat(row.get("non_ascii")).isEqualTo(0L);
        assertThat((double) (Long) row.get("active") / STUDENTS).isCloseTo(0.92, within(0.03));
    }

    @Test
    void everyGeneratedResultNamesAnExistingAssessmentAndAStudentOfItsCohortAndTheLoginThatLoadedIt() {
        // what the key check (V51, V53, V62) and the recorder check (V61) would refuse; the load turns them off
        long orphans = loaded.withHandle(handle -> handle.createQuery("SELECT count(*) FROM assessment_results r"
                        + " WHERE NOT EXISTS (SELECT FROM assessments a WHERE a.id = r.assessment_id)"
                        + " OR NOT EXISTS (SELECT FROM students s JOIN assessments a ON a.cohort_id = s.cohort_id"
                        + "                WHERE s.id = r.student_id AND a.id = r.assessment_id)"
                        + " OR r.recorded_by <> session_user")
                .mapTo(Long.class)
                .one());

        assertThat(orphans).isZero();
        assertThat(count(loaded, "assessment_results")).isPositive();
    }

    @Test
    void scoresStayWithinTheirMaximumAndGeneratedRowsHaveNoHistory() {
        long aboveMaximum = loaded.withHandle(handle -> handle.createQuery("SELECT count(*) FROM assessment_results r"
                        + " JOIN assessments a ON a.id = r.assessment_id WHERE r.score > a.max_score")
                .mapTo(Long.class)
                .one());

        assertThat(aboveMaximum).isZero();
        assertThat(count(loaded, "result_history")).isZero();
    }

    @Test
    void everyMaintainedTableEqualsItsFullRecountAfterTheLoad() {
        // the load fills them from its own inserts (V65 mentor summaries and row counts, V72 name marks, V73 class
        // sizes and tallies): each must be what the migrations' recount functions write from the loaded tables
        Map<String, List<String>> loadedRows = maintainedRows(loaded);
        Map<String, List<String>> recounted = loaded.inTransaction(handle -> {
            handle.execute("SELECT registrar_recount_all_mentors(), registrar_rebuild_name_marks(),"
                    + " registrar_recount_year_tallies()");
            Map<String, List<String>> rows = maintainedRows(handle);
            handle.rollback();
            return rows;
        });

        assertThat(loadedRows.get("student_name_marks")).hasSize(STUDENTS / 1000 + 1);
        assertThat(loadedRows.get("mentor_summaries")).hasSize(150);
        assertThat(loadedRows).isEqualTo(recounted);
    }

    @Test
    void loadLeavesTheSameIndexesAndConstraintsAsTheMigrations() {
        Jdbi empty = migratedEmptyDatabase();

        assertThat(schemaObjects(loaded)).isEqualTo(schemaObjects(empty));
        assertThat(triggersEnabled(loaded)).isTrue();
    }

    @Test
    void emptinessIsTheAbsenceOfStudents() {
        assertThat(DemoData.isEmpty(migratedEmptyDatabase())).isTrue();
        assertThat(DemoData.isEmpty(loaded)).isFalse();
    }

    @Test
    void loadRefusesADatabaseThatHoldsData() {
        Jdbi fresh = TestDatabases.jdbi(TestDatabases.freshDatabase());
        List<String> before = schemaObjects(fresh);

        assertThatThrownBy(() -> DemoData.load(fresh, 100)).hasMessageContaining("empty database only");
        assertThat(schemaObjects(fresh)).isEqualTo(before);
    }

    private static final List<String> MAINTAINED =
            List.of("mentor_summaries", "row_counts", "student_name_marks", "cohort_sizes", "assessment_tallies");

    private static Map<String, List<String>> maintainedRows(Jdbi jdbi) {
        return jdbi.withHandle(DemoDataTest::maintainedRows);
    }

    private static Map<String, List<String>> maintainedRows(Handle handle) {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : MAINTAINED) {
            rows.put(
                    table,
                    handle.createQuery("SELECT t::text FROM " + table + " t ORDER BY 1")
                            .mapTo(String.class)
                            .list());
        }
        return rows;
    }

    private static Jdbi migratedEmptyDatabase() {
        String name = TestDatabases.emptyDatabase();
        Migrations.apply(TestDatabases.dataSource(name));
        return TestDatabases.jdbi(name);
    }

    private static String checksum(Jdbi jdbi, String table) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) FROM " + table + " t")
                .mapTo(String.class)
                .one());
    }

    private static long count(Jdbi jdbi, String table) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM " + table)
                .mapTo(Long.class)
                .one());
    }

    private static List<String> schemaObjects(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT indexdef FROM pg_indexes"
                        + " WHERE schemaname = current_schema()"
                        + " UNION ALL SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                        + " FROM pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY 1")
                .mapTo(String.class)
                .list());
    }

    private static boolean triggersEnabled(Jdbi jdbi) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT bool_and(tgenabled = 'O') FROM pg_trigger WHERE NOT tgisinternal")
                        .mapTo(Boolean.class)
                        .one());
    }
}
