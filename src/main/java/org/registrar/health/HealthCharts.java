package org.registrar.health;

import static org.registrar.health.ChartPalette.Role.ACCENT;
import static org.registrar.health.ChartPalette.Role.DANGER;
import static org.registrar.health.ChartPalette.Role.MUTED;
import static org.registrar.health.ChartPalette.Role.SUCCESS;
import static org.registrar.health.ChartPalette.Role.VIOLET;
import static org.registrar.health.ChartPalette.Role.WARNING;

import java.util.ArrayList;
import java.util.List;
import org.registrar.i18n.Messages;
import org.registrar.metrics.MetricsSample;

/** The charts of the Health screen, what each plots and in which theme colour. */
final class HealthCharts {
    private HealthCharts() {}

    static List<TimeChart> all(boolean hasCaches) {
        List<TimeChart> charts = new ArrayList<>();
        charts.add(chart(
                "chart-throughput",
                new TimeChart(
                        Messages.text("health.chart.throughput"),
                        Messages.text("health.chart.perSecond"),
                        TimeChart.Axis.VALUES,
                        List.of(
                                new TimeChart.Line(
                                        Messages.text("health.chart.statements"),
                                        ACCENT,
                                        MetricsSample::statementsPerSecond),
                                new TimeChart.Line(
                                        Messages.text("health.chart.transactions"),
                                        SUCCESS,
                                        MetricsSample::transactionsPerSecond),
                                new TimeChart.Line(
                                        Messages.text("health.chart.errors"),
                                        DANGER,
                                        MetricsSample::errorsPerSecond)))));
        charts.add(chart(
                "chart-statement-latency",
                new TimeChart(
                        Messages.text("health.chart.latency"),
                        Messages.text("health.chart.ms"),
                        TimeChart.Axis.VALUES,
                        List.of(
                                new TimeChart.Line("p50", SUCCESS, MetricsSample::p50Millis),
                                new TimeChart.Line("p95", ACCENT, MetricsSample::p95Millis),
                                new TimeChart.Line("p99", WARNING, MetricsSample::p99Millis),
                                new TimeChart.Line(
                                        Messages.text("health.chart.max"), DANGER, MetricsSample::maxMillis)))));
        charts.add(chart(
                "chart-pool-connections",
                new TimeChart(
                        Messages.text("health.chart.pool"),
                        Messages.text("health.chart.connections"),
                        TimeChart.Axis.COUNTS,
                        List.of(
                                new TimeChart.Line(
                                        Messages.text("health.chart.active"), ACCENT, MetricsSample::poolActive),
                                new TimeChart.Line(
                                        Messages.text("health.chart.idle"), SUCCESS, MetricsSample::poolIdle),
                                new TimeChart.Line(
                                        Messages.text("health.chart.waiting"), WARNING, MetricsSample::poolPending),
                                new TimeChart.Line(
                                        Messages.text("health.chart.total"), VIOLET, MetricsSample::poolTotal),
                                new TimeChart.Line(
                                        Messages.text("health.chart.maximum"),
                                        MUTED,
                                        true,
                                        MetricsSample::poolMaximum)))));
        charts.add(chart(
                "chart-connection-acquire",
                new TimeChart(
                        Messages.text("health.chart.acquire"),
                        Messages.text("health.chart.msCount"),
                        TimeChart.Axis.VALUES,
                        List.of(
                                new TimeChart.Line(
                                        Messages.text("health.chart.acquireP99"),
                                        ACCENT,
                                        MetricsSample::acquireP99Millis),
                                new TimeChart.Line(
                                        Messages.text("health.chart.timeouts"),
                                        DANGER,
                                        sample -> sample.poolTimeouts())))));
        charts.add(chart(
                "chart-cache-hit-rate",
                new TimeChart(
                        Messages.text("health.chart.cache"),
                        "%",
                        TimeChart.Axis.PERCENT,
                        List.of(new TimeChart.Line(
                                // without a cache the legend says so; the title keeps its length for the toggle
                                Messages.text(hasCaches ? "health.chart.hitRate" : "health.chart.noCache"),
                                ACCENT,
                                sample -> sample.cacheHitRate() * 100)))));
        return charts;
    }

    /** The chart with an id that is the same in every language (tests, focus order and styles find it by that). */
    private static TimeChart chart(String id, TimeChart chart) {
        chart.setId(id);
        return chart;
    }
}
