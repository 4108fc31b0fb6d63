package org.registrar.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.db.TestDatabases;
import org.registrar.testing.TestSession;

/**
 * A jump to a page number in the default order seeks the nearest name mark (V72) and walks the rest: the page it
 * reaches must be the page reached by paging and by OFFSET after students come, go and change names around the
 * marks, and every mark's count must equal a recount.
 */
class StudentNameMarksTest {
    private static final int SIZE = 50;

    /** Marks whose count differs from the students from their key up to the next mark's, or the first mark missing. */
    private static final String WRONG_MARKS = """
            SELECT count(*) + (SELECT count(*) FROM (SELECT 1) one
                                WHERE NOT EXISTS (SELECT FROM student_name_marks
                                                   WHERE search_key = '' AND student_id = 0))
              FROM (SELECT m.students,
                           (SELECT count(*) FROM students s
                             WHERE (s.search_key, s.id) >= (m.search_key, m.student_id)
                               AND (m.next_key IS NULL OR (s.search_key, s.id) < (m.next_key, m.next_id))) AS actual
                      FROM (SELECT k.*, lead(k.search_key) OVER w AS next_key, lead(k.student_id) OVER w AS next_id
                              FROM student_name_marks k
                            WINDOW w AS (ORDER BY k.search_key, k.student_id)) m) counted
             WHERE students <> actual
            """;

    private TestSession session;
    private Jdbi direct;
    private StudentRepository repository;
    private OffsetPages offsets;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        direct = TestDatabases.jdbi(session.databaseName());
        repository = new StudentRepository(session.database().jdbi());
        offsets = new OffsetPages(session.database().jdbi());
        // 10,000 more students in one statement, with ties on every name (only the id tells them apart)
        direct.useHandle(handle -> handle.execute("INSERT INTO students (student_number, family_name, given_name)"
                + " SELECT 'M' || n, (ARRAY['Müller', 'Muller', 'Ødegård', 'Zhang', 'Ab'])[1 + n % 5],"
                + " (ARRAY['Anna', 'Ánna', 'Jo', 'Zoë'])[1 + n % 4] FROM generate_series(1, 10000) n"));
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void jumpsEqualOffsetAndWalkedPagesAsStudentsComeGoAndChangeNamesAroundTheMarks() {
        assertMarksExactAndJumpsRight();

        // new students tying with marks (same name, higher id) and sorting just before them
        direct.useHandle(handle -> handle.execute("INSERT INTO students (student_number, family_name, given_name)"
                + " SELECT 'T' || k.student_id || '-' || n, s.family_name, s.given_name"
                + " FROM student_name_marks k JOIN students s ON s.id = k.student_id, generate_series(1, 3) n"));
        direct.useHandle(handle -> handle.execute("INSERT INTO students (student_number, family_name, given_name)"
                + " SELECT 'U' || k.student_id, 'Ab', 'A' FROM student_name_marks k WHERE k.student_id > 0"));
        assertMarksExactAndJumpsRight();

        // the students the marks were taken from go: the marks stay valid as keys
        direct.useHandle(handle -> handle.execute("DELETE FROM students s WHERE s.id IN"
                + " (SELECT student_id FROM student_name_marks)"
                + " AND NOT EXISTS (SELECT FROM assessment_results r WHERE r.student_id = s.id)"));
        direct.useHandle(handle -> handle.execute("DELETE FROM students WHERE student_number LIKE 'M%'"
                + " AND (substr(student_number, 2))::int % 7 = 0"));
        assertMarksExactAndJumpsRight();

        // renames across marks, one by one and in one statement; an edit that keeps the name moves nothing
        direct.useHandle(handle -> handle.execute("UPDATE students SET family_name = 'Aaron'"
                + " WHERE student_number IN ('M5', 'M10', 'M4999', 'M9995')"));
        direct.useHandle(handle -> handle.execute("UPDATE students SET family_name = 'Zzyzx', given_name = 'Zed'"
                + " WHERE student_number LIKE 'M1%' AND (substr(student_number, 2))::int % 3 = 0"));
        direct.useHandle(handle -> handle.execute("UPDATE students SET status = 'on_leave', family_name = family_name"
                + " WHERE student_number LIKE 'M2%'"));
        assertMarksExactAndJumpsRight();

        // 2,500 students into one segment: it splits, no segment stays over 2,000
        direct.useHandle(handle -> handle.execute("INSERT INTO students (student_number, family_name, given_name)"
                + " SELECT 'V' || n, 'Muller', 'Anna' FROM generate_series(1, 2500) n"));
        assertMarksExactAndJumpsRight();
        assertThat(count("SELECT max(students) FROM student_name_marks")).isLessThanOrEqualTo(2000);
    }

