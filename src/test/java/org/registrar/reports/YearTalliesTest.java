package org.registrar.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.groups.Tuple;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveOutcome;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.cache.CacheSettings;
import org.registrar.cache.ChangeStamps;
import org.registrar.db.TestDatabases;
import org.registrar.testing.TestSession;

/**
 * The year overview reads class sizes and per-assessment tallies the database maintains (V73, ADR 0060). After every
 * kind of write (the demo load, saves that create, score, excuse and clear, direct updates and deletes, students
 * coming, going and changing class, one by one and a whole class at once, an assessment and a class deleted) they
 * must equal a full recount from the raw tables, written here independently of the migration; and the overview read
 * through the cache must follow a student's move once the stamps are stale.
 */
class YearTalliesTest {
    /** Every class with students and its number of them, straight from students. */
    private static final String RECOUNT_SIZES = "SELECT cohort_id, count(*) FROM students"
            + " WHERE cohort_id IS NOT NULL GROUP BY cohort_id ORDER BY cohort_id";

    private static final String MAINTAINED_SIZES =
            "SELECT cohort_id, students FROM cohort_sizes WHERE students <> 0 ORDER BY cohort_id";

    /** Per assessment with results: scored, the sum of scores, done by a student still in the class. */
    private static final String RECOUNT_TALLIES = "SELECT * FROM ("
            + " SELECT r.assessment_id, count(r.score) AS scored, coalesce(sum(r.score), 0) AS total,"
            + "        count(*) FILTER (WHERE (r.score IS NOT NULL OR r.excused)"
            + "                           AND r.student_id IN (SELECT s.id FROM students s"
            + "                                                 WHERE s.cohort_id = a.cohort_id)) AS done"
            + " FROM assessment_results r JOIN assessments a ON a.id = r.assessment_id"
            + " GROUP BY r.assessment_id) c"
            + " WHERE (scored, total, done) <> (0, 0, 0) ORDER BY assessment_id";

    private static final String MAINTAINED_TALLIES = "SELECT assessment_id, scored, total, done"
            + " FROM assessment_tallies WHERE (scored, total, done) <> (0, 0, 0) ORDER BY assessment_id";

    private static final Duration STALENESS = Duration.ofSeconds(1);

    private TestSession session;
    private Jdbi direct;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        direct = TestDatabases.jdbi(session.databaseName());
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void theDemoLoadFillsSizesAndTalliesEqualToARecount() {
        assertThat(rows(MAINTAINED_TALLIES)).isNotEmpty();
        assertMatchesRecount();
    }

