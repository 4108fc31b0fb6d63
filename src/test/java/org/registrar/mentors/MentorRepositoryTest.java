package org.registrar.mentors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.db.TestDatabases;
import org.registrar.metrics.OperationScope;
import org.registrar.testing.TestSession;

/** MentorRepository against the real embedded PostgreSQL with the template's demo data. */
class MentorRepositoryTest {
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
    void mentorsListIsOneAggregateQueryMatchingTheTables() {
        List<Mentor> mentors;
        OperationScope scope = session.metrics().begin("List mentors");
        try (scope) {
            mentors = repository.mentors();
        }
        assertThat(scope.summary().statements()).isEqualTo(1);
        Map<Long, Integer> counts = MentorFixtures.studentCounts(direct);
        int mentorRows = direct.withHandle(h -> h.createQuery("SELECT count(*) FROM mentors")
                .mapTo(Integer.class)
                .one());
        assertThat(mentors).hasSize(mentorRows);
        for (Mentor mentor : mentors) {
            assertThat(mentor.students()).as(mentor.email()).isEqualTo(counts.getOrDefault(mentor.id(), 0));
            assertThat(mentor.firstCohorts()).isSorted().doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(3);
            assertThat(mentor.cohortCount())
                    .isGreaterThanOrEqualTo(mentor.firstCohorts().size());
        }
        assertThat(mentors.stream().mapToInt(Mentor::students).sum()).isEqualTo(MentorFixtures.assigned(direct));
    }

    @Test
    void assignIsOneStatementRecordingWhoWhenAndTheBatch() {
        long target = MentorFixtures.mentorIds(direct).get(0);
        List<Long> unassigned = MentorFixtures.withoutMentor(direct, 3);
        Map<Long, Long> assigned = MentorFixtures.assignedElsewhere(direct, target, 2);
        List<Long> students = new ArrayList<>(unassigned);
        students.addAll(assigned.keySet());
        UUID batch = UUID.randomUUID();

        AssignmentChange change;
        OperationScope scope = session.metrics().begin("Assign");
        try (scope) {
            change = repository.assign(students, target, batch);
        }

        assertThat(scope.summary().statements()).isEqualTo(1);
        assertThat(change.students()).isEqualTo(5);
        assertThat(change.affectedMentors()).contains(target).containsAll(assigned.values());
        assertThat(MentorFixtures.mentorOf(direct, students)).containsOnly(target);
        int recorded = direct.withHandle(h -> h.createQuery("SELECT count(*) FROM mentor_assignments"
                        + " WHERE student_id = ANY(:ids) AND assigned_by = 'postgres'"
                        + " AND assigned_at > now() - interval '1 minute'")
                .bind("ids", students.stream().mapToLong(Long::longValue).toArray())
                .mapTo(Integer.class)
                .one());
        assertThat(recorded).isEqualTo(5);
        int ledgered = direct.withHandle(
                h -> h.createQuery("SELECT row_count FROM saved_batches WHERE id = :id AND kind = 'mentor_assignments'")
                        .bind("id", batch)
                        .mapTo(Integer.class)
                        .one());
        assertThat(ledgered).isEqualTo(5);
    }

    @Test
    void retriedAssignmentAppliesOnce() {
        long target = MentorFixtures.mentorIds(direct).get(1);
        List<Long> students = MentorFixtures.withoutMentor(direct, 2);
        UUID batch = UUID.randomUUID();
        repository.assign(students, target, batch);
        repository.unassign(List.of(students.get(0)), UUID.randomUUID());

        AssignmentChange retry = repository.assign(students, target, batch);

        assertThat(retry.students()).isZero();
        assertThat(MentorFixtures.mentorOf(direct, List.of(students.get(0)))).isEmpty();
    }

    @Test
    void unassignAndMoveAllReportTheMentorsTheyTouched() {
        List<Long> mentors = MentorFixtures.mentorIds(direct);
        long from = mentors.get(2);
        long to = mentors.get(3);
        int fromCount = MentorFixtures.studentCounts(direct).get(from);
        int toCount = MentorFixtures.studentCounts(direct).getOrDefault(to, 0);

        AssignmentChange moved = repository.moveAll(from, to, UUID.randomUUID());
        assertThat(moved.students()).isEqualTo(fromCount);
        assertThat(MentorFixtures.studentCounts(direct).getOrDefault(from, 0)).isZero();
        assertThat(MentorFixtures.studentCounts(direct).get(to)).isEqualTo(fromCount + toCount);

        long someone = repository.roster(to, null, 10).entries().get(0).studentId();
        AssignmentChange removed = repository.unassign(List.of(someone), UUID.randomUUID());
        assertThat(removed.students()).isEqualTo(1);
        assertThat(removed.affectedMentors()).containsExactly(to);
    }

    @Test
    void rosterPagesByNameCoverEveryStudentOnce() {
        long mentor = MentorFixtures.mentorIds(direct).get(4);
        repository.assign(MentorFixtures.studentIds(direct, 450), mentor, UUID.randomUUID());
        List<Long> seen = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        PageKey after = null;
        int pages = 0;
        do {
            RosterPage page = repository.roster(mentor, after, 200);
            page.entries().forEach(entry -> {
                seen.add(entry.studentId());
                keys.add(entry.searchKey() + "\u0000" + String.format("%012d", entry.studentId()));
            });
            after = page.next();
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen)
                .doesNotHaveDuplicates()
                .hasSize(MentorFixtures.studentCounts(direct).get(mentor));
        assertThat(keys).isSorted();
    }

    @Test
    void candidatesMatchNamePrefixNumberOrCohort() {
        RosterPage byCohort = repository.candidates("1a-00001", false, null, 200);
        assertThat(byCohort.entries())
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.cohort()).isEqualTo("1A-00001"));
        RosterPage byNumber = repository.candidates("s0000042", false, null, 200);
        assertThat(byNumber.entries()).extracting(RosterEntry::studentNumber).containsExactly("S0000042");
        RosterPage byName = repository.candidates("mull", false, null, 200);
        assertThat(byName.entries())
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.familyName()).isEqualTo("Müller"));
        RosterPage withoutMentor = repository.candidates("", true, null, 1000);
        assertThat((long) withoutMentor.entries().size()).isEqualTo(repository.countWithoutMentor());
        assertThat(withoutMentor.entries())
                .allSatisfy(entry -> assertThat(entry.mentorId()).isNull());
    }
}
