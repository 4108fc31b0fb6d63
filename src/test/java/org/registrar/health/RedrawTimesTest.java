package org.registrar.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedrawTimesTest {
    @Test
    void keepsTheLastMinuteOfChartAndScreenTimes() {
        RedrawTimes times = new RedrawTimes();
        for (int redraw = 1; redraw <= RedrawTimes.KEPT + 10; redraw++) {
            times.add(redraw * 100_000L, redraw * 1_000_000L);
        }
        assertThat(times.count()).isEqualTo(RedrawTimes.KEPT);
        assertThat(times.chartMaxMillis()).isEqualTo(7.0);
        assertThat(times.chartMeanMillis()).isEqualTo(4.05, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(times.meanMillis()).isEqualTo(40.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(times.describe())
                .isEqualTo("Charts drawn in 4.1 ms (max 7.0) · screen update 40.5 ms (max 70.0) · last 60");
    }
}
