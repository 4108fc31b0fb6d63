package org.registrar.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javafx.scene.Scene;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.registrar.metrics.MetricsSample;
import org.registrar.metrics.SampleHistory;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures, in one run and on the same frames, the Health panel's five charts as the former {@link LineTimeChart}
 * (JavaFX LineChart) and as the canvas {@link TimeChart}: each redraw is the data update plus the CSS and layout
 * pass it causes on the FX thread, as {@code HealthView.redraw()} times it. The two are timed alternately, round
 * by round, so the machine's load hits both alike.
 */
final class ChartRedrawComparison {
    /** Mean, median and max of one implementation's redraws. */
    record Stats(double meanMillis, double medianMillis, double maxMillis) {
        static Stats of(List<Long> nanos) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Stats(
                    java.util.Arrays.stream(sorted).average().orElse(Double.NaN) / 1e6,
                    sorted[sorted.length / 2] / 1e6,
                    sorted[sorted.length - 1] / 1e6);
        }
    }

    /** One measured case. */
    record Row(String what, int pointsPerLine, int rounds, Stats lineChart, Stats canvas) {
        String markdown() {
            return String.format(
                    "| %s | %,d | %d | %.1f / %.1f / %.1f | %.2f / %.2f / %.2f | %.0f× |",
                    what,
                    pointsPerLine,
                    rounds,
                    lineChart.meanMillis(),
                    lineChart.medianMillis(),
                    lineChart.maxMillis(),
                    canvas.meanMillis(),
                    canvas.medianMillis(),
                    canvas.maxMillis(),
                    lineChart.meanMillis() / canvas.meanMillis());
        }
    }

    static final String HEADER = "| what is drawn (5 charts, 15 lines) | points per line | redraws"
            + " | LineChart ms mean / median / max | Canvas ms mean / median / max | ratio of means |"
            + "\n|---|---:|---:|---:|---:|---:|";

    /** Redraws not counted: the app redraws every second for hours, so both are measured with the JIT warm. */
    private static final int WARM_UP = 5;

    private final SampleHistory history;
    private final IntFunction<MetricsSample> nextSample;
    private final List<LineTimeChart> lineCharts = new ArrayList<>();
    private final List<TimeChart> canvasCharts = HealthCharts.all(false);
    private GridPane lineGrid;
    private GridPane canvasGrid;
    private HealthViewModel.Range drawnRange;

    /** @param nextSample the sample for round n (added to {@code history} before each redraw) */
    ChartRedrawComparison(SampleHistory history, IntFunction<MetricsSample> nextSample) {
        this.history = history;
        this.nextSample = nextSample;
        for (TimeChart chart : canvasCharts) {
            lineCharts.add(new LineTimeChart(
                    chart.title(),
                    chart.unit(),
                    chart.lines().stream()
                            .map(line -> new LineTimeChart.Line(line.name(), line.value()))
                            .toList()));
        }
    }

    /** Shows both panels, one above the other, each 1280 × 440 like the Health screen's chart area. */
    void showOn(Stage stage) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    lineGrid = grid(new ArrayList<>(lineCharts));
                    canvasGrid = grid(new ArrayList<>(canvasCharts));
                    VBox both = new VBox(lineGrid, canvasGrid);
                    both.getStyleClass().addAll("screen", "health");
                    both.getStylesheets()
                            .add(HealthView.class
                                    .getResource("/org/registrar/health/health.css")
                                    .toExternalForm());
                    stage.setScene(new Scene(both, 1280, 880));
                    stage.show();
                })
                .get();
    }

    private static GridPane grid(List<javafx.scene.Node> charts) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        grid.setPrefHeight(440);
        grid.setMaxHeight(440);
        for (int column = 0; column < 3; column++) {
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setPercentWidth(100.0 / 3);
            grid.getColumnConstraints().add(constraints);
        }
        for (int index = 0; index < charts.size(); index++) {
            grid.add(charts.get(index), index % 3, index / 3);
        }
        VBox.setVgrow(grid, Priority.NEVER);
        return grid;
    }

    /**
     * Runs both paths unmeasured until the JIT has compiled them (the app redraws every second for hours, so a
     * cold first minute is not what it pays), the canvas more often since each of its redraws is short.
     */
    void warmUp() throws Exception {
        HealthViewModel.Frame frame = frame(HealthViewModel.Range.LAST_10_MINUTES, 600);
        for (int round = 0; round < 40; round++) {
            boolean alsoLineChart = round % 8 == 0;
            WaitForAsyncUtils.asyncFx(() -> {
                        redrawCanvas(frame);
                        if (alsoLineChart) {
                            redrawLineChart(frame);
                        }
                    })
                    .get();
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Redraws both panels {@code rounds} times (after a warm-up), one new sample per round. */
    Row measure(String what, HealthViewModel.Range range, int maxPoints, int rounds) throws Exception {
        List<Long> line = new ArrayList<>();
        List<Long> canvas = new ArrayList<>();
        int points = 0;
        for (int round = 0; round < WARM_UP + rounds; round++) {
            history.add(nextSample.apply(round));
            HealthViewModel.Frame frame = frame(range, maxPoints);
            points = frame.samples().size();
            boolean canvasFirst = round % 2 == 0;
            long[] nanos = WaitForAsyncUtils.asyncFx(() -> canvasFirst
                            ? new long[] {redrawCanvas(frame), redrawLineChart(frame)}
                            : new long[] {redrawLineChart(frame), redrawCanvas(frame)})
                    .get();
            if (round >= WARM_UP) {
                canvas.add(canvasFirst ? nanos[0] : nanos[1]);
                line.add(canvasFirst ? nanos[1] : nanos[0]);
            }
            WaitForAsyncUtils.waitForFxEvents();
        }
        return new Row(what, points, rounds, Stats.of(line), Stats.of(canvas));
    }

    private long redrawLineChart(HealthViewModel.Frame frame) {
        long start = System.nanoTime();
        boolean incremental = drawnRange == frame.range() && !frame.merged();
        lineCharts.forEach(chart -> chart.show(frame, incremental));
        drawnRange = frame.range();
        lineGrid.applyCss();
        lineGrid.layout();
        return System.nanoTime() - start;
    }

    private long redrawCanvas(HealthViewModel.Frame frame) {
        long start = System.nanoTime();
        canvasCharts.forEach(chart -> chart.show(frame));
        canvasGrid.applyCss();
        canvasGrid.layout();
        return System.nanoTime() - start;
    }

    /** What {@link HealthViewModel#frame} would hand the charts, with {@code maxPoints} points per line. */
    private HealthViewModel.Frame frame(HealthViewModel.Range range, int maxPoints) {
        List<MetricsSample> recent = history.recent();
        Instant to = recent.get(recent.size() - 1).at();
        Instant from = to.minus(
                range == HealthViewModel.Range.LAST_10_MINUTES
                        ? java.time.Duration.ofMinutes(10)
                        : java.time.Duration.ofHours(24));
        List<MetricsSample> source = range == HealthViewModel.Range.LAST_10_MINUTES ? recent : history.minutes();
        List<MetricsSample> inRange =
                source.stream().filter(sample -> sample.at().isAfter(from)).toList();
        List<MetricsSample> drawn = SampleHistory.decimate(inRange, maxPoints);
        return new HealthViewModel.Frame(range, from, to, drawn, drawn.size() != inRange.size(), history.events(from));
    }
}
