package org.registrar.health;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.registrar.i18n.Messages;
import org.registrar.metrics.MetricsSample;

/**
 * A chart in words, for screen readers (a canvas has no text of its own): each line's latest value and its trend
 * over the last samples, e.g. "Pool connections: active 2, steady; idle 0, falling". No JavaFX. Stateless.
 */
final class ChartSummary {
    /** Samples the trend looks back over (at one a second: the last ten seconds). */
    static final int TREND_SAMPLES = 10;

    enum Trend {
        RISING,
        FALLING,
        STEADY,
        NO_DATA
    }

    private ChartSummary() {}

    /**
     * The trend of the newest value against the oldest of the last {@link #TREND_SAMPLES} values that are points
     * (NaN is none): steady within 10 % of the larger of the two (and within 0.01 absolute for values near zero).
     */
    static Trend trend(List<MetricsSample> samples, ToDoubleFunction<MetricsSample> value) {
        List<Double> recent = new ArrayList<>();
        for (int index = samples.size() - 1; index >= 0 && recent.size() < TREND_SAMPLES; index--) {
            double point = value.applyAsDouble(samples.get(index));
            if (!Double.isNaN(point)) {
                recent.add(point);
            }
        }
        if (recent.isEmpty()) {
            return Trend.NO_DATA;
        }
        double newest = recent.get(0);
        double oldest = recent.get(recent.size() - 1);
        double tolerance = Math.max(0.01, 0.1 * Math.max(Math.abs(newest), Math.abs(oldest)));
        if (Math.abs(newest - oldest) <= tolerance) {
            return Trend.STEADY;
        }
        return newest > oldest ? Trend.RISING : Trend.FALLING;
    }

    /** The newest value that is a point, or NaN. */
    static double latest(List<MetricsSample> samples, ToDoubleFunction<MetricsSample> value) {
        for (int index = samples.size() - 1; index >= 0; index--) {
            double point = value.applyAsDouble(samples.get(index));
            if (!Double.isNaN(point)) {
                return point;
            }
        }
        return Double.NaN;
    }

    /** "Title: line value, trend; line value, trend", or "Title: no data yet". */
    static String describe(String title, List<TimeChart.Line> lines, List<MetricsSample> samples) {
        List<String> parts = new ArrayList<>();
        for (TimeChart.Line line : lines) {
            Trend trend = trend(samples, line.value());
            if (trend != Trend.NO_DATA) {
                parts.add(Messages.text(
                        "menu.chart.line", line.name(), value(latest(samples, line.value())), words(trend)));
            }
        }
        return parts.isEmpty()
                ? Messages.text("menu.chart.noData", title)
                : Messages.text("menu.chart.summary", title, String.join("; ", parts));
    }

    /** A value as the table and the summary show it: whole numbers whole, others with up to two decimals. */
    static String value(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(Messages.locale());
        format.setMaximumFractionDigits(value == Math.rint(value) ? 0 : 2);
        format.setGroupingUsed(false);
        return format.format(value);
    }

    private static String words(Trend trend) {
        return switch (trend) {
            case RISING -> Messages.text("menu.chart.rising");
            case FALLING -> Messages.text("menu.chart.falling");
            default -> Messages.text("menu.chart.steady");
        };
    }
}
