package org.registrar.mentors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.cache.CacheSettings;
import org.registrar.cache.ChangeStamps;
import org.registrar.db.TestDatabases;
import org.registrar.testing.HeldWork;
import org.registrar.testing.TestSession;

/**
 * The Mentors screen's ViewModels with inline tasks, no JavaFX: the list and its summary, rename with its
 * refusals, moving students from another mentor only after the question, and stale search answers.
 */
class MentorsViewModelTest {
    private TestSession session;
    private Jdbi other;
    private MentorDirectory directory;
    private MentorsViewModel model;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        other = TestDatabases.jdbi(session.databaseName());
        directory = new MentorDirectory(
                new MentorRepository(session.database().jdbi()),
                new ChangeStamps(session.database().jdbi()),
                new CacheSettings(Duration.ofMinutes(5), Duration.ofSeconds(10), 500));
        model = new MentorsViewModel(session.inlineTasks(), directory);
        model.refresh();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private String studentNumber(long studentId) {
        return other.withHandle(handle -> handle.createQuery("SELECT student_number FROM students WHERE id = :id")
                .bind("id", studentId)
                .mapTo(String.class)
                .one());
    }

    @Test
    void listsTheMentorsWithTheGapsAndShowsTheFirstOnesStudents() {
        long mentors = other.withHandle(handle -> handle.createQuery("SELECT count(*) FROM mentors")
                .mapTo(Long.class)
                .one());
        long without = MentorFixtures.withoutMentor(other, 100_000).size();

        assertThat(model.summaryProperty().get())
                .isEqualTo(String.format("%,d mentors · %,d students without a mentor", mentors, without));
        Mentor first = model.selectedProperty().get();
        assertThat(first).isEqualTo(model.mentors().get(0));
        assertThat(model.detail().roster())
                .hasSize(Math.min(
                        MentorFixtures.studentCounts(other).getOrDefault(first.id(), 0),
                        model.detail().roster().size()))
                .allMatch(entry -> entry.mentorId() == first.id());
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void theFilterNarrowsTheListByName() {
        Mentor chosen = model.mentors().get(model.mentors().size() - 1);

        model.filterProperty().set(chosen.familyName());

        assertThat(model.mentors())
                .contains(chosen)
                .allMatch(mentor -> mentor.displayName()
                                .toLowerCase()
                                .contains(chosen.familyName().toLowerCase())
                        || mentor.email()
                                .toLowerCase()
                                .contains(chosen.familyName().toLowerCase())
                        || mentor.firstCohorts().stream().anyMatch(c -> c.equalsIgnoreCase(chosen.familyName())));
    }

    @Test
    void aBlankNameIsRefusedAndAGoodOneIsStoredAndListed() {
        Mentor chosen = model.selectedProperty().get();
        boolean[] renamed = {false};

        model.rename("  ", "Ana", () -> renamed[0] = true);
        assertThat(model.messageProperty().get()).isEqualTo("A mentor needs a family name.");
        assertThat(renamed[0]).isFalse();

        model.rename("Okafor", "Ada", () -> renamed[0] = true);
        assertThat(renamed[0]).isTrue();
        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.selectedProperty().get().id()).isEqualTo(chosen.id());
        assertThat(model.selectedProperty().get().displayName()).isEqualTo("Okafor, Ada");
    }

    @Test
    void studentsOfAnotherMentorMoveOnlyAfterTheUserAgrees() {
        Mentor target = model.selectedProperty().get();
        Map.Entry<Long, Long> elsewhere = MentorFixtures.assignedElsewhere(other, target.id(), 1)
                .entrySet()
                .iterator()
                .next();
        AssignViewModel assign = model.detail().assign();
        assign.queryProperty().set(studentNumber(elsewhere.getKey()));
        assign.search();
        List<RosterEntry> found = assign.candidates().stream()
                .filter(entry -> entry.studentId() == elsewhere.getKey())
                .toList();
        assertThat(found).hasSize(1);

        assign.assign(found);
        assertThat(assign.moveQuestionProperty().get()).isNotEmpty();
        assign.cancelMove();
        assertThat(assign.messageProperty().get()).isEqualTo("Nothing changed: the students keep their mentors.");
        assertThat(MentorFixtures.mentorOf(other, List.of(elsewhere.getKey()))).containsExactly(elsewhere.getValue());

        assign.assign(found);
        assign.confirmMove();
        assertThat(assign.moveQuestionProperty().get()).isEmpty();
        assertThat(MentorFixtures.mentorOf(other, List.of(elsewhere.getKey()))).containsExactly(target.id());
    }

    @Test
    void anOlderSearchAnsweringLateDoesNotReplaceTheNewerOne() {
        HeldWork work = new HeldWork();
        MentorsViewModel held = new MentorsViewModel(work.tasks(session.metrics()), directory);
        held.refresh();
        work.releaseAll();
        AssignViewModel assign = held.detail().assign();
        List<Long> students = MentorFixtures.studentIds(other, 2);
        String older = studentNumber(students.get(0));
        String newer = studentNumber(students.get(1));

        assign.queryProperty().set(older);
        assign.search();
        assign.queryProperty().set(newer);
        assign.search();
        work.release(1);
        work.releaseAll();

        assertThat(assign.candidates())
                .isNotEmpty()
                .allMatch(entry -> entry.studentNumber().startsWith(newer));
        assertThat(assign.busyProperty().get()).isFalse();
    }
}