    @Test
    void savesThatCreateScoreExcuseAndClearKeepTheTalliesExact() {
        long cohort = ReportFixtures.busiestAssessment(direct)[1];
        List<Long> students = studentsOf(cohort);
        List<ResultChange> first = new ArrayList<>();
        for (int i = 0; i < students.size(); i++) {
            BigDecimal score = i % 5 == 4 ? null : BigDecimal.valueOf(i % 20).add(new BigDecimal("0.5"));
            String comment = i % 5 == 4 && i % 2 == 0 ? "not handed in" : null;
            first.add(new ResultChange(students.get(i), score, i % 5 == 4 && i % 2 == 1, comment, null));
        }
        SaveOutcome created = new ResultsRepository(session.database().jdbi())
                .save(SaveRequest.creating(
                        UUID.randomUUID(),
                        new NewAssessment(
                                cohort, "Tallies test", "Chemistry", new BigDecimal("20"), LocalDate.of(2026, 3, 2)),
                        first));
        long assessment = created.assessmentId();
        assertMatchesRecount();

        List<ResultChange> second = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long student = students.get(i);
            int version = versionOf(assessment, student);
            second.add(
                    switch (i) {
                        case 0 -> new ResultChange(student, new BigDecimal("19.75"), false, null, version); // rescored
                        case 1 -> new ResultChange(student, null, true, null, version); // excused instead
                        case 2 -> new ResultChange(student, null, false, null, version); // cleared: missing again
                        case 3 -> new ResultChange(student, new BigDecimal("3.5"), false, "a comment", version);
                        default -> new ResultChange(student, null, false, "only a comment", version);
                    });
        }
        new ResultsRepository(session.database().jdbi())
                .save(SaveRequest.existing(UUID.randomUUID(), assessment, second));
        assertMatchesRecount();
    }

    @Test
    void studentsComingGoingAndChangingClassKeepSizesAndTalliesExact() {
        long[] busiest = ReportFixtures.busiestAssessment(direct);
        long cohort = busiest[1];
        long other = direct.withHandle(handle -> handle.createQuery(
                        "SELECT min(id) FROM cohorts WHERE id <> :c AND EXISTS (SELECT FROM assessments a"
                                + " WHERE a.cohort_id = cohorts.id)")
                .bind("c", cohort)
                .mapTo(Long.class)
                .one());
        long mover = direct.withHandle(handle -> handle.createQuery("SELECT min(student_id) FROM assessment_results"
                        + " WHERE assessment_id = :a AND score IS NOT NULL")
                .bind("a", busiest[0])
                .mapTo(Long.class)
                .one());

        execute("UPDATE students SET cohort_id = ? WHERE id = ?", other, mover);
        assertMatchesRecount();
        // a result of a student who left: its done-ness changes but counts nowhere
        execute(
                "UPDATE assessment_results SET score = NULL, version = version + 1, recorded_at = now()"
                        + " WHERE assessment_id = ? AND student_id = ?",
                busiest[0],
                mover);
        assertMatchesRecount();
        execute(
                "UPDATE assessment_results SET score = 1, version = version + 1, recorded_at = now()"
                        + " WHERE assessment_id = ? AND student_id = ?",
                busiest[0],
                mover);
        execute("UPDATE students SET cohort_id = ? WHERE id = ?", cohort, mover);
        assertMatchesRecount();
        execute("UPDATE students SET cohort_id = NULL WHERE id = ?", mover);
        assertMatchesRecount();
        execute("UPDATE students SET cohort_id = ? WHERE id = ?", cohort, mover);

        execute(
                "INSERT INTO students (student_number, family_name, given_name, cohort_id)"
                        + " SELECT 'TALLY-' || n, 'Tally', 'New ' || n, CASE WHEN n % 2 = 0 THEN ? ELSE ? END"
                        + " FROM generate_series(1, 7) n",
                cohort, other);
        assertMatchesRecount();
        execute("DELETE FROM students WHERE student_number IN ('TALLY-1', 'TALLY-2', 'TALLY-3')");
        assertMatchesRecount();
        // a whole class moves at once (one statement, one row trigger per student)
        execute("UPDATE students SET cohort_id = ? WHERE cohort_id = ?", other, cohort);
        assertMatchesRecount();
        execute("UPDATE students SET cohort_id = ? WHERE cohort_id = ? AND id % 2 = 0", cohort, other);
        assertMatchesRecount();
    }

    @Test
    void deletedResultsAssessmentsAndClassesLeaveNoTally() {
        long[] busiest = ReportFixtures.busiestAssessment(direct);
        execute("DELETE FROM assessment_results WHERE assessment_id = ? AND student_id % 3 = 0", busiest[0]);
        assertMatchesRecount();
        execute("DELETE FROM assessments WHERE id = ?", busiest[0]);
        assertMatchesRecount();
        assertThat(rows("SELECT assessment_id FROM assessment_tallies WHERE assessment_id = " + busiest[0]))
                .isEmpty();

        long empty = direct.withHandle(handle -> handle.createQuery(
                        "INSERT INTO cohorts (name, grade_level, school_year) VALUES ('Tally empty', 4, 2030)"
                                + " RETURNING id")
                .mapTo(Long.class)
                .one());
        execute(
                "INSERT INTO students (student_number, family_name, given_name, cohort_id)"
                        + " VALUES ('TALLY-E', 'Tally', 'Empty', ?)",
                empty);
        execute("DELETE FROM students WHERE cohort_id = ?", empty);
        execute("DELETE FROM cohorts WHERE id = ?", empty);
        assertThat(rows("SELECT cohort_id FROM cohort_sizes WHERE cohort_id = " + empty))
                .isEmpty();
        assertMatchesRecount();

        execute("SELECT registrar_recount_year_tallies()");
        assertMatchesRecount();
    }

    /** Failed before V73: the overview read every student of the year group and aggregated every result. */
    @Test
    void theOverviewReadsNeitherStudentsNorResults() {
        List<String> lines = direct.withHandle(handle -> handle.createQuery("EXPLAIN " + ReportSql.YEAR_OVERVIEW)
                .bind("grade", 7)
                .bind("year", 2025)
                .mapTo(String.class)
                .list());
        String plan = String.join("\n", lines);
        assertThat(plan).doesNotContain(" on students").doesNotContain(" on assessment_results");
    }

    @Test
    void theCachedOverviewFollowsAMoveOnceTheStampsAreStale() {
        long cohort = ReportFixtures.busiestAssessment(direct)[1];
        int[] group = direct.withHandle(handle -> handle.createQuery(
                        "SELECT grade_level, school_year FROM cohorts WHERE id = :c")
                .bind("c", cohort)
                .map((rows, context) -> new int[] {rows.getInt(1), rows.getInt(2)})
                .one());
        long other = direct.withHandle(handle -> handle.createQuery(
                        "SELECT min(id) FROM cohorts" + " WHERE id <> :c AND grade_level = :g AND school_year = :y")
                .bind("c", cohort)
                .bind("g", group[0])
                .bind("y", group[1])
                .mapTo(Long.class)
                .one());
        AtomicLong clock = new AtomicLong();
        ReportCache cache = new ReportCache(
                new ReportsRepository(session.database().jdbi()),
                new ChangeStamps(session.database().jdbi()),
                new CacheSettings(Duration.ofMinutes(5), STALENESS, 100),
                clock::get);
        YearOverview before = cache.yearOverview(group[0], group[1]);
        assertThat(missing(before)).isEqualTo(rawMissing(group));

        execute(
                "UPDATE students SET cohort_id = ? WHERE id = (SELECT min(id) FROM students WHERE cohort_id = ?"
                        + " AND EXISTS (SELECT FROM assessment_results r WHERE r.student_id = students.id"
                        + " AND r.score IS NOT NULL))",
                other,
                cohort);
        Map<Long, Integer> moved = rawMissing(group);
        assertThat(moved).isNotEqualTo(missing(before));

        assertThat(missing(cache.yearOverview(group[0], group[1])))
                .as("within the staleness")
                .isEqualTo(missing(before));
        clock.addAndGet(STALENESS.toNanos());
        assertThat(missing(cache.yearOverview(group[0], group[1]))).isEqualTo(moved);
    }

    private static Map<Long, Integer> missing(YearOverview overview) {
        Map<Long, Integer> missing = new HashMap<>();
        overview.missing().forEach(each -> missing.put(each.assessmentId(), each.students()));
        return missing;
    }

    /** Students of each assessment's class now with neither score nor excuse, from the raw rows. */
    private Map<Long, Integer> rawMissing(int[] group) {
        List<Long> cohorts = direct.withHandle(
                handle -> handle.createQuery("SELECT id FROM cohorts WHERE grade_level = :g AND school_year = :y")
                        .bind("g", group[0])
                        .bind("y", group[1])
                        .mapTo(Long.class)
                        .list());
        Map<Long, Integer> missing = new HashMap<>();
        for (long each : cohorts) {
            ReportFixtures.rawResults(direct, each).stream()
                    .filter(row -> row.score() == null && !row.excused())
                    .forEach(row -> missing.merge(row.assessmentId(), 1, Integer::sum));
        }
        return missing;
    }

    private void assertMatchesRecount() {
        assertThat(rows(MAINTAINED_SIZES)).as("class sizes").isEqualTo(rows(RECOUNT_SIZES));
        assertThat(rows(MAINTAINED_TALLIES)).as("assessment tallies").isEqualTo(rows(RECOUNT_TALLIES));
    }

    private List<Tuple> rows(String sql) {
        return direct.withHandle(handle -> handle.createQuery(sql)
                .map((rows, context) -> {
                    int columns = rows.getMetaData().getColumnCount();
                    Object[] values = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        Object value = rows.getObject(i + 1);
                        // count() is bigint, the stored counts integer; sums compare by value, not by scale
                        values[i] = value instanceof Number number && !(value instanceof BigDecimal)
                                ? number.longValue()
                                : value instanceof BigDecimal decimal ? decimal.stripTrailingZeros() : value;
                    }
                    return new Tuple(values);
                })
                .list());
    }

    private List<Long> studentsOf(long cohort) {
        return direct.withHandle(handle -> handle.createQuery("SELECT id FROM students WHERE cohort_id = :c"
                        + " AND NOT EXISTS (SELECT FROM assessment_results r WHERE r.student_id = students.id"
                        + " AND r.assessment_id IN (SELECT id FROM assessments WHERE title = 'Tallies test'))"
                        + " ORDER BY id")
                .bind("c", cohort)
                .mapTo(Long.class)
                .list());
    }

    private int versionOf(long assessment, long student) {
        return direct.withHandle(handle -> handle.createQuery(
                        "SELECT version FROM assessment_results WHERE assessment_id = :a AND student_id = :s")
                .bind("a", assessment)
                .bind("s", student)
                .mapTo(Integer.class)
                .one());
    }

    private void execute(String sql, Object... arguments) {
        direct.useHandle(handle -> handle.execute(sql, arguments));
    }
}
