package org.registrar.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveOutcome;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.db.Database;
import org.registrar.metrics.OperationScope;

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

    @Override
    public String name() {
        return "bulk-save";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        Database database = context.database();
        int[] sizes = context.saveSizes().isEmpty()
                ? SIZES
                : context.saveSizes().stream().mapToInt(Integer::intValue).toArray();
        BulkSaveFixture fixture =
                BulkSaveFixture.create(database, Arrays.stream(sizes).max().orElseThrow());
        BenchResult result = new BenchResult(name(), "method", "rows", "median_ms", "p95_ms", "statements");
        try {
            Timed select = time(database, context.repetitions() * 4, () -> fixture::selectOne);
            result.row("SELECT 1 transaction (reference)", 0, select.median(), select.p95(), select.statements());
            Timed commit = time(database, context.repetitions() * 4, () -> fixture::commitOneRow);
            result.row("1-row INSERT + commit (reference)", 1, commit.median(), commit.p95(), commit.statements());
            warmUp(database, fixture);
            for (int size : sizes) {
                measureSize(context, database, fixture, result, size);
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
                + " updates take turns, one repetition each. Server: fsync and synchronous_commit on.");
        return result;
    }

    /**
     * Saves a few small classes untimed first, so the first measured size does not pay for the JVM compiling the save
     * path (a desktop pays that once per session) or for the connections' first statements.
     */
    private static void warmUp(Database database, BulkSaveFixture fixture) {
        ResultsRepository repository = new ResultsRepository(database.jdbi());
        for (int i = 0; i < WARM_UP_SAVES; i++) {
            repository.save(SaveRequest.existing(UUID.randomUUID(), fixture.newAssessment(), fixture.changes(100)));
        }
    }

    private static void measureSize(
            BenchContext context, Database database, BulkSaveFixture fixture, BenchResult result, int size)
            throws Exception {
        ResultsRepository repository = new ResultsRepository(database.jdbi());
        int repetitions = size >= 100_000 ? Math.max(3, context.repetitions() / 3) : context.repetitions();
        Timed insert = time(database, repetitions, () -> {
            long assessment = fixture.newAssessment();
            return () -> repository.save(SaveRequest.existing(UUID.randomUUID(), assessment, fixture.changes(size)));
        });
        result.row("registrar save", size, insert.median(), insert.p95(), insert.statements());
        measureUpdates(database, repository, fixture, result, size, repetitions);
        if (size <= LOOP_LIMIT) {
            int loops = size >= LOOP_LIMIT ? 1 : Math.max(2, repetitions / 5);
            Timed loop = time(database, loops, () -> {
                long assessment = fixture.newAssessment();
                return () -> fixture.insertOneByOne(assessment, size);
            });
            result.row("naive INSERT loop", size, loop.median(), loop.p95(), loop.statements());
        }
        Timed copyResults = time(database, repetitions, () -> {
            long assessment = fixture.newAssessment();
            UUID batch = fixture.newBatch(assessment, size);
            return () -> fixture.copyResults(assessment, batch, size);
        });
        result.row(
                "COPY into assessment_results (floor)",
                size,
                copyResults.median(),
                copyResults.p95(),
                copyResults.statements());
        Timed keyed = time(database, repetitions, () -> {
            fixture.emptyCopyTables();
            return () -> fixture.copyKeyed(size);
        });
        result.row("COPY, empty table with primary key (floor)", size, keyed.median(), keyed.p95(), keyed.statements());
        Timed copy = time(database, repetitions, () -> {
            fixture.emptyCopyTables();
            return () -> fixture.copyPlain(size);
        });
        result.row("plain COPY, empty table (floor)", size, copy.median(), copy.p95(), copy.statements());
    }

    /**
     * An update of every result of an assessment three ways, one repetition of each in turn so that the machine's
     * load swings reach all three alike: Registrar's save (each based on the versions the previous one returned), the
     * floor (one autocommitted set-based UPDATE of the same rows from arrays, every trigger firing) and the lower
     * bound (the same UPDATE with no trigger firing). Each writes its own assessment, saved once beforehand.
     */
    private static void measureUpdates(
            Database database,
            ResultsRepository repository,
            BulkSaveFixture fixture,
            BenchResult result,
            int size,
            int repetitions) {
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
        int[] statements = new int[3];
        for (int round = 1; round <= repetitions; round++) {
            int shift = round;
            SaveRequest request = SaveRequest.existing(UUID.randomUUID(), saved, fixture.changes(size, shift, versions));
            save[round - 1] = timeOnce(database, statements, 0, () -> {
                SaveOutcome outcome = repository.save(request);
                if (outcome.savedVersions().size() != size) {
                    throw new IllegalStateException(
                            "Update bench wrote " + outcome.savedVersions().size() + " of " + size + " rows ("
                                    + outcome.conflicts().size() + " conflicts)");
                }
                versions.putAll(outcome.savedVersions());
            });
            plain[round - 1] =
                    timeOnce(database, statements, 1, () -> fixture.updateInPlace(floor, floorBatch, size, shift, true));
            if (lowerBound) {
                untriggered[round - 1] = timeOnce(
                        database, statements, 2, () -> fixture.updateInPlace(lower, lowerBatch, size, shift, false));
            }
        }
        result.row("registrar save (update)", size, median(save), p95(save), statements[0]);
        result.row("UPDATE from arrays, real table (update floor)", size, median(plain), p95(plain), statements[1]);
        if (lowerBound) {
            result.row(
                    "UPDATE from arrays, no triggers (lower bound)",
                    size,
                    median(untriggered),
                    p95(untriggered),
                    statements[2]);
        }
    }

    /** New results of every student up to {@code size} for the assessment; returns the batch that saved them. */
    private static UUID saveNew(ResultsRepository repository, BulkSaveFixture fixture, long assessment, int size) {
        UUID batch = UUID.randomUUID();
        repository.save(SaveRequest.existing(batch, assessment, fixture.changes(size)));
        return batch;
    }

    private static double median(double[] millis) {
        return Measurements.median(millis);
    }

    private static double p95(double[] millis) {
        return Measurements.percentile(millis, 95);
    }

    /** Times one run of {@code work}; keeps the most statements seen in {@code statements[slot]}. */
    private static double timeOnce(Database database, int[] statements, int slot, Runnable work) {
        long start = System.nanoTime();
        OperationScope scope = database.queryMetrics().begin("Bench bulk save");
        try (scope) {
            work.run();
        }
        double millis = Measurements.since(start);
        statements[slot] = Math.max(statements[slot], scope.summary().statements());
        return millis;
    }

    private interface Setup {
        Runnable prepare() throws Exception;
    }

    private record Timed(double median, double p95, int statements) {}

    private static Timed time(Database database, int repetitions, Setup setup) throws Exception {
        double[] millis = new double[repetitions];
        int[] statements = new int[1];
        for (int i = 0; i < repetitions; i++) {
            millis[i] = timeOnce(database, statements, 0, setup.prepare());
        }
        return new Timed(median(millis), p95(millis), statements[0]);
    }
}
