package org.registrar.health;

import static org.registrar.health.ChartPalette.Role.ACCENT;
import static org.registrar.health.ChartPalette.Role.DANGER;
import static org.registrar.health.ChartPalette.Role.MUTED;
import static org.registrar.health.ChartPalette.Role.SUCCESS;
import static org.registrar.health.ChartPalette.Role.VIOLET;
import static org.registrar.health.ChartPalette.Role.WARNING;

import java.util.ArrayList;
import java.util.List;
import org.registrar.metrics.MetricsSample;

/** The charts of the Health screen, what each plots and in which theme colour. */
final class HealthCharts {
    private HealthCharts() {}

    static List<TimeChart> all(boolean hasCaches) {
        List<TimeChart> charts = new ArrayList<>();
        charts.add(new TimeChart(
                "Throughput",
                "per second",
                TimeChart.Axis.VALUES,
                List.of(
                        new TimeChart.Line("statements", ACCENT, MetricsSample::statementsPerSecond),
                        new TimeChart.Line("transactions", SUCCESS, MetricsSample::transactionsPerSecond),
                        new TimeChart.Line("errors", DANGER, MetricsSample::errorsPerSecond))));
        charts.add(new TimeChart(
                "Statement latency",
                "ms",
                TimeChart.Axis.VALUES,
                List.of(
                        new TimeChart.Line("p50", SUCCESS, MetricsSample::p50Millis),
                        new TimeChart.Line("p95", ACCENT, MetricsSample::p95Millis),
                        new TimeChart.Line("p99", WARNING, MetricsSample::p99Millis),
                        new TimeChart.Line("max", DANGER, MetricsSample::maxMillis))));
        charts.add(new TimeChart(
                "Pool connections",
                "connections",
                TimeChart.Axis.COUNTS,
                List.of(
                        new TimeChart.Line("active", ACCENT, MetricsSample::poolActive),
                        new TimeChart.Line("idle", SUCCESS, MetricsSample::poolIdle),
                        new TimeChart.Line("waiting", WARNING, MetricsSample::poolPending),
                        new TimeChart.Line("total", VIOLET, MetricsSample::poolTotal),
                        new TimeChart.Line("maximum", MUTED, true, MetricsSample::poolMaximum))));
        charts.add(new TimeChart(
                "Connection acquire",
                "ms / count",
                TimeChart.Axis.VALUES,
                List.of(
                        new TimeChart.Line("acquire p99 ms", ACCENT, MetricsSample::acquireP99Millis),
                        new TimeChart.Line("timeouts", DANGER, sample -> sample.poolTimeouts()))));
        charts.add(new TimeChart(
                hasCaches ? "Cache hit rate" : "Cache hit rate (no cache yet)",
                "%",
                TimeChart.Axis.PERCENT,
                List.of(new TimeChart.Line("hit rate", ACCENT, sample -> sample.cacheHitRate() * 100))));
        charts.forEach(
                chart -> chart.setId("chart-" + chart.title().toLowerCase().replaceAll("[^a-z]+", "-")));
        return charts;
    }
}
