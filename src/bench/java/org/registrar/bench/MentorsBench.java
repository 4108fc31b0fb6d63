package org.registrar.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.registrar.db.Database;
import org.registrar.mentors.ChangeStamps;
import org.registrar.mentors.Mentor;
import org.registrar.mentors.MentorDirectory;
import org.registrar.mentors.MentorRepository;
import org.registrar.mentors.MentorSettings;
import org.registrar.mentors.RosterEntry;
import org.registrar.metrics.OperationScope;

/**
 * The mentors list the old web platform's way (list, then count, cohorts and last change per mentor: 1 + 3N
 * statements) against Registrar's list from the maintained summaries cold and from the cache, the full aggregate it
 * replaced, the count without a mentor and the mentors of one class cold, and a 200-student roster cold and warm. Tops one mentor up to 200 students first (the bench database is scratch).
 */
public final class MentorsBench implements BenchScenario {
    private static final int ROSTER_SIZE = 200;

    @Override
    public String name() {
        return "mentors";
    }

    @Override
    public BenchResult run(BenchContext context) {
        Database database = context.database();
        MentorRepository repository = new MentorRepository(database.jdbi());
        MentorDirectory directory = new MentorDirectory(
                repository,
                new ChangeStamps(database.jdbi()),
                new MentorSettings(Duration.ofMinutes(5), Duration.ofHours(1), 2_000));
        long mentor = mentorWithRosterOf(repository, directory);
        int repetitions = Math.max(5, context.repetitions());
        BenchResult result = new BenchResult(name(), "case", "median_ms", "p90_ms", "statements", "rows");
        directory.countWithoutMentor(); // the first read checks the change stamps; not part of what follows
        Timing uncached = time(database, repetitions, () -> oldWayList(database));
        result.row("uncached", uncached.median(), uncached.p90(), uncached.statements(), uncached.rows());
        Timing cold = time(database, repetitions, () -> {
            directory.invalidateAll();
            return directory.mentors().size();
        });
        result.row("cold", cold.median(), cold.p90(), cold.statements(), cold.rows());
        Timing aggregate = time(database, repetitions, () -> fullAggregate(database));
        result.row(
                "cold, full aggregate (the list before V65)",
                aggregate.median(),
                aggregate.p90(),
                aggregate.statements(),
                aggregate.rows());
        Timing without = time(database, repetitions, () -> {
            directory.invalidateAll();
            return (int) directory.countWithoutMentor();
        });
        result.row("without a mentor, cold", without.median(), without.p90(), without.statements(), 1);
        String cohort = aClassOf(repository, mentor);
        Timing ofClass = time(database, repetitions, () -> {
            directory.invalidateAll();
            return directory.mentorsInCohort(cohort).size();
        });
        result.row(
                "mentors of a class, cold (V66)",
                ofClass.median(),
                ofClass.p90(),
                ofClass.statements(),
                ofClass.rows());
        long free = directory.candidates("", true, null).entries().get(0).studentId();
        Timing reassign = time(database, repetitions, () -> reassignOne(directory, free, mentor));
        result.row(
                "assign and unassign 1 student (summaries kept)",
                reassign.median(),
                reassign.p90(),
                reassign.statements(),
                1);
        Timing warm =
                time(database, repetitions * 100, () -> directory.mentors().size());
        result.row("warm", warm.median(), warm.p90(), warm.statements(), warm.rows());
        Timing rosterCold = time(database, repetitions, () -> {
            directory.invalidateAll();
            return directory.roster(mentor, null).entries().size();
        });
        result.row("roster cold", rosterCold.median(), rosterCold.p90(), rosterCold.statements(), rosterCold.rows());
        Timing rosterWarm = time(
                database,
                repetitions * 100,
                () -> directory.roster(mentor, null).entries().size());
        result.row("roster warm", rosterWarm.median(), rosterWarm.p90(), rosterWarm.statements(), rosterWarm.rows());
        return result.note(String.format(
                        "%,d students, %,d mentors; %d repetitions (warm: %d). Uncached/cold = %.1fx,"
                                + " cold/warm = %.0fx; warm median %.1f µs, roster warm %.1f µs."
                                + " Statements: per repetition, counted by QueryMetrics. p90: the 90th-percentile"
                                + " repetition, where a statement that slows down after repeated use on one"
                                + " connection shows before it moves the median.",
                        context.students(),
                        cold.rows(),
                        repetitions,
                        repetitions * 100,
                        uncached.median() / cold.median(),
                        cold.median() / warm.median(),
                        warm.median() * 1000,
                        rosterWarm.median() * 1000))
                .note(namesSent(repository))
                .note("Cache: " + directory.snapshot())
                .note("Server (SHOW): " + DurableServer.shown(database.jdbi()) + ".");
    }

