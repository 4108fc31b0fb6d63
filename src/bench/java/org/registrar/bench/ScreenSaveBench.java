package org.registrar.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.save.Draft;
import org.registrar.assessments.save.DraftStore;
import org.registrar.assessments.save.SaveResults;
import org.registrar.db.Database;
import org.registrar.tasks.Tasks;

/**
 * The Assessments screen's Save of new results as a new assessment, as the button runs it once the grid's changes are
 * collected: {@link SaveResults} writes the draft (a file forced to disk, renamed, its folder forced) on a draft writer
 * of its own (one daemon thread, as the app's) while it saves in one transaction, and hands the outcome back once both
 * are done. The timed Save follows the journal of the grid's last edit, as on the screen, so its draft is found on
 * disk already and not written again; {@link #parts} times the draft's write where Save comes before the journal. Drafts go to a scratch folder, removed afterwards. Blocking; one thread at a time.
 */
final class ScreenSaveBench {
    private ScreenSaveBench() {}

    /** {@code repetitions} Saves of {@code size} new results of {@code bulkClass}, each timed until its outcome is back. */
    static Measure.Figures screenSave(Measure measure, BulkSaveFixture bulkClass, int size, int repetitions)
            throws Exception {
        try (Saver screen = new Saver(bulkClass.database())) {
            return measure.time(SaveResults.SAVE, repetitions, () -> {
                ScreenSave made = ScreenSave.of(bulkClass, size);
                // the grid journaled its last edit a moment before Save was pressed (untimed: it ran at the edit)
                screen.drafts.save(made.journal());
                return () -> screen.save(made.request(), made.draft());
            });
        }
    }

    /**
     * The two saves of 100 new results beside their floor, taking turns: one COPY of the rows into
     * assessment_results (the floor), one {@code ResultsRepository.save} into an assessment made before, one Save of
     * the screen creating its assessment (after the last edit's journal, as {@link #screenSave}), in a rotating order,
     * {@code repetitions} times each, so that a checkpoint, an autovacuum or another process's burst falls on all
     * three alike rather than on whichever block of repetitions it met. Figures in that order; each counted on one
     * more run.
     */
    static Measure.Figures[] newResultsInTurns(
            Measure measure, BulkSaveFixture bulkClass, int size, int repetitions) throws Exception {
        ResultsRepository repository = new ResultsRepository(bulkClass.database().jdbi());
        try (Saver screen = new Saver(bulkClass.database())) {
            List<String> operations = List.of(BulkSaveBench.OPERATION, BulkSaveBench.OPERATION, SaveResults.SAVE);
            List<Measure.Setup> ways = List.of(
                    copyFloor(bulkClass, size),
                    () -> {
                        long assessment = bulkClass.newAssessment();
                        SaveRequest request =
                                SaveRequest.existing(UUID.randomUUID(), assessment, bulkClass.changes(size));
                        return () -> repository.save(request);
                    },
                    screenCreating(screen, bulkClass, size));
            // the repository's save was warmed (BulkSaveBench.warmUp); the Save's own statement, creating the
            // assessment, is warmed alike, or its first executions on the connection (statement parsed and planned
            // anew each time) are the ones timed, against a floor and a save whose plans are cached
            warmUp(screen, bulkClass, size);
            double[][] millis = inTurns(measure, operations, ways, repetitions);
            Measure.Figures[] figures = new Measure.Figures[ways.size()];
            for (int way = 0; way < ways.size(); way++) {
                figures[way] = measure.figures(operations.get(way), millis[way], ways.get(way).prepare());
            }
            return figures;
        }
    }

    /** The floor of a save of new results: a COPY of {@code size} new results into an assessment made for it. */
    private static Measure.Setup copyFloor(BulkSaveFixture bulkClass, int size) {
        return () -> {
            long assessment = bulkClass.newAssessment();
            UUID batch = bulkClass.newBatch(assessment, size);
            return () -> bulkClass.copyResults(assessment, batch, size);
        };
    }

