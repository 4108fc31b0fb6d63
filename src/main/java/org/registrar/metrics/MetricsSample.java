package org.registrar.metrics;

import java.time.Instant;
import java.util.List;

/**
 * What this desktop did during one sampling interval: true per-second rates over the real elapsed time,
 * statement latency percentiles of the interval, the pool's state at its end, connection acquire time and the
 * cache hit rate. Latencies are in milliseconds; {@code NaN} means "nothing to measure" (no statement, no
 * acquire, no cache). Immutable.
 *
 * @param at end of the interval
 * @param seconds real length of the interval
 * @param gapBefore the sampler was late (sleep, stall): there is no data between the previous sample and this one
 */
public record MetricsSample(
        Instant at,
        double seconds,
        boolean gapBefore,
        long statements,
        double statementsPerSecond,
        double transactionsPerSecond,
        double errorsPerSecond,
        double p50Millis,
        double p95Millis,
        double p99Millis,
        double maxMillis,
        int poolActive,
        int poolIdle,
        int poolPending,
        int poolTotal,
        int poolMaximum,
        double acquireP99Millis,
        long poolTimeouts,
        double cacheHitRate) {

    /**
     * One sample standing for several consecutive ones (a minute of history, or points merged for drawing):
     * rates are averaged over the summed real time, latency percentiles take the worst interval (an upper
     * bound, never an underestimate), the pool state is the last one except active/pending which keep their
     * peak, timeouts add up, a gap in any part marks the whole.
     */
    public static MetricsSample merge(List<MetricsSample> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        MetricsSample last = parts.get(parts.size() - 1);
        double seconds = 0;
        double statementCount = 0;
        double transactionCount = 0;
        double errorCount = 0;
        long statements = 0;
        long timeouts = 0;
        int active = 0;
        int pending = 0;
        boolean gap = false;
        for (MetricsSample part : parts) {
            seconds += part.seconds;
            statementCount += part.statementsPerSecond * part.seconds;
            transactionCount += part.transactionsPerSecond * part.seconds;
            errorCount += part.errorsPerSecond * part.seconds;
            statements += part.statements;
            timeouts += part.poolTimeouts;
            active = Math.max(active, part.poolActive);
            pending = Math.max(pending, part.poolPending);
            gap |= part.gapBefore;
        }
        return new MetricsSample(
                last.at,
                seconds,
                gap,
                statements,
                perSecond(statementCount, seconds),
                perSecond(transactionCount, seconds),
                perSecond(errorCount, seconds),
                worst(parts, MetricsSample::p50Millis),
                worst(parts, MetricsSample::p95Millis),
                worst(parts, MetricsSample::p99Millis),
                worst(parts, MetricsSample::maxMillis),
                active,
                last.poolIdle,
                pending,
                last.poolTotal,
                last.poolMaximum,
                worst(parts, MetricsSample::acquireP99Millis),
                timeouts,
                last.cacheHitRate);
    }

    private static double perSecond(double count, double seconds) {
        return seconds <= 0 ? 0 : count / seconds;
    }

    private static double worst(List<MetricsSample> parts, java.util.function.ToDoubleFunction<MetricsSample> value) {
        double worst = Double.NaN;
        for (MetricsSample part : parts) {
            double candidate = value.applyAsDouble(part);
            if (!Double.isNaN(candidate) && (Double.isNaN(worst) || candidate > worst)) {
                worst = candidate;
            }
        }
        return worst;
    }
}
