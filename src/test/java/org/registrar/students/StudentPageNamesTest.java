package org.registrar.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.cache.CacheSettings;
import org.registrar.db.TestDatabases;
import org.registrar.testing.TestSession;

/**
 * The class and mentor names of a page come from the cached directory (ADR 0066), not from per-row joins, and are
 * still the names the database holds: for every row of every page, in several orders and filters, for a class or
 * mentor added after the directory was read, for a rename once the change stamps are read again, and at once in a
 * page read again.
 */
class StudentPageNamesTest {
    private static final Duration STALENESS = Duration.ofSeconds(10);
    private static final int SIZE = 50;

    private TestSession session;
    private Jdbi fixture;
    private final AtomicLong clock = new AtomicLong();
    private StudentRepository pages;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        fixture = TestDatabases.jdbi(session.databaseName());
        // one student with neither class nor mentor: both names must stay empty
        fixture.useHandle(handle -> handle.execute("INSERT INTO students (student_number, family_name, given_name)"
                + " VALUES ('NOCLASS1', 'Aaberg', 'Nobody')"));
        pages = new StudentRepository(
                session.database().jdbi(),
                new NameDirectory(
                        session.database().jdbi(), new CacheSettings(Duration.ofMinutes(5), STALENESS, 1), clock::get));
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void everyRowOfEveryPageHasTheNamesTheDatabaseHolds() {
        Map<Long, List<Object>> held = namesHeld();
        long mentor = fixture.withHandle(handle -> handle.createQuery("SELECT min(mentor_id) FROM mentor_assignments")
                .mapTo(Long.class)
                .one());
        List<StudentRow> read = new ArrayList<>();
        read.addAll(everyPage(StudentOrder.DEFAULT, StudentFilter.NONE));
        read.addAll(everyPage(new StudentOrder(StudentSort.COHORT, false), StudentFilter.NONE));
        read.addAll(everyPage(StudentOrder.DEFAULT, new StudentFilter(null, null, null, null, true)));
        read.addAll(everyPage(StudentOrder.DEFAULT, new StudentFilter(null, null, null, mentor, false)));
        read.add(pages.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.atPage(3), SIZE, false)
                .rows()
                .get(0));

