package org.registrar.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.registrar.cache.CacheSettings;
import org.registrar.cache.ChangeStamps;
import org.registrar.db.Database;
import org.registrar.mentors.Mentor;
import org.registrar.mentors.MentorDirectory;
import org.registrar.mentors.MentorRepository;
import org.registrar.mentors.RosterEntry;

/**
 * The mentors list the old web platform's way (list, then count, cohorts and last change per mentor: 1 + 3N
 * statements) against Registrar's list from the maintained summaries cold and from the cache, the full aggregate it
 * replaced, the count without a mentor and the mentors of one class cold, and a 200-student roster cold and warm. Tops one mentor up to 200 students first (the bench database is scratch).
 */
public final class MentorsBench implements BenchScenario {
    private static final int ROSTER_SIZE = 200;

    static final String OPERATION = "Bench mentors";

    @Override
    public String name() {
        return "mentors";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        Database database = context.database();
        Measure measure = Measure.of(context);
        MentorRepository repository = new MentorRepository(database.jdbi());
        MentorDirectory directory = directory(database);
        long mentor = mentorWithRosterOf(repository, directory);
        int repetitions = Math.max(5, context.repetitions());
        BenchResult result = new BenchResult(
                name(), "case", "median_ms", "p90_ms", "statements", "round_trips", "server_statements", "rows");
        Timing uncached = time(measure, repetitions, () -> oldWayList(database));
        row(result, "uncached", uncached);
        Timing cold = coldList(measure, directory, repetitions);
        row(result, "cold", cold);
        row(
                result,
                "cold, full aggregate (the list before V65)",
                time(measure, repetitions, () -> fullAggregate(database)));
        row(result, "without a mentor, cold", withoutMentor(measure, directory, repetitions));
        String cohort = aClassOf(repository, mentor);
        row(result, "mentors of a class, cold (V66)", time(measure, repetitions, () -> {
            directory.invalidateAll();
            return directory.mentorsInCohort(cohort).size();
        }));
        long free = directory.candidates("", true, null).entries().get(0).studentId();
        row(
                result,
                "assign and unassign 1 student (summaries kept)",
                time(measure, repetitions, () -> reassignOne(directory, free, mentor)));
        Timing warm = time(measure, repetitions * 100, () -> directory.mentors().size());
        row(result, "warm", warm);
        row(result, "roster cold", time(measure, repetitions, () -> {
            directory.invalidateAll();
            return directory.roster(mentor, null).entries().size();
        }));
        Timing rosterWarm = time(measure, repetitions * 100, () -> directory.roster(mentor, null).entries().size());
        row(result, "roster warm", rosterWarm);
        return result.note(String.format(
                        "%,d students, %,d mentors; %d repetitions (warm: %d). Uncached/cold = %.1fx,"
                                + " cold/warm = %.0fx; warm median %.1f µs, roster warm %.1f µs."
                                + " Counts, of one more untimed run of each case: statements and round trips from"
                                + " QueryMetrics, server statements from the server. p90: the 90th-percentile"
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
                .note("Server (SHOW): " + DurableServer.shown(database.jdbi()) + "; "
                        + context.serverStatements().describe() + ".");
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

    /** Times {@code work} with {@link Measure}; the rows are those of its counted run. */
    private static Timing time(Measure measure, int repetitions, Supplier<Integer> work) throws Exception {
        int[] rows = {0};
        Measure.Figures figures = measure.time(OPERATION, repetitions, () -> rows[0] = work.get());
        return new Timing(figures, rows[0]);
    }

    /** One case's figures and the rows its counted run returned. */
    record Timing(Measure.Figures figures, int rows) {
        double median() {
            return figures.median();
        }
    }

    private static void row(BenchResult result, String name, Timing timing) {
        Measure.Figures figures = timing.figures();
        result.row(
                name,
                figures.median(),
                figures.p90(),
                figures.statements(),
                figures.roundTrips(),
                figures.serverStatements(),
                timing.rows());
    }

    /** The mentors list from the maintained summaries, cold (the cache emptied before each run). */
    static Timing coldList(Measure measure, MentorDirectory directory, int repetitions) throws Exception {
        return time(measure, repetitions, () -> {
            directory.invalidateAll();
            return directory.mentors().size();
        });
    }

    /** The count of students without a mentor, cold. */
    static Timing withoutMentor(Measure measure, MentorDirectory directory, int repetitions) throws Exception {
        return time(measure, repetitions, () -> {
            directory.invalidateAll();
            return (int) directory.countWithoutMentor();
        });
    }

    /** The directory as a desktop builds it, with the app's cache settings; its first read checks the stamps. */
    static MentorDirectory directory(Database database) {
        MentorDirectory directory = new MentorDirectory(
                new MentorRepository(database.jdbi()),
                new ChangeStamps(database.jdbi()),
                new CacheSettings(Duration.ofMinutes(5), Duration.ofHours(1), 2_000));
        directory.countWithoutMentor(); // the first read checks the change stamps; not part of what is timed
        return directory;
    }
}
