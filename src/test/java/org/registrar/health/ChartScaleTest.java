package org.registrar.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ChartScaleTest {
    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(ChartScale.niceStep(0.13)).isEqualTo(0.2);
        assertThat(ChartScale.niceStep(3)).isEqualTo(5);
        assertThat(ChartScale.niceStep(7)).isEqualTo(10);
        assertThat(ChartScale.niceStep(10)).isEqualTo(10);
        assertThat(ChartScale.niceStep(140)).isEqualTo(200);
    }

    @Test
    void valueAxisStartsAtZeroAndEndsAtTheFirstTickAboveTheData() {
        assertThat(ChartScale.upTo(37.2, 4, false).ticks()).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0);
        assertThat(ChartScale.upTo(0.55, 4, false).max()).isEqualTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ChartScale.upTo(0, 4, false).ticks()).containsExactly(0.0, 0.5, 1.0);
        assertThat(ChartScale.upTo(Double.NaN, 4, false).max()).isEqualTo(1);
    }

    @Test
    void countsGetWholeStepsAndPercentagesStopAtAHundred() {
        assertThat(ChartScale.upTo(2, 4, true).ticks()).containsExactly(0.0, 1.0, 2.0);
        assertThat(ChartScale.percent().ticks()).containsExactly(0.0, 25.0, 50.0, 75.0, 100.0);
    }

    @Test
    void labelsDropNeedlessDecimals() {
        assertThat(ChartScale.label(0)).isEqualTo("0");
        assertThat(ChartScale.label(2.5)).isEqualTo("2.5");
        assertThat(ChartScale.label(0.05)).isEqualTo("0.05");
    }

    @Test
    void timeTicksFallOnWholeClockStepsWithTheirLabels() {
        double from = epoch(LocalDateTime.of(2026, 3, 2, 9, 3, 17));
        ChartScale.Times tenMinutes = ChartScale.times(from, from + 600, 360, 70);
        assertThat(tenMinutes.labels()).containsExactly("09:04", "09:06", "09:08", "09:10", "09:12");
        assertThat(tenMinutes.ticks().get(0)).isEqualTo(epoch(LocalDateTime.of(2026, 3, 2, 9, 4)));

        ChartScale.Times day = ChartScale.times(from, from + 24 * 3600, 360, 70);
        assertThat(day.labels()).containsExactly("12:00", "18:00", "00:00", "06:00");

        ChartScale.Times minute = ChartScale.times(from, from + 60, 400, 70);
        assertThat(minute.labels()).startsWith("09:03:30", "09:03:45");
    }

    private static double epoch(LocalDateTime time) {
        return time.atZone(ZoneId.systemDefault()).toEpochSecond();
    }
}
