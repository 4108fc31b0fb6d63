package org.registrar.metrics;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Counts and times every statement the app sends, and attributes it to the user operation it belongs to.
 *
 * <p>Jdbi reports each statement through {@link SqlLogger}; work that bypasses Jdbi (COPY) reports through
 * {@link #recordStatement}. An operation is opened with {@link #begin} on the thread that runs it and closed when
 * the work is done; statements outside any operation count as "Background". Beside statements it counts round
 * trips on the wire ({@link #recordRoundTrip}), which include COMMIT and the pool's validation queries that no
 * statement count sees. Thread-safe.
 */
public final class QueryMetrics implements SqlLogger {
    static final String BACKGROUND = "Background";
    private static final long HIGHEST_TRACKABLE_NANOS = Duration.ofMinutes(10).toNanos();
    private static final int SLOW_KEPT = 20;

    private final Clock clock;
    private final ThreadLocal<OperationScope> current = new ThreadLocal<>();
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong roundTrips = new AtomicLong();
    private final Recorder latency = new Recorder(HIGHEST_TRACKABLE_NANOS, 3);
    private final Map<String, OperationTotals> totals = new ConcurrentHashMap<>();
    private final List<StatementSample> slowest = new ArrayList<>();
    private final List<Consumer<OperationSummary>> listeners = new CopyOnWriteArrayList<>();

    public QueryMetrics() {
        this(Clock.systemUTC());
    }

    QueryMetrics(Clock clock) {
        this.clock = clock;
    }

    /**
     * Opens an operation on the calling thread; close it (try-with-resources) on the same thread. An operation
     * begun inside another joins the outer one.
     */
    public OperationScope begin(String operation) {
        Objects.requireNonNull(operation, "operation");
        OperationScope outer = current.get();
        if (outer != null) {
            return outer.nested();
        }
        OperationScope scope = new OperationScope(this, operation, System.nanoTime());
        current.set(scope);
        return scope;
    }

    /** Called by {@link OperationScope#close()}: publishes the summary to listeners. */
    void finish(OperationScope scope, OperationSummary summary) {
        current.remove();
        totals.computeIfAbsent(summary.operation(), OperationTotals::new).add(summary);
        for (Consumer<OperationSummary> listener : listeners) {
            listener.accept(summary);
        }
    }

    /** Listeners run on the thread that closed the operation (a worker thread, not the FX thread). */
    public void addListener(Consumer<OperationSummary> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<OperationSummary> listener) {
        listeners.remove(listener);
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        recordStatement(context.getRenderedSql(), context.getElapsedTime(ChronoUnit.NANOS), false);
    }

    @Override
    public void logException(StatementContext context, SQLException ex) {
        recordStatement(context.getRenderedSql(), context.getElapsedTime(ChronoUnit.NANOS), true);
    }

    /** Records one statement, also those that bypass Jdbi (COPY, Flyway is not counted). */
    public void recordStatement(String sql, long nanos, boolean failed) {
        long clamped = Math.max(0, Math.min(nanos, HIGHEST_TRACKABLE_NANOS));
        statements.incrementAndGet();
        latency.recordValue(clamped);
        OperationScope scope = current.get();
        String operation = scope == null ? BACKGROUND : scope.name();
        if (failed) {
            errors.incrementAndGet();
        }
        if (scope != null) {
            scope.countStatement(failed);
        }
        keepIfSlow(new StatementSample(sql == null ? "" : sql.strip(), clamped, operation, failed, clock.instant()));
    }

    /** Records the end of a transaction (commit or rollback) on the calling thread. */
    public void recordTransaction() {
        transactions.incrementAndGet();
        OperationScope scope = current.get();
        if (scope != null) {
            scope.countTransaction();
        }
    }

    /**
     * Records one round trip on the wire on the calling thread: the driver waited for the server's answer to what it
     * had sent (a statement, a COMMIT, the pool's validation of an idle connection, a login step). Called by the
     * connections' socket factory, so a BEGIN sent with the first statement is not one and an idle check is.
     */
    public void recordRoundTrip() {
        roundTrips.incrementAndGet();
        OperationScope scope = current.get();
        if (scope != null) {
            scope.countRoundTrip();
        }
    }

    private void keepIfSlow(StatementSample sample) {
        synchronized (slowest) {
            if (slowest.size() < SLOW_KEPT
                    || sample.nanos() > slowest.get(slowest.size() - 1).nanos()) {
                slowest.add(sample);
                slowest.sort(Comparator.comparingLong(StatementSample::nanos).reversed());
                if (slowest.size() > SLOW_KEPT) {
                    slowest.remove(slowest.size() - 1);
                }
            }
        }
    }

    /** Counters since start; read them twice and subtract for rates. */
    public Totals totals() {
        return new Totals(statements.get(), roundTrips.get(), transactions.get(), errors.get());
    }

    /** Latency of the statements since the previous call (HdrHistogram interval histogram, nanoseconds). */
    public Histogram takeIntervalHistogram() {
        return latency.getIntervalHistogram();
    }

    /** The slowest statements recorded, slowest first. */
    public List<StatementSample> slowestStatements() {
        synchronized (slowest) {
            return List.copyOf(slowest);
        }
    }

    /** Per-operation statistics, by name. */
    public List<OperationStats> operations() {
        return totals.values().stream()
                .map(OperationTotals::snapshot)
                .sorted(Comparator.comparing(OperationStats::operation))
                .toList();
    }

    /**
     * Monotonic counters: statements the app sent (through Jdbi or COPY), round trips on the wire (statements, BEGIN
     * only when sent on its own, COMMIT, ROLLBACK, pool validations, logins), transactions ended, failed statements.
     * Immutable.
     */
    public record Totals(long statements, long roundTrips, long transactions, long errors) {}
}
