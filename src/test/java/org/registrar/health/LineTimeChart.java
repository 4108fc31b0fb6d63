package org.registrar.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.util.StringConverter;
import org.registrar.metrics.MetricsSample;
import org.registrar.metrics.SampleHistory;

/**
 * TEST ONLY: the Health screen's former LineChart-based chart, kept to measure it against {@link TimeChart} in
 * the same run (see {@link ChartRedrawComparison}). Not used by the application.
 *
 * A JavaFX line chart of samples over time, animation off and no point symbols (cheap to redraw each second).
 * Lines break where no data was recorded (a gap, or an interval with nothing to measure); events show as
 * dashed vertical markers; hovering shows the values at the nearest sample.
 */
final class LineTimeChart extends LineChart<Number, Number> {
    /** One line: its name and how to read its value from a sample (NaN: no point). */
    record Line(String name, ToDoubleFunction<MetricsSample> value) {}

    private final List<LineTimeChart.Line> lines;
    private final NumberAxis time;
    private final List<MetricsSample> shown = new ArrayList<>();
    private final List<javafx.scene.shape.Line> markers = new ArrayList<>();
    private final List<SampleHistory.Event> markerEvents = new ArrayList<>();
    private final javafx.scene.shape.Line crosshair = new javafx.scene.shape.Line();
    private final Label hoverLabel = new Label();
    private final String unit;

    LineTimeChart(String title, String unit, List<LineTimeChart.Line> lines) {
        super(new NumberAxis(), new NumberAxis());
        this.lines = List.copyOf(lines);
        this.unit = unit;
        this.time = (NumberAxis) getXAxis();
        setTitle(title);
        setAnimated(false);
        setCreateSymbols(false);
        getStyleClass().add("time-chart");
        time.setAutoRanging(false);
        time.setMinorTickVisible(false);
        NumberAxis values = (NumberAxis) getYAxis();
        values.setForceZeroInRange(true);
        values.setMinorTickVisible(false);
        values.setLabel(unit);
        ObservableList<Series<Number, Number>> all = FXCollections.observableArrayList();
        for (LineTimeChart.Line line : lines) {
            all.add(new Series<>(line.name(), FXCollections.observableArrayList()));
        }
        setData(all);
        crosshair.getStyleClass().add("crosshair");
        crosshair.setManaged(false);
        hoverLabel.getStyleClass().add("hover-label");
        hoverLabel.setManaged(false);
        hoverLabel.setVisible(false);
        crosshair.setVisible(false);
        getPlotChildren().addAll(crosshair, hoverLabel);
        setOnMouseMoved(this::hover);
        setOnMouseExited(event -> hideHover());
    }

    /** Shows {@code frame}: new samples are appended and old ones dropped; a new range redraws all. */
    void show(HealthViewModel.Frame frame, boolean incremental) {
        boolean perSecond = frame.range() == HealthViewModel.Range.LAST_10_MINUTES;
        double tick = perSecond ? 120 : 3 * 3600;
        // ticks fall on whole minutes (hours) when the axis starts on one
        double from = Math.floor(seconds(frame.from()) / (perSecond ? 60 : 3600)) * (perSecond ? 60 : 3600);
        double to = seconds(frame.to());
        time.setLowerBound(from);
        time.setUpperBound(to);
        time.setTickUnit(tick);
        time.setTickLabelFormatter(CLOCK_MINUTES);
        Instant lastShown = shown.isEmpty() ? null : shown.get(shown.size() - 1).at();
        boolean canAppend = incremental
                && lastShown != null
                && frame.samples().stream().anyMatch(sample -> sample.at().equals(lastShown));
        if (!canAppend) {
            shown.clear();
            getData().forEach(series -> series.getData().clear());
        }
        List<MetricsSample> fresh = new ArrayList<>();
        for (MetricsSample sample : frame.samples()) {
            if (lastShown == null || !canAppend || sample.at().isAfter(lastShown)) {
                fresh.add(sample);
            }
        }
        dropBefore(from);
        append(fresh, !canAppend);
        showMarkers(frame.events());
    }

    private void dropBefore(double from) {
        shown.removeIf(sample -> seconds(sample.at()) < from);
        for (Series<Number, Number> series : getData()) {
            ObservableList<Data<Number, Number>> data = series.getData();
            int stale = 0;
            while (stale < data.size() && data.get(stale).getXValue().doubleValue() < from) {
                stale++;
            }
            if (stale > 0) {
                data.remove(0, stale);
            }
        }
    }

