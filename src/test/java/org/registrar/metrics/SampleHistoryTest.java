package org.registrar.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bounds, per-minute downsampling and merging for drawing. */
class SampleHistoryTest {
    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    static MetricsSample sample(Instant at, double statementsPerSecond, double p95, boolean gap) {
        return new MetricsSample(
                at,
                1,
                gap,
                Math.round(statementsPerSecond),
                statementsPerSecond,
                0,
                0,
                p95 / 2,
                p95,
                p95,
                p95,
                1,
                0,
                0,
                1,
                2,
                Double.NaN,
                0,
                Double.NaN);
    }

    @Test
    void keepsOnlyTheNewestSamplesAndMinutes() {
        SampleHistory history = new SampleHistory(600, 1440);
        for (int second = 0; second < 3 * 3600; second++) {
            history.add(sample(START.plusSeconds(second), 1, 1, false));
        }

        assertThat(history.recent()).hasSize(600);
        assertThat(history.recent().get(0).at()).isEqualTo(START.plusSeconds(3 * 3600 - 600));
        assertThat(history.minutes()).hasSize(180);

        SampleHistory small = new SampleHistory(10, 5);
        for (int second = 0; second < 20 * 60; second++) {
            small.add(sample(START.plusSeconds(second), 1, 1, false));
        }
        assertThat(small.recent()).hasSize(10);
        assertThat(small.minutes()).hasSize(5);
    }

    @Test
    void aMinuteAveragesRatesOverItsTimeAndKeepsTheWorstLatency() {
        SampleHistory history = new SampleHistory();
        for (int second = 0; second < 60; second++) {
            history.add(sample(START.plusSeconds(second), second < 30 ? 10 : 0, second == 5 ? 80 : 2, second == 40));
        }
        history.add(sample(START.plusSeconds(60), 1, 1, false));

        MetricsSample minute = history.minutes().get(0);
        assertThat(minute.seconds()).isCloseTo(60, within(1e-9));
        assertThat(minute.statementsPerSecond()).isCloseTo(5, within(1e-9));
        assertThat(minute.p95Millis()).isEqualTo(80);
        assertThat(minute.gapBefore()).isTrue();
        assertThat(minute.statements()).isEqualTo(300);
        assertThat(history.minutes()).hasSize(2);
    }

    @Test
    void decimateMergesRunsButKeepsGapsVisible() {
        List<MetricsSample> samples = new ArrayList<>();
        for (int second = 0; second < 1440; second++) {
            samples.add(sample(START.plusSeconds(second), second, 1, second == 701));
        }

        List<MetricsSample> drawn = SampleHistory.decimate(samples, 720);

        assertThat(drawn).hasSizeBetween(720, 721);
        assertThat(drawn).filteredOn(MetricsSample::gapBefore).hasSize(1);
        assertThat(drawn.get(0).statementsPerSecond()).isCloseTo(0.5, within(1e-9));
        assertThat(drawn.get(drawn.size() - 1).at()).isEqualTo(START.plusSeconds(1439));
        assertThat(SampleHistory.decimate(samples.subList(0, 600), 720)).hasSize(600);
    }

    @Test
    void eventsAreBounded() {
        SampleHistory history = new SampleHistory();
        for (int i = 0; i < 500; i++) {
            history.addEvent(START.plusSeconds(i), "event " + i);
        }
        assertThat(history.events()).hasSize(SampleHistory.EVENTS_KEPT);
        assertThat(history.events(START.plusSeconds(490))).hasSize(10);
    }
}
