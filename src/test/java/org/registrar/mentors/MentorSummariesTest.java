package org.registrar.mentors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.db.TestDatabases;
import org.registrar.testing.TestSession;

/**
 * The mentors list and the count of students without a mentor read what the database maintains (V65); after every
 * kind of write they must equal a full recount from the tables, which is what the list computed before.
 */
class MentorSummariesTest {
    /** The list as it was computed before V65: an aggregate over every assignment, student and cohort. */
    private static final String RECOUNT = """
            SELECT m.id, count(a.student_id)::int AS students,
                   coalesce(array_agg(DISTINCT c.name COLLATE "C" ORDER BY c.name COLLATE "C")
                                FILTER (WHERE c.name IS NOT NULL), '{}') AS cohorts,
                   greatest(m.updated_at, max(a.assigned_at)) AS last_change
              FROM mentors m
              LEFT JOIN mentor_assignments a ON a.mentor_id = m.id
              LEFT JOIN students s ON s.id = a.student_id
              LEFT JOIN cohorts c ON c.id = s.cohort_id
             GROUP BY m.id
             ORDER BY registrar_fold(m.family_name || ' ' || m.given_name), m.id
            """;

    private static final String WITHOUT_MENTOR = "SELECT count(*) FROM students s"
            + " WHERE NOT EXISTS (SELECT FROM mentor_assignments a WHERE a.student_id = s.id)";

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
    void listAndCountEqualAFullRecountAfterTheMigration() {
        assertMatchesRecount();
    }

    @Test
    void listCountAndMentorsOfAClassReadNeitherStudentsNorAssignments() {
        String ofClass = MentorSql.MENTORS_IN_COHORT.replace(":name", "'7A'");
        for (String statement : List.of(MentorSql.MENTORS, MentorSql.COUNT_WITHOUT_MENTOR, ofClass)) {
            List<String> lines = direct.withHandle(handle -> handle.createQuery("EXPLAIN " + statement)
                    .mapTo(String.class)
                    .list());
            String plan = String.join("\n", lines);
            assertThat(plan).doesNotContain(" on students").doesNotContain(" on mentor_assignments");
        }
    }

    /**
     * V71: the list derives nothing per mentor at read time (no folding of names, no reading of whole cohort lists),
     * and its order has a path without a Sort node over all mentors, the stored key's index, for when the planner
     * finds walking it cheaper than sorting the stored keys (shown here by pricing sorts and sequential scans out).
     * Failed before V71: the plan folded every name (lower(unaccent(...))), sliced cohort_names and had to sort.
     */
    @Test
    void theListReadsStoredKeysAndCanWalkTheirIndexInsteadOfSorting() {
        String verbose = explain("EXPLAIN VERBOSE " + MentorSql.MENTORS, false);
        assertThat(verbose)
                .doesNotContain("unaccent")
                .doesNotContain("registrar_fold")
                .doesNotContain("lower(")
                .doesNotContain("cohort_names");
        String walked = explain("EXPLAIN " + MentorSql.MENTORS, true);
        assertThat(walked).contains("mentors_sort_key_idx").doesNotContain("Sort");
    }

    private String explain(String statement, boolean sortsPricedOut) {
        return direct.withHandle(handle -> {
            if (sortsPricedOut) {
                handle.execute("SET enable_seqscan = off");
                handle.execute("SET enable_sort = off");
            }
            return String.join(
                    "\n", handle.createQuery(statement).mapTo(String.class).list());
        });
    }

    @Test
    void aRenamedMentorMovesInTheListAndItsStoredKeyFollows() {
        long mentor = MentorFixtures.mentorIds(direct).get(0);
        direct.useHandle(handle ->
                handle.execute("UPDATE mentors SET family_name = 'Ääaaa', given_name = 'Zoë' WHERE id = ?", mentor));
        assertMatchesRecount();
        assertThat(repository.mentors().get(0).id()).isEqualTo(mentor);
        direct.useHandle(handle -> handle.execute("UPDATE mentors SET family_name = 'Zzyzx' WHERE id = ?", mentor));
        assertMatchesRecount();
        List<Mentor> listed = repository.mentors();
        assertThat(listed.get(listed.size() - 1).id()).isEqualTo(mentor);
    }

    @Test
    void assignMoveUnassignAndMoveAllKeepTheSummariesExact() {
        List<Long> mentors = MentorFixtures.mentorIds(direct);
        List<Long> free = MentorFixtures.withoutMentor(direct, 5);
        List<Long> elsewhere = List.copyOf(
                MentorFixtures.assignedElsewhere(direct, mentors.get(0), 4).keySet());

        repository.assign(free, mentors.get(0), UUID.randomUUID());
        assertMatchesRecount();
        repository.assign(elsewhere, mentors.get(0), UUID.randomUUID());
        assertMatchesRecount();
        repository.unassign(List.of(free.get(0), elsewhere.get(0)), UUID.randomUUID());
        assertMatchesRecount();
        repository.moveAll(mentors.get(0), mentors.get(1), UUID.randomUUID());
        assertMatchesRecount();
        assertThat(repository.mentors().stream()
                        .filter(mentor -> mentor.id() == mentors.get(0))
                        .findFirst()
                        .orElseThrow()
                        .students())
                .isZero();
    }

