package org.registrar.bench;

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
 * or triggers (the floor of moving the bytes). Two tiny transactions give the cost
 * of a round trip and of a commit's WAL flush. Every insert goes to a fresh assessment of a synthetic cohort of
 * 100,000 students made for the run.
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
        BulkSaveFixture fixture = BulkSaveFixture.create(database, SIZES[SIZES.length - 1]);
        BenchResult result = new BenchResult(name(), "method", "rows", "median_ms", "p95_ms", "statements");
        try {
            Timed select = time(database, context.repetitions() * 4, () -> fixture::selectOne);
            result.row("SELECT 1 transaction (reference)", 0, select.median(), select.p95(), select.statements());
            Timed commit = time(database, context.repetitions() * 4, () -> fixture::commitOneRow);
            result.row("1-row INSERT + commit (reference)", 1, commit.median(), commit.p95(), commit.statements());
            warmUp(database, fixture);
            for (int size : SIZES) {
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
                + " keys or triggers. Server: fsync and synchronous_commit on.");
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
        Timed update = timeUpdates(database, repository, fixture, size, repetitions);
        result.row("registrar save (update)", size, update.median(), update.p95(), update.statements());
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

    /** Saves new scores over the previous save's, each based on the versions the previous one returned. */
    private static Timed timeUpdates(
            Database database, ResultsRepository repository, BulkSaveFixture fixture, int size, int repetitions)
            throws Exception {
        long assessment = fixture.newAssessment();
        Map<Long, Integer> versions = new HashMap<>(repository
                .save(SaveRequest.existing(UUID.randomUUID(), assessment, fixture.changes(size)))
                .savedVersions());
        int[] round = {0};
        return time(database, repetitions, () -> {
            SaveRequest request =
                    SaveRequest.existing(UUID.randomUUID(), assessment, fixture.changes(size, ++round[0], versions));
            return () -> {
                SaveOutcome outcome = repository.save(request);
                if (outcome.savedVersions().size() != size) {
                    throw new IllegalStateException(
                            "Update bench wrote " + outcome.savedVersions().size() + " of " + size + " rows ("
                                    + outcome.conflicts().size() + " conflicts)");
                }
                versions.putAll(outcome.savedVersions());
            };
        });
    }

    private interface Setup {
        Runnable prepare() throws Exception;
    }

    private record Timed(double median, double p95, int statements) {}

    private static Timed time(Database database, int repetitions, Setup setup) throws Exception {
        double[] millis = new double[repetitions];
        int statements = 0;
        for (int i = 0; i < repetitions; i++) {
            Runnable work = setup.prepare();
            long start = System.nanoTime();
            OperationScope scope = database.queryMetrics().begin("Bench bulk save");
            try (scope) {
                work.run();
            }
            millis[i] = Measurements.since(start);
            statements = Math.max(statements, scope.summary().statements());
        }
        return new Timed(Measurements.median(millis), Measurements.percentile(millis, 95), statements);
    }
}
