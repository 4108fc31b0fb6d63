package org.registrar.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveOutcome;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.db.Database;

/**
 * Saving 100 to 100,000 results of one assessment: Registrar's save (one transaction, at most 3 statements) of new
 * results and of changed ones, against a naive loop of one autocommitted INSERT per row, against COPY into
 * {@code assessment_results} itself (same keys, indexes and triggers: the like-for-like floor), against COPY into an
 * empty table with the results' primary key and nothing else, and against plain COPY into an empty table with no keys
 * or triggers (the floor of moving the bytes). The save's update of changed scores is timed against its own floor,
 * one set-based UPDATE of the same rows with every trigger firing, and that UPDATE with none (ADR 0042). Two tiny
 * transactions give the cost of a round trip and of a commit's WAL flush. Every insert goes to a fresh assessment of a
 * synthetic cohort of 100,000 students (or of the largest {@code --rows}) made for the run.
 */
public final class BulkSaveBench implements BenchScenario {
    static final int[] SIZES = {100, 1_000, 10_000, 100_000};
    /** The naive loop costs one commit (one fsync) per row: run at most this many rows, and fewer repetitions. */
    static final int LOOP_LIMIT = 10_000;
    /** Untimed saves of 100 results before the first measurement. */
    static final int WARM_UP_SAVES = 20;

    static final String OPERATION = "Bench bulk save";

    @Override
    public String name() {
        return "bulk-save";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        Database database = context.database();
        Measure measure = Measure.of(context);
        int[] sizes = context.saveSizes().isEmpty()
                ? SIZES
                : context.saveSizes().stream().mapToInt(Integer::intValue).toArray();
        BulkSaveFixture fixture =
                BulkSaveFixture.create(database, Arrays.stream(sizes).max().orElseThrow());
        BenchResult result = new BenchResult(
                name(),
                "method",
                "rows",
                "median_ms",
                "p95_ms",
                "statements",
                "round_trips",
                "server_statements",
                "server_nested");
        try {
            int references = context.repetitions() * 4;
            row(result, "SELECT 1 transaction (reference)", 0, measure.time(OPERATION, references, fixture::selectOne));
            row(
                    result,
                    "1-row INSERT + commit (reference)",
                    1,
                    measure.time(OPERATION, references, fixture::commitOneRow));
            warmUp(database, fixture);
            for (int size : sizes) {
                measureSize(context, measure, fixture, result, size);
            }
        } finally {
            fixture.dropCopyTables();
        }
        result.note("Same run, same server, so compare rows with each other, not with another run. " + WARM_UP_SAVES
                + " untimed saves of 100 results come first (JIT warm-up). \"registrar"
                + " save\" writes new results of a fresh assessment; \"registrar save (update)\" changes every"
                + " score of an assessment that already has them (optimistic versions checked). The naive loop"
                + " autocommits each INSERT (one fsync per row): run once at 10,000 rows and skipped at 100,000."
                + " \"COPY into assessment_results\" is one autocommitted COPY of new results into the real table"
                + " (its key checks, indexes, score-bound and history triggers): the like-for-like floor."
                + " \"COPY, empty table with primary key\" goes into an empty table of the same columns and primary"
                + " key (assessment_id, student_id) and nothing else; \"plain COPY\" into an empty table without"
                + " keys or triggers. Updates: \"UPDATE from arrays, real table (update floor)\" changes the same"
                + " number of results of another assessment by one autocommitted set-based UPDATE from arrays, setting"
                + " the columns the save sets, every trigger firing (score check, batch key, history, change stamp):"
                + " the floor of writing these changed scores with their rules. \"no triggers (lower bound)\" is that"
                + " statement with session_replication_role = replica: no rule kept, no history written. The three"
                + " updates take turns, one repetition each. Server: fsync and synchronous_commit on.")
                .note("Counts, of one more untimed run of each case: statements and round trips from QueryMetrics; "
                        + context.serverStatements().describe() + ".");
        return result;
    }

    /**
     * Saves a few small classes untimed first, so the first measured size does not pay for the JVM compiling the save
     * path (a desktop pays that once per session) or for the connections' first statements.
     */
    static void warmUp(Database database, BulkSaveFixture fixture) {
        ResultsRepository repository = new ResultsRepository(database.jdbi());
        for (int i = 0; i < WARM_UP_SAVES; i++) {
            repository.save(SaveRequest.existing(UUID.randomUUID(), fixture.newAssessment(), fixture.changes(100)));
        }
    }

    /** Repetitions at a size: fewer for 100,000 rows. */
    static int repetitions(BenchContext context, int size) {
        return size >= 100_000 ? Math.max(3, context.repetitions() / 3) : context.repetitions();
    }

    private static void measureSize(
            BenchContext context, Measure measure, BulkSaveFixture fixture, BenchResult result, int size)
            throws Exception {
        int repetitions = repetitions(context, size);
        Measure.Figures saved = saveNew(measure, fixture, size, repetitions);
        row(result, "registrar save", size, saved);
        Updates updates = updates(measure, fixture, size, repetitions);
        Measure.Figures updated = updates.save();
        row(result, "registrar save (update)", size, updated);
        row(result, "UPDATE from arrays, real table (update floor)", size, updates.floor());
        if (updates.lowerBound() != null) {
            row(result, "UPDATE from arrays, no triggers (lower bound)", size, updates.lowerBound());
        }
        if (size == SIZES[0] && saved.server().known()) {
            result.note("What the server ran for one save of " + size + " new results: " + saved.describeServer()
                    + ".");
            result.note("What the server ran for one update of " + size + " results: " + updated.describeServer()
                    + ".");
        }
        if (size <= LOOP_LIMIT) {
            int loops = size >= LOOP_LIMIT ? 1 : Math.max(2, repetitions / 5);
            Measure.Figures loop = measure.time(OPERATION, loops, () -> {
                long assessment = fixture.newAssessment();
                return () -> fixture.insertOneByOne(assessment, size);
            });
            row(result, "naive INSERT loop", size, loop);
        }
        row(result, "COPY into assessment_results (floor)", size, copyResults(measure, fixture, size, repetitions));
        row(
                result,
                "COPY, empty table with primary key (floor)",
                size,
                measure.time(OPERATION, repetitions, () -> {
                    fixture.emptyCopyTables();
                    return () -> fixture.copyKeyed(size);
                }));
        row(
                result,
                "plain COPY, empty table (floor)",
                size,
                measure.time(OPERATION, repetitions, () -> {
                    fixture.emptyCopyTables();
                    return () -> fixture.copyPlain(size);
                }));
    }