    /** The screen's Save of {@code size} new results creating its assessment, after the last edit's journal. */
    private static Measure.Setup screenCreating(Saver screen, BulkSaveFixture bulkClass, int size) {
        return () -> {
            ScreenSave made = ScreenSave.of(bulkClass, size);
            screen.drafts.save(made.journal());
            return () -> screen.save(made.request(), made.draft());
        };
    }

    /**
     * Times {@code ways} taking turns in a rotating order, {@code repetitions} times each, each way prepared untimed
     * just before its turn: ms per way and repetition.
     */
    private static double[][] inTurns(
            Measure measure, List<String> operations, List<Measure.Setup> ways, int repetitions) throws Exception {
        double[][] millis = new double[ways.size()][repetitions];
        for (int i = 0; i < repetitions; i++) {
            for (int turn = 0; turn < ways.size(); turn++) {
                int way = (i + turn) % ways.size();
                Runnable work = ways.get(way).prepare();
                millis[way][i] = measure.once(operations.get(way), work);
            }
        }
        return millis;
    }

    /**
     * Runs {@link BulkSaveBench#WARM_UP_SAVES} screen Saves creating an assessment, untimed, as the repository's save
     * of an assessment made before is warmed: the timed ones then find their statement prepared and planned on the
     * connection, as the floor's and the other save's are.
     */
    private static void warmUp(Saver screen, BulkSaveFixture bulkClass, int size) {
        for (int i = 0; i < BulkSaveBench.WARM_UP_SAVES; i++) {
            ScreenSave made = ScreenSave.of(bulkClass, size);
            screen.drafts.save(made.journal());
            screen.save(made.request(), made.draft());
        }
    }

    /**
     * What the screen's Save creating the assessment pays over its floor, five ways taking turns (rotating), {@code
     * repetitions} times each, every statement warmed: the COPY floor, the repository's save creating the assessment,
     * the repository's save into an assessment made before, the screen's Save creating it and the screen's Save into
     * an assessment made before (both after the last edit's journal). Medians in ms in that order, then the medians of
     * each round's ratio to its COPY for the four saves.
     */
    static double[] creatingAndScreen(Measure measure, BulkSaveFixture bulkClass, int size, int repetitions)
            throws Exception {
        ResultsRepository repository = new ResultsRepository(bulkClass.database().jdbi());
        try (Saver screen = new Saver(bulkClass.database())) {
            warmUp(screen, bulkClass, size);
            List<Measure.Setup> ways = List.of(
                    copyFloor(bulkClass, size),
                    () -> {
                        SaveRequest request = ScreenSave.of(bulkClass, size).request();
                        return () -> repository.save(request);
                    },
                    () -> {
                        SaveRequest request = SaveRequest.existing(
                                UUID.randomUUID(), bulkClass.newAssessment(), bulkClass.changes(size));
                        return () -> repository.save(request);
                    },
                    screenCreating(screen, bulkClass, size),
                    () -> {
                        ScreenSave made = ScreenSave.into(bulkClass, bulkClass.newAssessment(), size);
                        screen.drafts.save(made.journal());
                        return () -> screen.save(made.request(), made.draft());
                    });
            double[][] millis =
                    inTurns(measure, Collections.nCopies(ways.size(), SaveResults.SAVE), ways, repetitions);
            double[] figures = new double[ways.size() * 2 - 1];
            for (int way = 0; way < ways.size(); way++) {
                figures[way] = Measurements.median(millis[way]);
            }
            for (int way = 1; way < ways.size(); way++) {
                double[] ratios = new double[repetitions];
                for (int i = 0; i < repetitions; i++) {
                    ratios[i] = millis[way][i] / millis[0][i];
                }
                figures[ways.size() + way - 1] = Measurements.median(ratios);
            }
            return figures;
        }
    }

