package org.registrar.metrics;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What HikariCP reports about the one pool: connections active, idle, waiting and total, plus the time to
 * acquire a connection and how often that timed out. Registered as the pool's {@link MetricsTrackerFactory}.
 * Thread-safe.
 */
public final class PoolMetrics implements MetricsTrackerFactory {
    private static final long HIGHEST_TRACKABLE_NANOS = Duration.ofMinutes(5).toNanos();

    private final AtomicReference<PoolStats> stats = new AtomicReference<>();
    private final Recorder acquireNanos = new Recorder(HIGHEST_TRACKABLE_NANOS, 3);
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private volatile int maximum;

    @Override
    public IMetricsTracker create(String poolName, PoolStats poolStats) {
        stats.set(poolStats);
        return new IMetricsTracker() {
            @Override
            public void recordConnectionAcquiredNanos(long nanos) {
                acquireNanos.recordValue(Math.max(0, Math.min(nanos, HIGHEST_TRACKABLE_NANOS)));
            }

            @Override
            public void recordConnectionTimeout() {
                timeouts.incrementAndGet();
            }

            @Override
            public void recordConnectionCreatedMillis(long millis) {
                created.incrementAndGet();
            }
        };
    }

    /** Set by the database once the pool is configured. */
    public void setMaximum(int maximum) {
        this.maximum = maximum;
    }

    /** The pool's state right now. All zero before the pool has started. */
    public Snapshot snapshot() {
        PoolStats poolStats = stats.get();
        if (poolStats == null) {
            return new Snapshot(0, 0, 0, 0, maximum, timeouts.get(), created.get());
        }
        return new Snapshot(
                poolStats.getActiveConnections(),
                poolStats.getIdleConnections(),
                poolStats.getPendingThreads(),
                poolStats.getTotalConnections(),
                maximum,
                timeouts.get(),
                created.get());
    }

    /** Connection acquire times (nanoseconds) since the previous call. */
    public Histogram takeAcquireHistogram() {
        return acquireNanos.getIntervalHistogram();
    }

    /** Pool state at one moment. Immutable. */
    public record Snapshot(
            int active, int idle, int pending, int total, int maximum, long timeouts, long connectionsCreated) {}
}
