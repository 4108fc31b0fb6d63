package org.registrar.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Rates over the real elapsed time, interval percentiles, idle intervals and late ticks, from synthetic inputs. */
class MetricsSamplerTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicReference<Instant> wallNow = new AtomicReference<>(Instant.parse("2025-03-01T10:00:00Z"));
    private final Clock wall = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return wallNow.get();
        }
    };
    private final QueryMetrics queries = new QueryMetrics();
    private final AtomicReference<PoolMetrics.Snapshot> pool =
            new AtomicReference<>(new PoolMetrics.Snapshot(0, 0, 0, 0, 2, 0, 0));
    private final Histogram acquire = new Histogram(3);
    private final SampleHistory history = new SampleHistory();
    private final MetricsSampler sampler = new MetricsSampler(
            queries,
            new MetricsSampler.PoolSource(pool::get, () -> {
                Histogram copy = acquire.copy();
                acquire.reset();
                return copy;
            }),
            List.of(),
            history,
            wall,
            nanos::get);

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
        wallNow.set(wallNow.get().plus(duration));
    }

    @Test
    void ratesAreCountsOverTheRealElapsedTimeNotPerTick() {
        for (int i = 0; i < 30; i++) {
            queries.recordStatement("SELECT 1", 2_000_000, i < 3);
        }
        queries.recordTransaction();
        advance(Duration.ofMillis(1500));

        MetricsSample sample = sampler.sampleNow();

        assertThat(sample.seconds()).isCloseTo(1.5, within(1e-9));
        assertThat(sample.statements()).isEqualTo(30);
        assertThat(sample.statementsPerSecond()).isCloseTo(20.0, within(1e-9));
        assertThat(sample.transactionsPerSecond()).isCloseTo(1 / 1.5, within(1e-9));
        assertThat(sample.errorsPerSecond()).isCloseTo(2.0, within(1e-9));
        assertThat(sample.gapBefore()).isFalse();
    }

    @Test
    void percentilesCoverOnlyTheInterval() {
        for (int i = 1; i <= 100; i++) {
            queries.recordStatement("SELECT 1", i * 1_000_000L, false);
        }
        advance(Duration.ofSeconds(1));
        MetricsSample first = sampler.sampleNow();
        queries.recordStatement("SELECT 2", 7_000_000L, false);
        advance(Duration.ofSeconds(1));
        MetricsSample second = sampler.sampleNow();

        assertThat(first.p50Millis()).isCloseTo(50, within(0.1));
        assertThat(first.p95Millis()).isCloseTo(95, within(0.1));
        assertThat(first.p99Millis()).isCloseTo(99, within(0.1));
        assertThat(first.maxMillis()).isCloseTo(100, within(0.1));
        assertThat(second.p99Millis()).isCloseTo(7, within(0.01));
        assertThat(second.maxMillis()).isCloseTo(7, within(0.01));
    }

    @Test
    void anIntervalWithoutStatementsHasZeroRatesAndNoLatency() {
        advance(Duration.ofSeconds(1));

        MetricsSample sample = sampler.sampleNow();

        assertThat(sample.statementsPerSecond()).isZero();
        assertThat(sample.errorsPerSecond()).isZero();
        assertThat(sample.p95Millis()).isNaN();
        assertThat(sample.maxMillis()).isNaN();
        assertThat(sample.acquireP99Millis()).isNaN();
        assertThat(sample.cacheHitRate()).isNaN();
    }

    @Test
    void aTickLateByMoreThanThreeSecondsStartsAGapAndMarksAnEvent() {
        advance(Duration.ofSeconds(1));
        sampler.sampleNow();
        // a laptop sleep: the monotonic clock stood still, the wall clock moved on a minute
        wallNow.set(wallNow.get().plus(Duration.ofSeconds(60)));
        advance(Duration.ofSeconds(1));

        MetricsSample afterSleep = sampler.sampleNow();
        advance(Duration.ofMillis(3900));
        MetricsSample slowButNoGap = sampler.sampleNow();

        assertThat(afterSleep.gapBefore()).isTrue();
        assertThat(afterSleep.seconds()).isCloseTo(1.0, within(1e-9));
        assertThat(slowButNoGap.gapBefore()).isFalse();
        assertThat(history.events())
                .extracting(SampleHistory.Event::text)
                .anyMatch(text -> text.startsWith("No samples for 60 s"));
    }

    @Test
    void poolFiguresAndTimeoutsComeFromThePoolSource() {
        pool.set(new PoolMetrics.Snapshot(2, 0, 3, 2, 2, 4, 2));
        acquire.recordValue(40_000_000L);
        advance(Duration.ofSeconds(1));

        MetricsSample sample = sampler.sampleNow();

        assertThat(sample.poolActive()).isEqualTo(2);
        assertThat(sample.poolPending()).isEqualTo(3);
        assertThat(sample.poolTotal()).isEqualTo(2);
        assertThat(sample.poolMaximum()).isEqualTo(2);
        assertThat(sample.poolTimeouts()).isEqualTo(4);
        assertThat(sample.acquireP99Millis()).isCloseTo(40, within(0.1));
        assertThat(history.events()).extracting(SampleHistory.Event::text).anyMatch(text -> text.contains("timeout"));
    }

    @Test
    void cacheHitRateIsTheIntervalsHitsOverLookups() {
        AtomicLong hits = new AtomicLong(100);
        AtomicLong misses = new AtomicLong(100);
        CacheMetrics cache = () -> new CacheMetrics.Snapshot("mentors", hits.get(), misses.get(), 0, 0, 0, 0);
        MetricsSampler withCache = new MetricsSampler(
                queries,
                new MetricsSampler.PoolSource(pool::get, () -> new Histogram(3)),
                List.of(cache),
                history,
                wall,
                nanos::get);
        hits.addAndGet(9);
        misses.addAndGet(1);
        advance(Duration.ofSeconds(1));

        assertThat(withCache.sampleNow().cacheHitRate()).isCloseTo(0.9, within(1e-9));
        assertThat(withCache.hasCaches()).isTrue();
    }
}