    /**
     * Two desktops adding students to one segment at once, the first splitting it: the second waits for the first's
     * commit, then counts against the marks it made.
     */
    @Test
    void twoWritersAtOnceBothCountEvenAcrossASplit() throws Exception {
        try (Handle first = direct.open()) {
            first.begin();
            first.execute("INSERT INTO students (student_number, family_name, given_name)"
                    + " SELECT 'W' || n, 'Muller', 'Anna' FROM generate_series(1, 2500) n");
            CompletableFuture<Void> second = CompletableFuture.runAsync(
                    () -> direct.useHandle(
                            handle -> handle.execute(
                                    "INSERT INTO students (student_number, family_name, given_name) VALUES ('W-late', 'Muller', 'Anna')")));
            awaitWaiting();
            first.commit();
            second.get(30, TimeUnit.SECONDS);
        }
        assertMarksExactAndJumpsRight();
    }

    /** Until a backend of this database waits for a lock (the second writer). */
    private void awaitWaiting() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (count("SELECT count(*) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND wait_event_type = 'Lock'")
                    > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the second writer never waited");
    }

    @Test
    void aRebuildPlacesAMarkAtEveryThousandthStudent() {
        direct.useHandle(handle -> handle.execute("SELECT registrar_rebuild_name_marks()"));
        assertMarksExactAndJumpsRight();
        long total = direct.withHandle(handle -> handle.createQuery("SELECT count(*) FROM students")
                .mapTo(Long.class)
                .one());
        List<Integer> counts = direct.withHandle(
                handle -> handle.createQuery("SELECT students FROM student_name_marks ORDER BY search_key, student_id")
                        .mapTo(Integer.class)
                        .list());
        assertThat(counts).hasSize((int) ((total + 999) / 1000));
        assertThat(counts.subList(0, counts.size() - 1)).containsOnly(1000);
    }

    /**
     * Failed before V72: a jump to the middle page walked the name index from the nearer end, half of it (over 5,000
     * entries here). Now no node of the statement reads more than a segment and a page.
     */
    @Test
    void aJumpToTheMiddleWalksFromTheNearestMarkNotFromAnEnd() {
        long total = direct.withHandle(handle -> handle.createQuery("SELECT count(*) FROM students")
                .mapTo(Long.class)
                .one());
        long middle = total / SIZE / 2;
        StudentQuery query = new StudentQuery(StudentOrder.DEFAULT, StudentFilter.NONE);
        String sql = query.anchorCte((middle - 1) * SIZE)
                + query.page(query.anchorCondition(), true, false, SIZE + 1, false);
        List<String> lines =
                direct.withHandle(handle -> handle.createQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql)
                        .bindMap(query.parameters())
                        .mapTo(String.class)
                        .list());
        String plan = String.join("\n", lines);
        Matcher rows = Pattern.compile("actual rows=(\\d+)").matcher(plan);
        long largest = 0;
        while (rows.find()) {
            largest = Math.max(largest, Long.parseLong(rows.group(1)));
        }
        assertThat(largest).as(plan).isLessThanOrEqualTo(2000 + SIZE + 1);
        assertThat(plan).contains("student_name_marks");
    }

    private long count(String sql) {
        Long value = direct.withHandle(
                handle -> handle.createQuery(sql).mapTo(Long.class).one());
        return value;
    }

    private void assertMarksExactAndJumpsRight() {
        assertThat(count(WRONG_MARKS))
                .as("marks whose count differs from a recount")
                .isZero();
        long total = direct.withHandle(handle -> handle.createQuery("SELECT count(*) FROM students")
                .mapTo(Long.class)
                .one());
        long pages = (total + SIZE - 1) / SIZE;
        StudentPage walked =
                repository.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.first(), SIZE, false);
        for (long number = 1; number <= pages; number++) {
            if (number % 7 == 1 || number % 20 <= 1 || number == pages) {
                StudentPage jumped = repository.page(
                        StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.atPage(number), SIZE, false);
                assertThat(jumped.rows())
                        .as("page %d by jump and by paging", number)
                        .isEqualTo(walked.rows());
                assertThat(jumped.rows())
                        .as("page %d by jump and by OFFSET", number)
                        .isEqualTo(offsets.page(StudentOrder.DEFAULT, StudentFilter.NONE, (number - 1) * SIZE, SIZE));
            }
            if (walked.hasNext()) {
                PageKey last = walked.rows().get(walked.rows().size() - 1).key();
                walked =
                        repository.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.after(last), SIZE, false);
            }
        }
        StudentPage beyond =
                repository.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.atPage(pages + 5), SIZE, false);
        assertThat(beyond.rows())
                .as("a page beyond the last: the last page")
                .isNotEmpty()
                .isEqualTo(offsets.page(StudentOrder.DEFAULT, StudentFilter.NONE, Math.max(0, total - SIZE), SIZE));
    }
}
