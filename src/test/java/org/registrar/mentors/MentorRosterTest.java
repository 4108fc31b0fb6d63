package org.registrar.mentors;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.db.TestDatabases;
import org.registrar.metrics.OperationScope;
import org.registrar.testing.TestSession;

/** What a mentor's roster shows of each student's results, and how its statement is planned. */
class MentorRosterTest {
    private TestSession session;
    private MentorRepository repository;
    private Jdbi direct;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        repository = new MentorRepository(session.database().jdbi());
        direct = TestDatabases.jdbi(session.databaseName());
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void latestResultIsTheNewestByDateAfterNewResultsAreSaved() {
        long mentor = MentorFixtures.mentorIds(direct).get(0);
        long student = repository.roster(mentor, null, 200).entries().get(0).studentId();
        LocalDate newest = direct.withHandle(h -> h.createQuery("SELECT max(assessed_on) FROM assessments")
                        .mapTo(LocalDate.class)
                        .one())
                .plusDays(30);

        saveResult(student, "Roster late test", newest, "17.5");
        saveResult(student, "Roster early test", LocalDate.of(2001, 1, 1), "3");
        assertThat(latestOf(mentor, student).latestResult())
                .isEqualTo("Roster late test: 17.5 / 20 (" + day(newest) + ")");

        saveResult(student, "Roster same day test", newest, "12");
        RosterEntry entry = latestOf(mentor, student);
        assertThat(entry.latestTitle()).isEqualTo("Roster same day test");
        assertThat(entry.latestScore()).isEqualByComparingTo("12");
        assertThat(entry.latestOn()).isEqualTo(newest);
    }

    @Test
    void everyPageShowsEachStudentsLatestResultAsFoundIndependently() {
        long mentor = MentorFixtures.mentorIds(direct).get(3);
        repository.assign(MentorFixtures.studentIds(direct, 450), mentor, UUID.randomUUID());
        Map<Long, String> expected = latestTitles();
        int rows = 0;
        int withResults = 0;
        PageKey after = null;
        do {
            RosterPage page;
            OperationScope scope = session.metrics().begin("Roster page");
            try (scope) {
                page = repository.roster(mentor, after, 200);
            }
            assertThat(scope.summary().statements()).isEqualTo(1);
            for (RosterEntry entry : page.entries()) {
                assertThat(entry.latestTitle())
                        .as("student %d", entry.studentId())
                        .isEqualTo(expected.get(entry.studentId()));
                assertThat(entry.mentorId()).isEqualTo(mentor);
                withResults += entry.latestTitle() == null ? 0 : 1;
            }
            rows += page.entries().size();
            after = page.next();
        } while (after != null);
        assertThat(rows).isEqualTo(MentorFixtures.studentCounts(direct).get(mentor));
        assertThat(withResults).isGreaterThan(rows / 2);
    }

    /**
     * pgjdbc server-prepares the roster from its fifth use on a connection, and PostgreSQL may then keep one generic
     * plan for every mentor and page. That plan must still fetch the mentor's students by id: the roster query this
     * replaced scanned all students (here) or walked the whole name index (0.4 s on 20,000 students).
     */
    @Test
    void genericPlanFetchesTheMentorsStudentsById() {
        long mentor = MentorFixtures.mentorIds(direct).get(2);
        repository.assign(MentorFixtures.studentIds(direct, 200), mentor, UUID.randomUUID());
        String sql = MentorSql.ROSTER
                .replace(":mentor", "$1")
                .replace(":afterKey", "$2")
                .replace(":afterId", "$3")
                .replace(":limit", "$4");
        List<String> plan = direct.withHandle(handle -> {
            handle.execute("SET plan_cache_mode = force_generic_plan");
            handle.execute("PREPARE roster (bigint, text, bigint, int) AS " + sql);
            return explain(handle, "EXECUTE roster (" + mentor + ", '', 0, 201)");
        });
        assertThat(plan)
                .anySatisfy(line -> assertThat(line).contains("Index Scan using students_pkey on students"))
                .noneSatisfy(line -> assertThat(line).containsPattern("Seq Scan on students|students_search_key"));
    }

    private static List<String> explain(Handle handle, String statement) {
        return handle.createQuery("EXPLAIN (COSTS OFF) " + statement)
                .mapTo(String.class)
                .list();
    }

    private RosterEntry latestOf(long mentor, long student) {
        return repository.roster(mentor, null, 200).entries().stream()
                .filter(entry -> entry.studentId() == student)
                .findFirst()
                .orElseThrow();
    }

    /** A new assessment of the student's cohort, dated {@code on}, and the student's result in it. */
    private void saveResult(long student, String title, LocalDate on, String score) {
        direct.useTransaction(handle -> {
            long assessment = handle.createQuery("""
                            INSERT INTO assessments (cohort_id, title, subject, max_score, assessed_on, created_by)
                            SELECT cohort_id, :title, 'Maths', 20, :on, session_user FROM students WHERE id = :student
                            RETURNING id
                            """)
                    .bind("title", title)
                    .bind("on", on)
                    .bind("student", student)
                    .mapTo(Long.class)
                    .one();
            handle.createUpdate("""
                            INSERT INTO assessment_results (assessment_id, student_id, score, recorded_by)
                            VALUES (:assessment, :student, :score, session_user)
                            """)
                    .bind("assessment", assessment)
                    .bind("student", student)
                    .bind("score", new BigDecimal(score))
                    .execute();
        });
    }

    /** Each student's latest assessment title (by date, then newest assessment), straight from the tables. */
    private Map<Long, String> latestTitles() {
        Map<Long, String> titles = new HashMap<>();
        direct.useHandle(handle -> handle.createQuery("""
                        SELECT s.id, (SELECT x.title FROM assessment_results ar
                                        JOIN assessments x ON x.id = ar.assessment_id
                                       WHERE ar.student_id = s.id
                                       ORDER BY x.assessed_on DESC, x.id DESC LIMIT 1) AS title
                          FROM students s
                        """)
                .map((rs, ctx) -> titles.put(rs.getLong(1), rs.getString(2)))
                .list());
        return titles;
    }

    private static String day(LocalDate date) {
        return DateTimeFormatter.ofPattern(
                        org.registrar.i18n.Messages.text("messages.roster.dayPattern"),
                        org.registrar.i18n.Messages.locale())
                .format(date);
    }
}