    /**
     * Where the Save spends its time, four ways taking turns (so the load falls on each alike), {@code repetitions}
     * times each; medians in ms in this order: the Save as it runs (the draft beside the save), the draft first and
     * then the save (the path before ADR 0065), the draft alone, the save without a draft.
     */
    static double[] parts(Measure measure, BulkSaveFixture bulkClass, int size, int repetitions) throws Exception {
        try (Saver screen = new Saver(bulkClass.database())) {
            List<Function<ScreenSave, Runnable>> ways = List.of(
                    made -> () -> screen.save(made.request(), made.draft()),
                    made -> () -> {
                        screen.drafts.save(made.draft());
                        screen.save(made.request(), null);
                    },
                    made -> () -> screen.drafts.save(made.draft()),
                    made -> () -> screen.save(made.request(), null));
            double[][] millis = new double[ways.size()][repetitions];
            for (int i = 0; i < repetitions; i++) {
                for (int turn = 0; turn < ways.size(); turn++) {
                    int way = (i + turn) % ways.size();
                    Runnable work = ways.get(way).apply(ScreenSave.of(bulkClass, size));
                    millis[way][i] = measure.once(SaveResults.SAVE, work);
                }
            }
            double[] medians = new double[ways.size()];
            for (int way = 0; way < ways.size(); way++) {
                medians[way] = Measurements.median(millis[way]);
            }
            return medians;
        }
    }

    /** {@link SaveResults} as the screen has it, its drafts in a scratch folder; closing removes the folder. */
    private static final class Saver implements AutoCloseable {
        private final Path folder;
        private final ExecutorService draftWriter;
        private final DraftStore drafts;
        private final SaveResults saves;

        Saver(Database database) throws IOException {
            folder = Files.createTempDirectory("registrar-bench-drafts");
            draftWriter = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "bench-drafts");
                thread.setDaemon(true);
                return thread;
            });
            drafts = new DraftStore(folder);
            saves = new SaveResults(
                    Tasks.inline(database.queryMetrics()),
                    new ResultsRepository(database.jdbi()),
                    drafts,
                    draftWriter,
                    SaveResults.Scheduler.realTime(),
                    SaveResults.Retry.ONCE);
        }

        /** Saves (inline tasks: it has ended when this returns); anything but saved fails the bench. */
        void save(SaveRequest request, Draft draft) {
            AtomicReference<SaveResults.Ending> ended = new AtomicReference<>();
            saves.save(request, draft, waiting -> {}, ended::set);
            if (!(ended.get() instanceof SaveResults.Saved)) {
                throw new IllegalStateException("The bench's save ended as " + ended.get());
            }
        }

        @Override
        public void close() {
            draftWriter.shutdown();
            BenchCommand.deleteQuietly(folder);
        }
    }

    /** What the Save button hands {@link SaveResults}: the request creating a new assessment, and its draft. */
    private record ScreenSave(SaveRequest request, Draft draft) {
        /** The draft the grid journaled after the last edit: the same entries and batch, a moment earlier. */
        Draft journal() {
            return new Draft(
                    draft.batchId(),
                    draft.cohortId(),
                    draft.assessmentId(),
                    draft.newAssessment(),
                    draft.updatedAt().minusSeconds(2),
                    draft.entries());
        }

        static ScreenSave of(BulkSaveFixture bulkClass, int size) {
            NewAssessment created = new NewAssessment(
                    bulkClass.cohort(), "Bench " + UUID.randomUUID(), "Maths", BigDecimal.valueOf(20), LocalDate.now());
            return made(bulkClass, null, created, size);
        }

        /** The Save of new results into an assessment made before. */
        static ScreenSave into(BulkSaveFixture bulkClass, long assessment, int size) {
            return made(bulkClass, assessment, null, size);
        }

        private static ScreenSave made(BulkSaveFixture bulkClass, Long assessment, NewAssessment created, int size) {
            UUID batch = UUID.randomUUID();
            List<ResultChange> changes = new ArrayList<>();
            List<Draft.Entry> entries = new ArrayList<>();
            for (long studentId : bulkClass.students().subList(0, size)) {
                changes.add(new ResultChange(studentId, BigDecimal.valueOf(15), false, null, null));
                entries.add(new Draft.Entry(studentId, "15", null, null));
            }
            return new ScreenSave(
                    new SaveRequest(batch, assessment, created, changes),
                    new Draft(batch, bulkClass.cohort(), assessment, created, Instant.now(), entries));
        }
    }
}