    /** The list as one aggregate over every assignment, student and class: what V65 replaced (reference). */
    private static int fullAggregate(Database database) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT m.id, count(a.student_id)::int,"
                        + " coalesce(array_agg(DISTINCT c.name COLLATE \"C\" ORDER BY c.name COLLATE \"C\")"
                        + " FILTER (WHERE c.name IS NOT NULL), '{}'), greatest(m.updated_at, max(a.assigned_at))"
                        + " FROM mentors m LEFT JOIN mentor_assignments a ON a.mentor_id = m.id"
                        + " LEFT JOIN students s ON s.id = a.student_id LEFT JOIN cohorts c ON c.id = s.cohort_id"
                        + " GROUP BY m.id ORDER BY registrar_fold(m.family_name || ' ' || m.given_name), m.id")
                .mapToMap()
                .list()
                .size());
    }

    /** The first cohort of the bench's mentor: a class with at least one mentor. */
    private static String aClassOf(MentorRepository repository, long mentor) {
        return repository.mentors().stream()
                .filter(m -> m.id() == mentor)
                .findFirst()
                .orElseThrow()
                .firstCohorts()
                .get(0);
    }

    /** What the cold list carries since V66 against the full cohort lists it carried before. */
    private static String namesSent(MentorRepository repository) {
        List<Mentor> mentors = repository.mentors();
        return String.format(
                "Cohort names in the list: %,d sent (first %d per mentor), %,d in the full lists.",
                mentors.stream().mapToInt(m -> m.firstCohorts().size()).sum(),
                Mentor.LISTED_COHORTS,
                mentors.stream().mapToInt(Mentor::cohortCount).sum());
    }

    /** A write's cost with the maintained summaries: one student without a mentor assigned, then unassigned. */
    private static int reassignOne(MentorDirectory directory, long student, long mentor) {
        directory.assign(List.of(student), mentor, UUID.randomUUID());
        directory.unassign(List.of(student), UUID.randomUUID());
        return 1;
    }

    /** The web platform's way: the mentor list, then three look-ups per mentor. */
    private static int oldWayList(Database database) {
        return database.jdbi().withHandle(handle -> {
            List<Long> ids = handle.createQuery("SELECT id FROM mentors ORDER BY family_name, given_name, id")
                    .mapTo(Long.class)
                    .list();
            for (long id : ids) {
                perMentor(handle, id);
            }
            return ids.size();
        });
    }

    private static void perMentor(Handle handle, long id) {
        handle.createQuery("SELECT count(*) FROM mentor_assignments WHERE mentor_id = :id")
                .bind("id", id)
                .mapTo(Long.class)
                .one();
        handle.createQuery("SELECT DISTINCT c.name FROM mentor_assignments a JOIN students s ON s.id = a.student_id"
                        + " JOIN cohorts c ON c.id = s.cohort_id WHERE a.mentor_id = :id ORDER BY c.name")
                .bind("id", id)
                .mapTo(String.class)
                .list();
        handle.createQuery("SELECT greatest(m.updated_at, (SELECT max(assigned_at) FROM mentor_assignments"
                        + " WHERE mentor_id = m.id)) FROM mentors m WHERE m.id = :id")
                .bind("id", id)
                .mapTo(java.time.OffsetDateTime.class)
                .one();
    }

    private static long mentorWithRosterOf(MentorRepository repository, MentorDirectory directory) {
        Mentor largest = repository.mentors().stream()
                .max(Comparator.comparingInt(Mentor::students))
                .orElseThrow();
        int missing = ROSTER_SIZE - largest.students();
        if (missing > 0) {
            List<Long> extra = repository.candidates("", true, null, missing).entries().stream()
                    .map(RosterEntry::studentId)
                    .toList();
            directory.assign(extra, largest.id(), UUID.randomUUID());
        }
        return largest.id();
    }

    private static Timing time(Database database, int repetitions, Supplier<Integer> work) {
        double[] millis = new double[repetitions];
        int statements = 0;
        int rows = 0;
        for (int i = 0; i < repetitions; i++) {
            OperationScope scope = database.queryMetrics().begin("Bench mentors");
            long start = System.nanoTime();
            try (scope) {
                rows = work.get();
            }
            millis[i] = Measurements.since(start);
            statements = scope.summary().statements();
        }
        return new Timing(Measurements.median(millis), Measurements.percentile(millis, 90), statements, rows);
    }

    private record Timing(double median, double p90, int statements, int rows) {}
}