        assertThat(read).hasSizeGreaterThan(held.size() * 2);
        assertThat(read).allSatisfy(row -> assertThat(names(row)).isEqualTo(held.get(row.id())));
        assertThat(read)
                .anySatisfy(row -> assertThat(row.cohortName()).isNull())
                .anySatisfy(row -> assertThat(row.mentorName()).isNull())
                .anySatisfy(row -> assertThat(row.mentorName()).isNotNull());
    }

    @Test
    void pagingOnReadsNoNamesOnceTheDirectoryIsHeldAndAPageWithItsCountNeverReadsIt() {
        long before = statements();
        StudentPage first = pages.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.first(), SIZE, true);
        assertThat(statements() - before)
                .as("the screen's first page, with its count")
                .isEqualTo(1);

        before = statements();
        StudentPage second =
                pages.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.after(first.lastKey()), SIZE, false);
        assertThat(statements() - before)
                .as("stamps, classes, mentors, then the page")
                .isEqualTo(4);

        before = statements();
        pages.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.after(second.lastKey()), SIZE, false);
        StudentPage again = pages.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.first(), SIZE, true);
        assertThat(statements() - before)
                .as("a page paged to and one with its count, one statement each")
                .isEqualTo(2);
        assertThat(again.rows()).isEqualTo(first.rows());
    }

    @Test
    void aClassAndAMentorAddedAfterTheNamesWereReadAreNamedAtOnce() {
        StudentRow student = pages.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.first(), SIZE, false)
                .rows()
                .get(1);
        fixture.useHandle(handle -> {
            long cohort = handle.createQuery("INSERT INTO cohorts (name, grade_level, school_year)"
                            + " VALUES ('Added since', 9, 2026) RETURNING id")
                    .mapTo(Long.class)
                    .one();
            long mentor = handle.createQuery("INSERT INTO mentors (family_name, given_name, email)"
                            + " VALUES ('Newcomer', 'Nina', 'nina.newcomer@example.org') RETURNING id")
                    .mapTo(Long.class)
                    .one();
            handle.execute("UPDATE students SET cohort_id = ? WHERE id = ?", cohort, student.id());
            handle.execute("DELETE FROM mentor_assignments WHERE student_id = ?", student.id());
            handle.execute(
                    "INSERT INTO mentor_assignments (student_id, mentor_id) VALUES (?, ?)", student.id(), mentor);
        });

        StudentRow shown = pages.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.first(), SIZE, false)
                .rows()
                .get(1);

        assertThat(shown.id()).isEqualTo(student.id());
        assertThat(shown.cohortName()).isEqualTo("Added since");
        assertThat(shown.mentorName()).isEqualTo("Newcomer, Nina");
    }

    @Test
    void aRenamedClassAndMentorShowOnceTheStampsAreReadAgain() {
        StudentRow student = everyPage(StudentOrder.DEFAULT, StudentFilter.NONE).stream()
                .filter(row -> row.cohortId() != null && row.mentorId() != null)
                .findFirst()
                .orElseThrow();
        fixture.useHandle(handle -> {
            handle.execute("UPDATE cohorts SET name = 'Renamed class' WHERE id = ?", student.cohortId());
            handle.execute(
                    "UPDATE mentors SET family_name = 'Renamed', given_name = 'Mentor' WHERE id = ?",
                    student.mentorId());
        });
        clock.addAndGet(STALENESS.toNanos());

        StudentRow shown = everyPage(StudentOrder.DEFAULT, StudentFilter.NONE).stream()
                .filter(row -> row.id() == student.id())
                .findFirst()
                .orElseThrow();

        assertThat(shown.cohortName()).isEqualTo("Renamed class");
        assertThat(shown.mentorName()).isEqualTo("Renamed, Mentor");
    }

    @Test
    void aPageReadAgainShowsARenameAtOnceAndThePagesPagedToAfterItToo() {
        StudentPage first = pages.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.first(), SIZE, false);
        StudentRow student = first.rows().stream()
                .filter(row -> row.cohortId() != null)
                .findFirst()
                .orElseThrow();
        fixture.useHandle(
                handle -> handle.execute("UPDATE cohorts SET name = 'Renamed class' WHERE id = ?", student.cohortId()));

        long before = statements();
        StudentPage refreshed =
                pages.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.from(first.firstKey()), SIZE, true);
        assertThat(statements() - before)
                .as("the page with its names joined, no stamps")
                .isEqualTo(1);
        before = statements();
        StudentPage pagedTo = pages.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.first(), SIZE, false);
        assertThat(statements() - before)
                .as("classes and mentors read again, then the page")
                .isEqualTo(3);

        assertThat(List.of(refreshed, pagedTo))
                .allSatisfy(page -> assertThat(page.rows())
                        .filteredOn(row -> row.id() == student.id())
                        .singleElement()
                        .extracting(StudentRow::cohortName)
                        .isEqualTo("Renamed class"));
    }

    private List<StudentRow> everyPage(StudentOrder order, StudentFilter filter) {
        List<StudentRow> rows = new ArrayList<>();
        StudentPage page = pages.page(order, filter, PageRequest.first(), SIZE, false);
        rows.addAll(page.rows());
        while (page.hasNext()) {
            page = pages.page(order, filter, PageRequest.after(page.lastKey()), SIZE, false);
            rows.addAll(page.rows());
        }
        return rows;
    }

    /** Each student's class name, mentor id and mentor name, joined by the database. */
    private Map<Long, List<Object>> namesHeld() {
        Map<Long, List<Object>> held = new HashMap<>();
        fixture.useHandle(handle -> handle.createQuery("SELECT s.id, c.name, ma.mentor_id,"
                        + " m.family_name || ', ' || m.given_name AS mentor FROM students s"
                        + " LEFT JOIN cohorts c ON c.id = s.cohort_id"
                        + " LEFT JOIN mentor_assignments ma ON ma.student_id = s.id"
                        + " LEFT JOIN mentors m ON m.id = ma.mentor_id")
                .map((rows, context) -> {
                    held.put(
                            rows.getLong("id"),
                            java.util.Arrays.asList(
                                    rows.getString("name"),
                                    rows.getObject("mentor_id", Long.class),
                                    rows.getString("mentor")));
                    return null;
                })
                .list());
        return held;
    }

    private static List<Object> names(StudentRow row) {
        return java.util.Arrays.asList(row.cohortName(), row.mentorId(), row.mentorName());
    }

    private long statements() {
        return session.metrics().totals().statements();
    }
}
