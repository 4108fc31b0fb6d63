package org.registrar.mentors;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveOutcome;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.cache.CacheSettings;
import org.registrar.cache.ChangeStamps;
import org.registrar.db.Database;
import org.registrar.db.TestDatabases;
import org.registrar.metrics.OperationScope;
import org.registrar.testing.TestSession;

/**
 * Results saved on another desktop (a second pool, a staff login) show in cached rosters within the staleness
 * setting, through the {@code assessment_results} change stamp (V57), while the cached mentors list (an expensive
 * aggregate that shows no results) is not reloaded by them.
 */
class RosterResultsFreshnessTest {
    private static final Duration STALENESS = Duration.ofSeconds(1);

    private TestSession session;
    private MentorRepository repository;
    private Jdbi direct;
    private Database otherDesktop;
    private long mentor;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        repository = new MentorRepository(session.database().jdbi());
        direct = TestDatabases.jdbi(session.databaseName());
        otherDesktop = TestDatabases.openAs(
                session.databaseName(), "roster_staff_" + session.databaseName(), "registrar_staff", 1);
        mentor = MentorFixtures.mentorIds(direct).get(0);
    }

    @AfterEach
    void close() {
        otherDesktop.close();
        session.close();
    }

    private MentorDirectory directory(AtomicLong clock) {
        return new MentorDirectory(
                repository,
                new ChangeStamps(session.database().jdbi()),
                new CacheSettings(Duration.ofMinutes(5), STALENESS, 1000),
                clock::get);
    }

    @Test
    void aResultSavedOnAnotherDesktopShowsInTheCachedRosterWithinTheStaleness() throws Exception {
        AtomicLong clock = new AtomicLong();
        MentorDirectory directory = directory(clock);
        RosterEntry student = scored(directory.roster(mentor, null));

        BigDecimal saved = saveOtherScoreElsewhere(student);
        clock.addAndGet(STALENESS.toNanos());

        assertThat(latestScoreOf(directory.roster(mentor, null), student.studentId()))
                .isEqualTo(saved);
        assertThat(directory.roster(mentor, null)).isEqualTo(repository.roster(mentor, null, 200));
    }

    @Test
    void aResultsSaveReloadsRostersButNotTheMentorsListNorTheCount() {
        AtomicLong clock = new AtomicLong();
        MentorDirectory directory = directory(clock);
        List<Mentor> mentors = directory.mentors();
        directory.countWithoutMentor();
        RosterEntry student = scored(directory.roster(mentor, null));
        long loads = directory.snapshot().loads();

        BigDecimal saved = saveOtherScoreElsewhere(student);
        clock.addAndGet(STALENESS.toNanos());

        assertThat(statements(directory::mentors)).as("the stamp check only").isEqualTo(1);
        assertThat(statements(directory::countWithoutMentor)).isZero();
        assertThat(directory.snapshot().loads()).as("nothing reloaded yet").isEqualTo(loads);
        assertThat(statements(() -> directory.roster(mentor, null))).isEqualTo(1);
        assertThat(directory.snapshot().loads()).as("the roster only").isEqualTo(loads + 1);
        assertThat(latestScoreOf(directory.roster(mentor, null), student.studentId()))
                .isEqualTo(saved);
        assertThat(directory.mentors()).isSameAs(mentors);
    }

    @Test
    void withinTheStalenessTheCachedRosterIsServedWithoutAQuery() {
        AtomicLong clock = new AtomicLong();
        MentorDirectory directory = directory(clock);
        RosterEntry student = scored(directory.roster(mentor, null));

        saveOtherScoreElsewhere(student);
        clock.addAndGet(STALENESS.toNanos() - 1);

        assertThat(statements(() -> directory.roster(mentor, null))).isZero();
        assertThat(latestScoreOf(directory.roster(mentor, null), student.studentId()))
                .isEqualTo(student.latestScore());
    }

    /** Another desktop, logged in as staff, changes the student's latest score through the real save. */
    private BigDecimal saveOtherScoreElsewhere(RosterEntry student) {
        MentorFixtures.Result latest = MentorFixtures.latestResult(direct, student.studentId());
        BigDecimal other =
                student.latestScore().compareTo(BigDecimal.ZERO) == 0 ? student.latestMaxScore() : BigDecimal.ZERO;
        ResultsRepository elsewhere = new ResultsRepository(otherDesktop.jdbi());
        ResultChange change = new ResultChange(student.studentId(), other, false, null, latest.version());
        SaveOutcome outcome =
                elsewhere.save(SaveRequest.existing(UUID.randomUUID(), latest.assessmentId(), List.of(change)));
        assertThat(outcome.savedVersions()).containsKey(student.studentId());
        return MentorFixtures.latestResult(direct, student.studentId()).score();
    }

    private static RosterEntry scored(RosterPage page) {
        return page.entries().stream()
                .filter(entry -> entry.latestScore() != null)
                .findFirst()
                .orElseThrow();
    }

    private static BigDecimal latestScoreOf(RosterPage page, long studentId) {
        return page.entries().stream()
                .filter(entry -> entry.studentId() == studentId)
                .findFirst()
                .orElseThrow()
                .latestScore();
    }

    private int statements(Runnable work) {
        OperationScope scope = session.metrics().begin("Directory read");
        try (scope) {
            work.run();
        }
        return scope.summary().statements();
    }
}
