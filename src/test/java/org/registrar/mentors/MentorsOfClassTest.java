package org.registrar.mentors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.db.TestDatabases;
import org.registrar.testing.TestSession;

/**
 * "Mentors of class X" is answered by the server from the maintained cohort lists (V66), since the list no longer
 * carries them whole: after every kind of write it must equal a recount from the assignments, students and classes.
 */
class MentorsOfClassTest {
    private static final String RECOUNT = """
            SELECT DISTINCT a.mentor_id
              FROM mentor_assignments a
              JOIN students s ON s.id = a.student_id
              JOIN cohorts c ON c.id = s.cohort_id
             WHERE upper(c.name) = upper(:name)
            """;

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
    void mentorsOfAClassFollowAssignMoveAndUnassign() {
        long student = MentorFixtures.withoutMentor(direct, 1).get(0);
        String itsClass = classOf(student);
        long mentor = mentorWithNoStudentIn(itsClass);
        String otherClass =
                direct.withHandle(h -> h.createQuery("SELECT name FROM cohorts WHERE name <> :name ORDER BY id LIMIT 1")
                        .bind("name", itsClass)
                        .mapTo(String.class)
                        .one());
        assertMatchesRecount(itsClass, otherClass);
        assertThat(repository.mentorsInCohort(itsClass)).doesNotContain(mentor);

        repository.assign(List.of(student), mentor, UUID.randomUUID());
        assertMatchesRecount(itsClass, otherClass);
        assertThat(repository.mentorsInCohort(itsClass)).contains(mentor);
        assertThat(repository.mentorsInCohort(itsClass.toLowerCase(Locale.ROOT)))
                .contains(mentor);

        // the student moves to another class: the mentor goes with them
        direct.useHandle(h -> h.execute(
                "UPDATE students SET cohort_id = (SELECT id FROM cohorts WHERE name = ?) WHERE id = ?",
                otherClass,
                student));
        assertMatchesRecount(itsClass, otherClass);
        assertThat(repository.mentorsInCohort(otherClass)).contains(mentor);

        long another = mentorWithNoStudentIn(otherClass);
        repository.assign(List.of(student), another, UUID.randomUUID());
        assertMatchesRecount(itsClass, otherClass);
        assertThat(repository.mentorsInCohort(otherClass)).contains(another);

        repository.unassign(List.of(student), UUID.randomUUID());
        assertMatchesRecount(itsClass, otherClass);
        assertThat(repository.mentorsInCohort(otherClass)).doesNotContain(another);
    }

    @Test
    void aRenamedClassIsFoundByItsNewNameOnlyAndAnUnknownNameByNone() {
        String name = direct.withHandle(h -> h.createQuery("SELECT c.name FROM cohorts c WHERE EXISTS"
                        + " (SELECT FROM students s JOIN mentor_assignments a ON a.student_id = s.id"
                        + " WHERE s.cohort_id = c.id) ORDER BY c.id LIMIT 1")
                .mapTo(String.class)
                .one());
        Set<Long> before = repository.mentorsInCohort(name);
        assertThat(before).isNotEmpty();
        direct.useHandle(h -> h.execute("UPDATE cohorts SET name = 'Renamed ' || name WHERE name = ?", name));
        assertThat(repository.mentorsInCohort(name)).isEmpty();
        assertThat(repository.mentorsInCohort("renamed " + name)).isEqualTo(before);
        assertThat(repository.mentorsInCohort("no such class")).isEmpty();
    }

    @Test
    void theLookupCanUseTheIndexesAndNeverReadsStudentsOrAssignments() {
        String statement = MentorSql.MENTORS_IN_COHORT.replace(":name", "'7A'");
        String plan = direct.withHandle(h -> {
            // the test school is small; show what a large one can use. Index scans off as well: a GIN index is
            // read by bitmap only, and with sequential scans alone turned off the planner may walk the whole
            // primary key instead (seen on a clean build)
            h.execute("SET enable_seqscan = off");
            h.execute("SET enable_indexscan = off");
            return String.join(
                    "\n",
                    h.createQuery("EXPLAIN " + statement).mapTo(String.class).list());
        });
        assertThat(plan)
                .contains("mentor_summaries_cohort_names_idx")
                .contains("cohorts_upper_name_idx")
                .doesNotContain(" on students")
                .doesNotContain(" on mentor_assignments");
    }

    private void assertMatchesRecount(String... classes) {
        for (String name : classes) {
            Set<Long> expected = Set.copyOf(direct.withHandle(h ->
                    h.createQuery(RECOUNT).bind("name", name).mapTo(Long.class).list()));
            assertThat(repository.mentorsInCohort(name)).as(name).isEqualTo(expected);
        }
    }

    private String classOf(long student) {
        return direct.withHandle(h -> h.createQuery(
                        "SELECT c.name FROM students s JOIN cohorts c ON c.id = s.cohort_id WHERE s.id = :id")
                .bind("id", student)
                .mapTo(String.class)
                .one());
    }

    private long mentorWithNoStudentIn(String cohort) {
        return direct.withHandle(h -> h.createQuery(
                        "SELECT m.id FROM mentors m WHERE m.id NOT IN (" + RECOUNT + ") ORDER BY m.id LIMIT 1")
                .bind("name", cohort)
                .mapTo(Long.class)
                .one());
    }
}