    private static void row(BenchResult result, String method, int size, Measure.Figures figures) {
        result.row(
                method,
                size,
                figures.median(),
                figures.p95(),
                figures.statements(),
                figures.roundTrips(),
                figures.serverStatements(),
                figures.server().nested());
    }

    /** Registrar's save of {@code size} new results of a fresh assessment (ResultsRepository.save). */
    static Measure.Figures saveNew(Measure measure, BulkSaveFixture fixture, int size, int repetitions)
            throws Exception {
        ResultsRepository repository = new ResultsRepository(fixture.database().jdbi());
        return measure.time(OPERATION, repetitions, () -> {
            long assessment = fixture.newAssessment();
            return () -> repository.save(SaveRequest.existing(UUID.randomUUID(), assessment, fixture.changes(size)));
        });
    }

    /** COPY of {@code size} new results into assessment_results itself (its keys, indexes, triggers): the floor. */
    static Measure.Figures copyResults(Measure measure, BulkSaveFixture fixture, int size, int repetitions)
            throws Exception {
        return measure.time(OPERATION, repetitions, () -> {
            long assessment = fixture.newAssessment();
            UUID batch = fixture.newBatch(assessment, size);
            return () -> fixture.copyResults(assessment, batch, size);
        });
    }

    /** An update's figures: Registrar's save, its floor, and the floor without triggers (null: not permitted). */
    record Updates(Measure.Figures save, Measure.Figures floor, Measure.Figures lowerBound) {}

    /**
     * An update of every result of an assessment three ways, one repetition of each in turn so that the machine's
     * load swings reach all three alike: Registrar's save (each based on the versions the previous one returned), the
     * floor (one autocommitted set-based UPDATE of the same rows from arrays, every trigger firing) and the lower
     * bound (the same UPDATE with no trigger firing). Each writes its own assessment, saved once beforehand. Each is
     * counted on one more run after the timed ones.
     */
    static Updates updates(Measure measure, BulkSaveFixture fixture, int size, int repetitions) {
        ResultsRepository repository = new ResultsRepository(fixture.database().jdbi());
        long saved = fixture.newAssessment();
        Map<Long, Integer> versions = new HashMap<>(repository
                .save(SaveRequest.existing(UUID.randomUUID(), saved, fixture.changes(size)))
                .savedVersions());
        long floor = fixture.newAssessment();
        UUID floorBatch = saveNew(repository, fixture, floor, size);
        long lower = fixture.newAssessment();
        UUID lowerBatch = saveNew(repository, fixture, lower, size);
        boolean lowerBound = fixture.canTurnTriggersOff();
        double[] save = new double[repetitions];
        double[] plain = new double[repetitions];
        double[] untriggered = new double[repetitions];
        for (int round = 1; round <= repetitions; round++) {
            int shift = round;
            save[round - 1] = measure.once(OPERATION, updateRound(repository, fixture, saved, size, shift, versions));
            plain[round - 1] =
                    measure.once(OPERATION, () -> fixture.updateInPlace(floor, floorBatch, size, shift, true));
            if (lowerBound) {
                untriggered[round - 1] =
                        measure.once(OPERATION, () -> fixture.updateInPlace(lower, lowerBatch, size, shift, false));
            }
        }
        int counted = repetitions + 1;
        return new Updates(
                measure.figures(
                        OPERATION, save, updateRound(repository, fixture, saved, size, counted, versions)),
                measure.figures(
                        OPERATION, plain, () -> fixture.updateInPlace(floor, floorBatch, size, counted, true)),
                lowerBound
                        ? measure.figures(
                                OPERATION,
                                untriggered,
                                () -> fixture.updateInPlace(lower, lowerBatch, size, counted, false))
                        : null);
    }

    /** One save changing every score by {@code shift}, based on the versions the previous one returned. */
    private static Runnable updateRound(
            ResultsRepository repository,
            BulkSaveFixture fixture,
            long assessment,
            int size,
            int shift,
            Map<Long, Integer> versions) {
        SaveRequest request =
                SaveRequest.existing(UUID.randomUUID(), assessment, fixture.changes(size, shift, versions));
        return () -> {
            SaveOutcome outcome = repository.save(request);
            if (outcome.savedVersions().size() != size) {
                throw new IllegalStateException("Update bench wrote " + outcome.savedVersions().size() + " of " + size
                        + " rows (" + outcome.conflicts().size() + " conflicts)");
            }
            versions.putAll(outcome.savedVersions());
        };
    }

    /** New results of every student up to {@code size} for the assessment; returns the batch that saved them. */
    private static UUID saveNew(ResultsRepository repository, BulkSaveFixture fixture, long assessment, int size) {
        UUID batch = UUID.randomUUID();
        repository.save(SaveRequest.existing(batch, assessment, fixture.changes(size)));
        return batch;
    }
}
