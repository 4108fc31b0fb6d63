package org.registrar.assessments.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveOutcome;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.data.SheetRow;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.Database;
import org.registrar.db.TcpProxy;
import org.registrar.db.TestDatabases;
import org.registrar.db.Timeouts;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;
import org.registrar.tasks.Tasks;

/**
 * The save use case the screen and {@code import-results} share, without a screen: the reply to COMMIT is lost (a
 * TCP proxy swallows it, the socket timeout fires), so the outcome is unknown; the ledger is asked while the server
 * is away, the waits between the looks go through the injected scheduler (none is waited for real), and a retry of
 * the same batch writes nothing twice. The draft is written beside the save (ADR 0065): how the save ended is told
 * only once its draft is on disk, and a draft that cannot be written does not stop the save.
 */
class SaveResultsTest {
    private static final Timeouts SHORT =
            new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(30));
    private static final SaveResults.Retry THREE_LOOKS = new SaveResults.Retry(Duration.ofSeconds(2), 3);

    @TempDir
    Path dataHome;

    private Jdbi fixture;
    private TcpProxy proxy;
    private Database database;
    /** Runs refused as if the server were known to be down (as the app's connection monitor refuses them). */
    private final AtomicInteger refuseNext = new AtomicInteger();
    /** The waits the use case asked for; each step runs at once. */
    private final List<Duration> waits = new ArrayList<>();

    private final List<Boolean> progress = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        String name = TestDatabases.freshDatabase();
        fixture = TestDatabases.jdbi(name);
        proxy = new TcpProxy(TestDatabases.server().getPort());
        database = Database.open(
                ConnectionProfile.embedded(),
                SHORT,
                "jdbc:postgresql://localhost:" + proxy.port() + "/" + name,
                null,
                new QueryMetrics(),
                new PoolMetrics());
    }

    @AfterEach
    void close() throws Exception {
        database.close();
        proxy.close();
    }

    @Test
    void aLostCommitReplyIsCheckedInTheLedgerUntilTheServerAnswersAndARetryWritesNothingTwice() {
        ResultsRepository repository = new ResultsRepository(database.jdbi());
        DraftStore drafts = new DraftStore(dataHome);
        SaveResults saves = saves(repository, drafts, THREE_LOOKS);
        SaveRequest request = request(repository);
        proxy.swallowRepliesAfter("COMMIT");

        SaveResults.Ending ending = save(saves, request, drafts, 2);

        assertThat(ending).isInstanceOf(SaveResults.Confirmed.class);
        assertThat(progress).containsExactly(false, true, true);
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(historyRows(request.batchId())).isEqualTo(2);

        SaveResults.Ending again = save(saves, request, drafts, 0);

        assertThat(again).isInstanceOf(SaveResults.Saved.class);
        SaveOutcome outcome = ((SaveResults.Saved) again).outcome();
        assertThat(outcome.alreadySaved()).isTrue();
        assertThat(historyRows(request.batchId())).isEqualTo(2);
    }

    @Test
    void whenTheLedgerCannotBeReachedTheOutcomeStaysUnknownAndTheDraftWithItsBatchIdIsKept() {
        ResultsRepository repository = new ResultsRepository(database.jdbi());
        DraftStore drafts = new DraftStore(dataHome);
        SaveResults saves = saves(repository, drafts, THREE_LOOKS);
        SaveRequest request = request(repository);
        proxy.swallowRepliesAfter("COMMIT");

        SaveResults.Ending ending = save(saves, request, drafts, 3);

        assertThat(ending).isInstanceOf(SaveResults.Unknown.class);
        assertThat(waits).hasSize(2);
        assertThat(drafts.find(cohortId(request), request.assessmentId()))
                .get()
                .extracting(Draft::batchId)
                .isEqualTo(request.batchId());
        assertThat(historyRows(request.batchId()))
                .as("the server had committed it: saving the same batch again is told so")
                .isEqualTo(2);
    }

    @Test
    void aDraftThatCannotBeWrittenDoesNotStopTheSaveTheResultsReachTheDatabase() throws Exception {
        ResultsRepository repository = new ResultsRepository(database.jdbi());
        Files.writeString(dataHome.resolve("drafts"), "a file where the drafts folder should be");
        DraftStore drafts = new DraftStore(dataHome);
        SaveRequest request = request(repository);

        SaveResults.Ending ending = save(saves(repository, drafts, THREE_LOOKS), request, drafts, 0);

        assertThat(ending)
                .as("the database is where the results are kept; the draft only guards them until then")
                .isInstanceOf(SaveResults.Saved.class);
        assertThat(historyRows(request.batchId())).isEqualTo(2);
    }

    @Test
    void aSaveThatCommitsBeforeItsDraftIsWrittenIsToldOnlyOnceTheDraftIsOnDisk() {
        ResultsRepository repository = new ResultsRepository(database.jdbi());
        DraftStore drafts = new DraftStore(dataHome);
        SaveRequest request = request(repository);
        // the draft is written only once the save has committed: the slowest a draft writer can be
        Executor afterCommit = write -> new Thread(() -> {
                    awaitLedger(request.batchId());
                    write.run();
                })
                .start();
        List<Optional<Draft>> draftWhenTold = new ArrayList<>();

        saves(repository, drafts, afterCommit, THREE_LOOKS)
                .save(
                        request,
                        draft(request),
                        waiting -> {},
                        ended -> draftWhenTold.add(drafts.find(cohortId(request), request.assessmentId())));

        assertThat(draftWhenTold).hasSize(1);
        assertThat(draftWhenTold.get(0)).get().extracting(Draft::batchId).isEqualTo(request.batchId());
    }

    @Test
    void aRefusedSaveIsToldOnlyOnceItsDraftIsOnDisk() {
        ResultsRepository repository = new ResultsRepository(database.jdbi());
        DraftStore drafts = new DraftStore(dataHome);
        SaveRequest fine = request(repository);
        BigDecimal over = repository
                .assessment(fine.assessmentId())
                .orElseThrow()
                .maxScore()
                .add(BigDecimal.ONE);
        ResultChange tooHigh = fine.changes().get(1);
        SaveRequest request = SaveRequest.existing(
                fine.batchId(),
                fine.assessmentId(),
                List.of(
                        fine.changes().get(0),
                        new ResultChange(tooHigh.studentId(), over, false, null, tooHigh.expectedVersion())));
        // the refusal comes back long before this draft writer gets to the draft
        Executor late = write -> new Thread(() -> {
                    pause(Duration.ofMillis(500));
                    write.run();
                })
                .start();
        List<SaveResults.Ending> ended = new ArrayList<>();
        List<Optional<Draft>> draftWhenTold = new ArrayList<>();

        saves(repository, drafts, late, THREE_LOOKS).save(request, draft(request), waiting -> {}, ending -> {
            ended.add(ending);
            draftWhenTold.add(drafts.find(cohortId(request), request.assessmentId()));
        });

        assertThat(ended).singleElement().isInstanceOf(SaveResults.Refused.class);
        assertThat(draftWhenTold.get(0))
                .as("a failed save keeps its draft")
                .get()
                .extracting(Draft::entries)
                .asList()
                .hasSize(2);
        assertThat(historyRows(request.batchId())).isZero();
    }

    private void awaitLedger(UUID batch) {
        for (int i = 0; i < 400 && ledgerRows(batch) == 0; i++) {
            pause(Duration.ofMillis(50));
        }
    }

    private long ledgerRows(UUID batch) {
        return fixture.withHandle(handle -> handle.createQuery("SELECT count(*) FROM saved_batches WHERE id = :batch")
                .bind("batch", batch)
                .mapTo(Long.class)
                .one());
    }

    private static void pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private SaveResults saves(ResultsRepository repository, DraftStore drafts, SaveResults.Retry retry) {
        return saves(repository, drafts, Runnable::run, retry);
    }

    private SaveResults saves(
            ResultsRepository repository, DraftStore drafts, Executor draftWriter, SaveResults.Retry retry) {
        Tasks tasks = new Tasks(Runnable::run, Runnable::run, database.queryMetrics(), new Tasks.Observer() {
            @Override
            public void beforeRun() throws Exception {
                if (refuseNext.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                    throw new SQLTransientConnectionException("Database unavailable (test)", "08000");
                }
            }

            @Override
            public void succeeded() {}

            @Override
            public void failed(Throwable error) {}
        });
        SaveResults.Scheduler instant = (delay, step) -> {
            waits.add(delay);
            step.run();
        };
        return new SaveResults(tasks, repository, drafts, draftWriter, instant, retry);
    }

    /** Saves; once the outcome is unknown the next {@code lookUpsRefused} runs are refused as if the server were away. */
    private SaveResults.Ending save(SaveResults saves, SaveRequest request, DraftStore drafts, int lookUpsRefused) {
        List<SaveResults.Ending> ended = new ArrayList<>();
        saves.save(
                request,
                draft(request),
                waiting -> {
                    progress.add(waiting);
                    if (!waiting) {
                        refuseNext.set(lookUpsRefused);
                    }
                },
                ended::add);
        assertThat(ended)
                .as("inline tasks: the save has ended when save returns")
                .hasSize(1);
        return ended.get(0);
    }

    private Draft draft(SaveRequest request) {
        return new Draft(
                request.batchId(),
                cohortId(request),
                request.assessmentId(),
                null,
                Instant.now(),
                request.changes().stream()
                        .map(change -> new Draft.Entry(
                                change.studentId(), change.score().toPlainString(), null, change.expectedVersion()))
                        .toList());
    }

    private SaveRequest request(ResultsRepository repository) {
        long assessment = fixture.withHandle(handle -> handle.createQuery("SELECT min(id) FROM assessments")
                .mapTo(Long.class)
                .one());
        long cohort = repository.assessment(assessment).orElseThrow().cohortId();
        List<SheetRow> sheet = repository.sheet(cohort, assessment);
        List<ResultChange> changes = List.of(change(sheet.get(0), "1"), change(sheet.get(1), "2"));
        return SaveRequest.existing(UUID.randomUUID(), assessment, changes);
    }

    private static ResultChange change(SheetRow row, String score) {
        return new ResultChange(row.studentId(), new BigDecimal(score), false, null, row.version());
    }

    private long cohortId(SaveRequest request) {
        return fixture.withHandle(handle -> handle.createQuery("SELECT cohort_id FROM assessments WHERE id = :id")
                .bind("id", request.assessmentId())
                .mapTo(Long.class)
                .one());
    }

    private long historyRows(UUID batch) {
        return fixture.withHandle(
                handle -> handle.createQuery("SELECT count(*) FROM result_history WHERE batch_id = :batch")
                        .bind("batch", batch)
                        .mapTo(Long.class)
                        .one());
    }
}
