package org.registrar.health;

import java.util.ArrayList;
import java.util.List;
import org.registrar.metrics.MetricsSample;

/** The charts of the Health screen and what each plots. */
final class HealthCharts {
    private HealthCharts() {}

    static List<TimeChart> all(boolean hasCaches) {
        List<TimeChart> charts = new ArrayList<>();
        charts.add(new TimeChart(
                "Throughput",
                "per second",
                List.of(
                        new TimeChart.Line("statements", MetricsSample::statementsPerSecond),
                        new TimeChart.Line("transactions", MetricsSample::transactionsPerSecond),
                        new TimeChart.Line("errors", MetricsSample::errorsPerSecond))));
        charts.add(new TimeChart(
                "Statement latency",
                "ms",
                List.of(
                        new TimeChart.Line("p50", MetricsSample::p50Millis),
                        new TimeChart.Line("p95", MetricsSample::p95Millis),
                        new TimeChart.Line("p99", MetricsSample::p99Millis),
                        new TimeChart.Line("max", MetricsSample::maxMillis))));
        charts.add(new TimeChart(
                "Pool connections",
                "connections",
                List.of(
                        new TimeChart.Line("active", MetricsSample::poolActive),
                        new TimeChart.Line("idle", MetricsSample::poolIdle),
                        new TimeChart.Line("waiting", MetricsSample::poolPending),
                        new TimeChart.Line("total", MetricsSample::poolTotal),
                        new TimeChart.Line("maximum", MetricsSample::poolMaximum))));
        charts.add(new TimeChart(
                "Connection acquire",
                "ms / count",
                List.of(
                        new TimeChart.Line("acquire p99 ms", MetricsSample::acquireP99Millis),
                        new TimeChart.Line("timeouts", sample -> sample.poolTimeouts()))));
        TimeChart cache = new TimeChart(
                hasCaches ? "Cache hit rate" : "Cache hit rate (no cache yet)",
                "%",
                List.of(new TimeChart.Line("hit rate", sample -> sample.cacheHitRate() * 100)));
        charts.add(cache);
        charts.forEach(
                chart -> chart.setId("chart-" + chart.getTitle().toLowerCase().replaceAll("[^a-z]+", "-")));
        return charts;
    }
}
