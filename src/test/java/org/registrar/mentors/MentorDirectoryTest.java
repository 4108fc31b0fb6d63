package org.registrar.mentors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.cache.CacheSettings;
import org.registrar.cache.ChangeStamps;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.Database;
import org.registrar.db.TestDatabases;
import org.registrar.metrics.CacheMetrics;
import org.registrar.metrics.OperationScope;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;
import org.registrar.testing.TestSession;

/**
 * MentorDirectory on the real database: hits cost nothing, local writes drop the right entries, another desktop's
 * writes (a second pool) show within the staleness setting, concurrent loads coalesce, statistics are exposed.
 */
class MentorDirectoryTest {
    private static final Duration STALENESS = Duration.ofSeconds(1);

    private TestSession session;
    private MentorRepository repository;
    private MentorDirectory directory;
    private Jdbi direct;
    /** The class of the first student {@link #everyKindOfLocalWriteShowsAtOnce} assigns. */
    private String cohort;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        repository = new MentorRepository(session.database().jdbi());
        directory = directoryWith(STALENESS);
        direct = TestDatabases.jdbi(session.databaseName());
    }

    private MentorDirectory directoryWith(Duration staleness) {
        return new MentorDirectory(
                repository,
                new ChangeStamps(session.database().jdbi()),
                new CacheSettings(Duration.ofMinutes(5), staleness, 1000));
    }

    @AfterEach
    void close() {
        session.close();
    }

    private int statements(Runnable work) {
        OperationScope scope = session.metrics().begin("Directory read");
        try (scope) {
            work.run();
        }
        return scope.summary().statements();
    }

    @Test
    void aWarmReadSendsNoStatementAndCountsAsAHit() {
        directory = directoryWith(Duration.ofMinutes(1));
        assertThat(statements(directory::mentors)).isEqualTo(2); // stamp check + the aggregate query
        CacheMetrics.Snapshot before = directory.snapshot();

        assertThat(statements(directory::mentors)).isZero();

        CacheMetrics.Snapshot after = directory.snapshot();
        assertThat(after.hits() - before.hits()).isEqualTo(1);
        assertThat(after.loads()).isEqualTo(1);
        assertThat(after.entries()).isEqualTo(1);
        assertThat(after.hitRate()).isEqualTo(0.5);
        assertThat(after.meanLoadMillis()).isPositive();
        assertThat(after.cache()).isEqualTo("Mentors");
    }

    @Test
    void aLocalAssignmentDropsExactlyTheAffectedEntries() {
        directory = directoryWith(Duration.ofMinutes(1));
        List<Long> mentors = MentorFixtures.mentorIds(direct);
        long target = mentors.get(0);
        long bystander = mentors.get(5);
        long student = MentorFixtures.withoutMentor(direct, 1).get(0);
        directory.mentors();
        directory.roster(target, null);
        directory.roster(bystander, null);
        long without = directory.countWithoutMentor();

        directory.assign(List.of(student), target, UUID.randomUUID());

        assertThat(statements(() -> directory.roster(bystander, null))).isZero();
        assertThat(directory.roster(target, null).entries())
                .extracting(RosterEntry::studentId)
                .contains(student);
        assertThat(directory.countWithoutMentor()).isEqualTo(without - 1);
        assertThat(directory.mentors()).isEqualTo(repository.mentors());
    }

    @Test
    void everyKindOfLocalWriteShowsAtOnce() {
        directory = directoryWith(Duration.ofMinutes(1));
        List<Long> mentors = MentorFixtures.mentorIds(direct);
        long first = mentors.get(0);
        long second = mentors.get(1);
        List<Long> students = MentorFixtures.withoutMentor(direct, 2);

        cohort = direct.withHandle(h -> h.createQuery(
                        "SELECT c.name FROM students s JOIN cohorts c ON c.id = s.cohort_id WHERE s.id = :id")
                .bind("id", students.get(0))
                .mapTo(String.class)
                .one());
        assertMatchesDatabase(() -> directory.assign(students, first, UUID.randomUUID()), first, second);
        assertMatchesDatabase(() -> directory.unassign(students.subList(0, 1), UUID.randomUUID()), first, second);
        assertMatchesDatabase(() -> directory.moveAll(first, second, UUID.randomUUID()), first, second);
        assertMatchesDatabase(() -> directory.rename(second, "Zander", "Ada"), first, second);
        assertMatchesDatabase(() -> directory.setActive(second, false), first, second);
    }

    private void assertMatchesDatabase(Runnable write, long... rostersOf) {
        directory.mentors();
        directory.countWithoutMentor();
        for (long mentor : rostersOf) {
            directory.roster(mentor, null);
        }
        directory.mentorsInCohort(cohort); // cached before the write: the first write changes its answer
        write.run();
        assertThat(directory.mentors()).isEqualTo(repository.mentors());
        assertThat(directory.mentorsInCohort(cohort)).isEqualTo(repository.mentorsInCohort(cohort));
        assertThat(directory.countWithoutMentor()).isEqualTo(repository.countWithoutMentor());
        for (long mentor : rostersOf) {
            assertThat(directory.roster(mentor, null))
                    .isEqualTo(repository.roster(mentor, null, MentorRepository.PAGE_SIZE));
        }
    }

    @Test
    void anotherDesktopsWritesShowWithinTheStaleness() throws Exception {
        List<Long> mentors = MentorFixtures.mentorIds(direct);
        long first = mentors.get(0);
        long second = mentors.get(1);
        List<Long> students = MentorFixtures.withoutMentor(direct, 2);
        AtomicLong clock = new AtomicLong();
        directory = new MentorDirectory(
                repository,
                new ChangeStamps(session.database().jdbi()),
                new CacheSettings(Duration.ofMinutes(5), STALENESS, 1000),
                clock::get);
        try (Database other = Database.open(
                ConnectionProfile.embedded(),
                TestDatabases.jdbcUrl(session.databaseName()),
                null,
                new QueryMetrics(),
                new PoolMetrics())) {
            MentorRepository elsewhere = new MentorRepository(other.jdbi());
            List<Consumer<MentorRepository>> writes = List.of(
                    desk -> desk.assign(students, first, UUID.randomUUID()),
                    desk -> desk.unassign(students.subList(0, 1), UUID.randomUUID()),
                    desk -> desk.moveAll(first, second, UUID.randomUUID()),
                    desk -> desk.rename(second, "Zander", "Ada"),
                    desk -> desk.setActive(second, false));
            for (Consumer<MentorRepository> write : writes) {
                directory.mentors();
                directory.roster(first, null);
                directory.roster(second, null);
                write.accept(elsewhere);
                // the staleness passes on the directory's own clock: the next reads must show the other desk's write
                clock.addAndGet(STALENESS.toNanos());
                assertThat(directory.mentors()).isEqualTo(repository.mentors());
                assertThat(directory.roster(first, null)).isEqualTo(repository.roster(first, null, 200));
                assertThat(directory.roster(second, null)).isEqualTo(repository.roster(second, null, 200));
            }
        }
    }

    @Test
    void tenConcurrentReadersOfOneRosterCauseOneQuery() throws Exception {
        directory = directoryWith(Duration.ofMinutes(1));
        directory.countWithoutMentor(); // the stamp check is done; what follows is roster loading only
        long mentor = MentorFixtures.mentorIds(direct).get(0);
        QueryMetrics.Totals before = session.metrics().totals();
        ExecutorService readers = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RosterPage>> pages = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                pages.add(readers.submit(() -> {
                    start.await();
                    return directory.roster(mentor, null);
                }));
            }
            start.countDown();
            for (Future<RosterPage> page : pages) {
                assertThat(page.get()).isEqualTo(pages.get(0).get());
            }
        } finally {
            readers.shutdownNow();
        }
        assertThat(session.metrics().totals().statements() - before.statements())
                .isEqualTo(1);
        assertThat(directory.snapshot().loads()).isEqualTo(2);
    }
}
