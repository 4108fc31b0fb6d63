package org.registrar.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.registrar.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what this desktop does, once a second, whether or not anyone looks: statement, transaction and error
 * rates over the real elapsed time, interval latency percentiles, the pool, acquire time and cache hit rate,
 * into a {@link SampleHistory}. Reads in-memory counters only (never the database). A tick that comes more than
 * {@link #GAP_THRESHOLD} late (laptop sleep, a stalled JVM) starts a gap and marks an event. Thread-safe.
 */
public final class MetricsSampler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsSampler.class);
    public static final Duration PERIOD = Duration.ofSeconds(1);
    public static final Duration GAP_THRESHOLD = Duration.ofSeconds(3);

    /** Where the sampler reads the pool; in the app {@code database::poolState} and the pool metrics. */
    public record PoolSource(Supplier<PoolMetrics.Snapshot> state, Supplier<Histogram> acquireNanos) {}

    private final QueryMetrics queries;
    private final PoolSource pool;
    private final List<CacheMetrics> caches;
    private final SampleHistory history;
    private final Clock wall;
    private final LongSupplier nanoTime;
    private ScheduledExecutorService scheduler;
    private long previousNanos;
    private long previousWallMillis;
    private QueryMetrics.Totals previousTotals;
    private long previousTimeouts;
    private long previousHits;
    private long previousLookups;
    private boolean previousHadErrors;

    public MetricsSampler(QueryMetrics queries, PoolSource pool, List<CacheMetrics> caches, SampleHistory history) {
        this(queries, pool, caches, history, Clock.systemUTC(), System::nanoTime);
    }

    MetricsSampler(
            QueryMetrics queries,
            PoolSource pool,
            List<CacheMetrics> caches,
            SampleHistory history,
            Clock wall,
            LongSupplier nanoTime) {
        this.queries = queries;
        this.pool = pool;
        this.caches = List.copyOf(caches);
        this.history = history;
        this.wall = wall;
        this.nanoTime = nanoTime;
        resetBaseline();
    }

    public SampleHistory history() {
        return history;
    }

    /** Whether any cache reports to this sampler (the panel says "no cache yet" otherwise). */
    public boolean hasCaches() {
        return !caches.isEmpty();
    }

    /** Starts sampling every second on a daemon thread. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        resetBaseline();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "registrar-metrics-sampler");
            thread.setDaemon(true);
            return thread;
        });
        // fixed delay, not fixed rate: after a sleep the missed ticks are not replayed in a burst
        scheduler.scheduleWithFixedDelay(this::tickSafely, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tickSafely() {
        try {
            sampleNow();
        } catch (RuntimeException error) {
            LOG.warn("Metrics sample failed", error);
        }
    }

    /** Marks a moment on the charts ("Server unreachable"). */
    public void markEvent(String text) {
        history.addEvent(wall.instant(), text);
    }

    private synchronized void resetBaseline() {
        previousNanos = nanoTime.getAsLong();
        previousWallMillis = wall.millis();
        previousTotals = queries.totals();
        previousTimeouts = pool.state().get().timeouts();
        queries.takeIntervalHistogram();
        pool.acquireNanos().get();
        long[] cache = cacheCounters();
        previousHits = cache[0];
        previousLookups = cache[1];
    }

    /** Takes one sample now and adds it to the history. Called each second by the schedule, or by tests. */
    public synchronized MetricsSample sampleNow() {
        long nowNanos = nanoTime.getAsLong();
        long nowWallMillis = wall.millis();
        double seconds = Math.max(1e-9, (nowNanos - previousNanos) / 1e9);
        long lateMillis = Math.max((nowNanos - previousNanos) / 1_000_000, nowWallMillis - previousWallMillis)
                - PERIOD.toMillis();
        boolean gap = lateMillis > GAP_THRESHOLD.toMillis();
        QueryMetrics.Totals totals = queries.totals();
        Histogram latency = queries.takeIntervalHistogram();
        Histogram acquire = pool.acquireNanos().get();
        PoolMetrics.Snapshot state = pool.state().get();
        long[] cache = cacheCounters();
        long lookups = cache[1] - previousLookups;
        long statements = totals.statements() - previousTotals.statements();
        long errors = totals.errors() - previousTotals.errors();
        MetricsSample sample = new MetricsSample(
                wall.instant(),
                seconds,
                gap,
                statements,
                statements / seconds,
                (totals.transactions() - previousTotals.transactions()) / seconds,
                errors / seconds,
                millisAt(latency, 50),
                millisAt(latency, 95),
                millisAt(latency, 99),
                latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1e6,
                state.active(),
                state.idle(),
                state.pending(),
                state.total(),
                state.maximum(),
                millisAt(acquire, 99),
                state.timeouts() - previousTimeouts,
                lookups <= 0 ? Double.NaN : (double) (cache[0] - previousHits) / lookups);
        markNotable(sample, lateMillis, errors);
        history.add(sample);
        previousNanos = nowNanos;
        previousWallMillis = nowWallMillis;
        previousTotals = totals;
        previousTimeouts = state.timeouts();
        previousHits = cache[0];
        previousLookups = cache[1];
        return sample;
    }

    private void markNotable(MetricsSample sample, long lateMillis, long errors) {
        if (sample.gapBefore()) {
            history.addEvent(sample.at(), Messages.text("messages.event.noSamples", (lateMillis + 999) / 1000));
        }
        if (sample.poolTimeouts() > 0) {
            history.addEvent(sample.at(), Messages.text("messages.event.poolTimeouts", sample.poolTimeouts()));
        }
        boolean hasErrors = errors > 0;
        if (hasErrors && !previousHadErrors) {
            history.addEvent(sample.at(), Messages.text("messages.event.failing", errors, formatSeconds(sample)));
        }
        previousHadErrors = hasErrors;
    }

    private static String formatSeconds(MetricsSample sample) {
        return String.format(Messages.locale(), "%.1f", sample.seconds());
    }

    private static double millisAt(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    private long[] cacheCounters() {
        long hits = 0;
        long lookups = 0;
        for (CacheMetrics cache : caches) {
            CacheMetrics.Snapshot snapshot = cache.snapshot();
            hits += snapshot.hits();
            lookups += snapshot.hits() + snapshot.misses();
        }
        return new long[] {hits, lookups};
    }

    /** Stops the schedule; the history stays readable. */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