    @Test
    void studentsComingGoingAndChangingClassKeepTheSummariesExact() {
        long mentor = MentorFixtures.mentorIds(direct).get(0);
        direct.useHandle(handle -> {
            handle.execute("INSERT INTO students (student_number, family_name, given_name, cohort_id)"
                    + " SELECT 'N' || n, 'New' || n, 'Student', (SELECT min(id) FROM cohorts)"
                    + " FROM generate_series(1, 40) n");
            handle.execute(
                    "INSERT INTO mentor_assignments (student_id, mentor_id, assigned_by)"
                            + " SELECT id, ?, session_user FROM students WHERE student_number LIKE 'N%'",
                    mentor);
        });
        assertMatchesRecount();

        // a whole class moves: every mentor of its students sees the other class name
        direct.useHandle(handle -> handle.execute("UPDATE students SET cohort_id = (SELECT max(id) FROM cohorts)"
                + " WHERE cohort_id = (SELECT min(id) FROM cohorts)"));
        assertMatchesRecount();
        direct.useHandle(handle -> handle.execute("UPDATE students SET cohort_id = NULL WHERE student_number = 'N1'"));
        assertMatchesRecount();
        direct.useHandle(handle -> handle.execute(
                "UPDATE cohorts SET name = 'Renamed ' || name" + " WHERE id = (SELECT max(id) FROM cohorts)"));
        assertMatchesRecount();

        // deleting students takes their assignments with them (ON DELETE CASCADE)
        direct.useHandle(handle -> handle.execute("DELETE FROM students WHERE student_number LIKE 'N%'"));
        assertMatchesRecount();
        direct.useHandle(handle -> handle.execute("INSERT INTO mentors (family_name, given_name, email)"
                + " VALUES ('Newcomer', 'Nina', 'nina@example.org')"));
        assertMatchesRecount();
    }

    @Test
    void emptyingTheAssignmentsByTruncateZeroesEverySummary() {
        direct.useHandle(handle -> handle.execute("TRUNCATE mentor_assignments"));
        assertMatchesRecount();
        assertThat(repository.countWithoutMentor())
                .isEqualTo(direct.withHandle(h -> h.createQuery("SELECT count(*) FROM students")
                        .mapTo(Long.class)
                        .one()));
    }

    @Test
    void twoDesktopsAssigningToOneMentorAtOnceBothCount() throws Exception {
        long mentor = MentorFixtures.mentorIds(direct).get(0);
        List<Long> free = MentorFixtures.withoutMentor(direct, 2);
        try (Handle first = direct.open()) {
            first.begin();
            first.execute(
                    "INSERT INTO mentor_assignments (student_id, mentor_id, assigned_by)"
                            + " VALUES (?, ?, session_user)",
                    free.get(0),
                    mentor);
            // the second waits for the first's lock on the mentor's summary, then recounts what it committed
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> direct.useHandle(handle -> handle.execute(
                    "INSERT INTO mentor_assignments (student_id, mentor_id, assigned_by) VALUES (?, ?, session_user)",
                    free.get(1),
                    mentor)));
            awaitWaiting();
            first.commit();
            second.get(30, TimeUnit.SECONDS);
        }
        assertMatchesRecount();
    }

    /** Until a backend of this database waits for a lock (the second writer). */
    private void awaitWaiting() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            boolean waiting = direct.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND wait_event_type = 'Lock')")
                    .mapTo(Boolean.class)
                    .one());
            if (waiting) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the second writer never waited");
    }

    /** The list sends each mentor's first cohorts and their number (V66): both must match the full recount's. */
    private void assertMatchesRecount() {
        List<String> expected = direct.withHandle(handle -> handle.createQuery(RECOUNT)
                .map((rows, context) -> {
                    List<String> cohorts =
                            List.of((String[]) rows.getArray("cohorts").getArray());
                    return rows.getLong("id") + " " + rows.getInt("students") + " "
                            + cohorts.subList(0, Math.min(Mentor.LISTED_COHORTS, cohorts.size())) + " of "
                            + cohorts.size() + " "
                            + rows.getTimestamp("last_change").toInstant();
                })
                .list());
        List<String> maintained = repository.mentors().stream()
                .map(mentor -> mentor.id() + " " + mentor.students() + " " + mentor.firstCohorts() + " of "
                        + mentor.cohortCount() + " " + mentor.lastChange())
                .toList();
        assertThat(maintained).containsExactlyElementsOf(expected);
        // what the list reads (V71) is what the whole lists say, for every summary row, listed mentor or not
        long stale = direct.withHandle(handle -> handle.createQuery("SELECT count(*) FROM mentor_summaries"
                        + " WHERE first_cohorts IS DISTINCT FROM cohort_names[1 : 3]"
                        + " OR cohort_count IS DISTINCT FROM cardinality(cohort_names)")
                .mapTo(Long.class)
                .one());
        assertThat(stale)
                .as("summaries whose stored first cohorts or count differ from their list")
                .isZero();
        long unfolded = direct.withHandle(handle -> handle.createQuery("SELECT count(*) FROM mentors"
                        + " WHERE sort_key IS DISTINCT FROM registrar_fold(family_name || ' ' || given_name)")
                .mapTo(Long.class)
                .one());
        assertThat(unfolded).isZero();
        long without = direct.withHandle(
                handle -> handle.createQuery(WITHOUT_MENTOR).mapTo(Long.class).one());
        assertThat(repository.countWithoutMentor()).isEqualTo(without);
    }
}