    private void append(List<MetricsSample> fresh, boolean fromScratch) {
        for (int index = 0; index < lines.size(); index++) {
            List<Data<Number, Number>> points = new ArrayList<>(fresh.size());
            boolean breakNext = fromScratch;
            for (MetricsSample sample : fresh) {
                double value = lines.get(index).value().applyAsDouble(sample);
                if (Double.isNaN(value)) {
                    breakNext = true;
                    continue;
                }
                Data<Number, Number> point = new Data<>(seconds(sample.at()), value);
                point.setExtraValue(breakNext || sample.gapBefore());
                points.add(point);
                breakNext = false;
            }
            getData().get(index).getData().addAll(points);
        }
        shown.addAll(fresh);
    }

    private void showMarkers(List<SampleHistory.Event> events) {
        if (events.equals(markerEvents)) {
            return;
        }
        getPlotChildren().removeAll(markers);
        markers.clear();
        markerEvents.clear();
        markerEvents.addAll(events);
        for (SampleHistory.Event event : events) {
            javafx.scene.shape.Line marker = new javafx.scene.shape.Line();
            marker.getStyleClass().add("event-marker");
            marker.setManaged(false);
            markers.add(marker);
        }
        getPlotChildren().addAll(0, markers);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double height = getYAxis().getHeight();
        for (int index = 0; index < markers.size(); index++) {
            double x = time.getDisplayPosition(seconds(markerEvents.get(index).at()));
            javafx.scene.shape.Line marker = markers.get(index);
            marker.setStartX(x);
            marker.setEndX(x);
            marker.setStartY(0);
            marker.setEndY(height);
        }
        getData().forEach(this::breakAtGaps);
    }

    /** Turns the segment leading to a point after missing data into a jump, so the line shows the hole. */
    private void breakAtGaps(Series<Number, Number> series) {
        if (!(series.getNode() instanceof Path path)) {
            return;
        }
        Set<Double> breaks = new HashSet<>();
        for (Data<Number, Number> point : series.getData()) {
            if (Boolean.TRUE.equals(point.getExtraValue())) {
                breaks.add(time.getDisplayPosition(point.getXValue()));
            }
        }
        if (breaks.isEmpty()) {
            return;
        }
        ObservableList<PathElement> elements = path.getElements();
        for (int index = 1; index < elements.size(); index++) {
            if (elements.get(index) instanceof LineTo segment && breaks.contains(segment.getX())) {
                elements.set(index, new MoveTo(segment.getX(), segment.getY()));
            }
        }
    }

    private void hover(MouseEvent event) {
        if (shown.isEmpty()) {
            return;
        }
        Point2D inAxis = time.sceneToLocal(event.getSceneX(), event.getSceneY());
        double at = time.getValueForDisplay(inAxis.getX()).doubleValue();
        MetricsSample nearest = shown.get(0);
        for (MetricsSample sample : shown) {
            if (Math.abs(seconds(sample.at()) - at) < Math.abs(seconds(nearest.at()) - at)) {
                nearest = sample;
            }
        }
        showHover(nearest);
    }

    /** Puts the crosshair on {@code sample} and lists each line's value there. */
    void showHover(MetricsSample sample) {
        StringBuilder text = new StringBuilder(HealthFormat.time(sample.at()));
        for (LineTimeChart.Line line : lines) {
            text.append('\n')
                    .append(line.name())
                    .append(": ")
                    .append(HealthFormat.figure(line.value().applyAsDouble(sample)))
                    .append(' ')
                    .append(unit);
        }
        hoverLabel.setText(text.toString());
        double x = time.getDisplayPosition(seconds(sample.at()));
        crosshair.setStartX(x);
        crosshair.setEndX(x);
        crosshair.setStartY(0);
        crosshair.setEndY(getYAxis().getHeight());
        hoverLabel.autosize();
        double width = hoverLabel.prefWidth(-1);
        hoverLabel.relocate(x + 8 + width > time.getWidth() ? x - 8 - width : x + 8, 4);
        crosshair.setVisible(true);
        hoverLabel.setVisible(true);
        crosshair.toFront();
        hoverLabel.toFront();
    }

    private void hideHover() {
        crosshair.setVisible(false);
        hoverLabel.setVisible(false);
    }

    String hoverText() {
        return hoverLabel.isVisible() ? hoverLabel.getText() : "";
    }

    int pointCount() {
        return getData().stream().mapToInt(series -> series.getData().size()).sum();
    }

    private static double seconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    private static final StringConverter<Number> CLOCK_MINUTES = clock("HH:mm");

    private static StringConverter<Number> clock(String pattern) {
        java.time.format.DateTimeFormatter format =
                java.time.format.DateTimeFormatter.ofPattern(pattern).withZone(java.time.ZoneId.systemDefault());
        return new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return format.format(Instant.ofEpochMilli(Math.round(seconds.doubleValue() * 1000)));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        };
    }
}
