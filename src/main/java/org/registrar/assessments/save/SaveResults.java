package org.registrar.assessments.save;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveOutcome;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.db.DatabaseErrors;
import org.registrar.tasks.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The save protocol of results, shared by the Assessments screen and {@code registrar import-results}: the draft
 * (with the batch id) is written on the draft writer while the first attempt runs, and how the save ended is told only
 * once that draft is on disk (ADR 0065); the save is one transaction, and when the connection
 * drops after the request was sent (the reply to COMMIT may be what was lost) the batch is looked up in the ledger
 * on a fresh connection, again every {@link Retry#every()} while the server is unreachable, up to {@link
 * Retry#attempts()} times. Saving the same batch again never writes twice (the ledger). No JavaFX: work runs through
 * {@link Tasks}, waits through a {@link Scheduler}, so tests run it inline without waiting real time. Callbacks run
 * on the tasks' result thread; one save at a time per instance is the caller's rule.
 */
public final class SaveResults {
    public static final String SAVE = "Save results";
    public static final String CHECK = "Check save";

    private static final Logger LOG = LoggerFactory.getLogger(SaveResults.class);

    private final Tasks tasks;
    private final ResultsRepository repository;
    private final DraftStore drafts;
    private final Executor draftWriter;
    private final Scheduler scheduler;
    private final Retry retry;

    /** Runs a step after a delay without holding a thread meanwhile. */
    public interface Scheduler {
        void after(Duration delay, Runnable step);

        /** Real time: the step runs on a shared daemon thread once the delay has passed. */
        static Scheduler realTime() {
            return (delay, step) -> CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(step);
        }
    }

    /** How often the ledger is asked while the server is unreachable, and how long apart. */
    public record Retry(Duration every, int attempts) {
        /** The screen waits up to half a minute for the server to return. */
        public static final Retry SCREEN = new Retry(Duration.ofSeconds(2), 15);
        /** The command line asks once and says what to look for. */
        public static final Retry ONCE = new Retry(Duration.ZERO, 1);
    }

    /** Told while the outcome is unknown: {@code waiting} false at the first check, true while the server is away. */
    public interface Progress {
        void outcomeUnknown(boolean waiting);
    }

    /** What a save came to. */
    public sealed interface Ending {
        SaveRequest request();
    }

    /**
     * Saved now (or found already applied: {@link SaveOutcome#alreadySaved()}), with each saved row's change looked
     * up (on the worker, so the result thread only marks rows).
     */
    public record Saved(SaveRequest request, SaveOutcome outcome, List<SavedRow> rows) implements Ending {}

    /** A result the save wrote: the change and the version it now has. */
    public record SavedRow(ResultChange change, Integer version) {}

    /** The connection dropped during the save; the ledger shows the batch committed, into this assessment. */
    public record Confirmed(SaveRequest request, long assessmentId) implements Ending {}

    /** The connection dropped during the save; the ledger shows the batch did not commit: nothing was written. */
    public record NotCommitted(SaveRequest request) implements Ending {}

    /** The connection dropped during the save and the ledger could not be reached: it may or may not have saved. */
    public record Unknown(SaveRequest request, Throwable cause) implements Ending {}

    /** Refused before it was sent, or by the database (a score it rejects, a permission): nothing was written. */
    public record Refused(SaveRequest request, Throwable cause) implements Ending {}

    /**
     * @param drafts where drafts are written during the first attempt; null when none is ever given (the command
     *     line keeps no drafts)
     * @param draftWriter writes the draft while the save runs (the screen's one draft writer, so the draft is not
     *     overtaken by an older journal write); inline ({@code Runnable::run}): written before the save
     * @param scheduler waits between looks at the ledger
     */
    public SaveResults(
            Tasks tasks,
            ResultsRepository repository,
            DraftStore drafts,
            Executor draftWriter,
            Scheduler scheduler,
            Retry retry) {
        this.tasks = tasks;
        this.repository = repository;
        this.drafts = drafts;
        this.draftWriter = draftWriter;
        this.scheduler = scheduler;
        this.retry = retry;
    }

    /**
     * Writes {@code draft} (none: null) to the {@link DraftStore} on the draft writer while it saves {@code request}
     * (the operation {@link #SAVE}, or the caller's own when one is open on its thread); {@code done} gets how it
     * ended once both are done, so a save that failed has its draft on disk when it is told. A draft that cannot be
     * written does not stop the save: it is told with the save's own failure, or logged when the save committed
     * (the results are then in the database). Never blocks the caller (with inline tasks it runs on the caller's
     * thread).
     */
    public void save(SaveRequest request, Draft draft, Progress progress, Consumer<Ending> done) {
        AtomicBoolean sent = new AtomicBoolean();
        tasks.run(SAVE, () -> {
                    CompletableFuture<Void> written = draft == null
                            ? CompletableFuture.completedFuture(null)
                            : CompletableFuture.runAsync(() -> drafts.save(draft), draftWriter);
                    SaveOutcome outcome;
                    try {
                        sent.set(true);
                        outcome = repository.save(request);
                    } catch (RuntimeException failure) {
                        Throwable notWritten = settled(written);
                        if (notWritten != null) {
                            failure.addSuppressed(notWritten);
                        }
                        throw failure;
                    }
                    Throwable notWritten = settled(written);
                    if (notWritten != null) {
                        LOG.warn(
                                "The draft of batch {} could not be written; the save committed, so nothing is lost",
                                request.batchId(),
                                notWritten);
                    }
                    return saved(request, outcome);
                })
                .onDone(done::accept)
                .onError(failure -> {
                    if (sent.get() && unreachable(failure)) {
                        progress.outcomeUnknown(false);
                        lookUp(request, 1, progress, done);
                    } else {
                        done.accept(new Refused(request, failure));
                    }
                });
    }

    /** Any thread: only starts work; the callbacks run on the result thread. */
    private void lookUp(SaveRequest request, int attempt, Progress progress, Consumer<Ending> done) {
        tasks.run(CHECK, () -> repository.batchApplied(request.batchId()))
                .onDone((Optional<Long> assessment) -> done.accept(
                        assessment.isPresent() ? new Confirmed(request, assessment.get()) : new NotCommitted(request)))
                .onError(again -> {
                    if (attempt < retry.attempts() && unreachable(again)) {
                        progress.outcomeUnknown(true);
                        scheduler.after(retry.every(), () -> lookUp(request, attempt + 1, progress, done));
                        return;
                    }
                    done.accept(new Unknown(request, again));
                });
    }

    /** Waits until the draft is written or has failed: its failure, or null. */
    private static Throwable settled(CompletableFuture<Void> written) {
        try {
            written.join();
            return null;
        } catch (CompletionException failed) {
            return failed.getCause() == null ? failed : failed.getCause();
        }
    }

    private static boolean unreachable(Throwable failure) {
        return DatabaseErrors.classify(failure) == DatabaseErrors.Kind.UNAVAILABLE;
    }

    private static Saved saved(SaveRequest request, SaveOutcome outcome) {
        Map<Long, ResultChange> byStudent = new HashMap<>();
        request.changes().forEach(change -> byStudent.put(change.studentId(), change));
        List<SavedRow> rows = new ArrayList<>(outcome.savedVersions().size());
        outcome.savedVersions().forEach((student, version) -> rows.add(new SavedRow(byStudent.get(student), version)));
        return new Saved(request, outcome, List.copyOf(rows));
    }
}
