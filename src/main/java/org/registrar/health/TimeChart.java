package org.registrar.health;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Rectangle2D;
import javafx.scene.AccessibleRole;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.registrar.i18n.Messages;
import org.registrar.metrics.MetricsSample;
import org.registrar.metrics.SampleHistory;

/**
 * A time-series chart drawn on a {@link Canvas}: no scene-graph nodes per point, so a redraw of a few thousand
 * points costs well under a millisecond of drawing commands and no layout. Lines break where no data was
 * recorded (a gap, or an interval with nothing to measure); events show as red dashed markers; hovering shows
 * the values at the nearest sample. Colours and fonts follow the AtlantaFX theme. FX thread only.
 */
final class TimeChart extends Region {
    /** What the value axis shows: any values, whole counts, or percentages (fixed at 0–100). */
    enum Axis {
        VALUES,
        COUNTS,
        PERCENT
    }

    /** One line: its name, colour and how to read its value from a sample (NaN: no point). */
    record Line(String name, ChartPalette.Role colour, boolean dashed, ToDoubleFunction<MetricsSample> value) {
        Line(String name, ChartPalette.Role colour, ToDoubleFunction<MetricsSample> value) {
            this(name, colour, false, value);
        }
    }

    /** How values map to pixels in the plot area. */
    record Plot(double left, double top, double right, double bottom, double from, double to, double max) {
        double x(double seconds) {
            return left + (seconds - from) / (to - from) * (right - left);
        }

        double y(double value) {
            return bottom - Math.min(value, max * 1.05) / max * (bottom - top);
        }

        double seconds(double x) {
            return from + (x - left) / (right - left) * (to - from);
        }
    }

    private final String title;
    /** The title as it fits left of the table toggle; fitted on layout, not on every (hover) redraw. */
    private String shownTitle;

    private final String unit;
    private final TimeChart.Axis axis;
    private final List<TimeChart.Line> lines;
    private final Canvas canvas = new Canvas();
    private final ChartPalette palette = new ChartPalette(this::draw);
    private final Text measure = new Text();
    private final Map<String, Double> widths = new HashMap<>();
    private Font measuredFont;
    private List<MetricsSample> samples = List.of();
    private double[] times = new double[0];
    private List<SampleHistory.Event> events = List.of();
    private double from;
    private double to = 1;
    private double mouseX = Double.NaN;
    private String hoverText = "";
    private Plot plot;
    /** "Show as table": swaps the canvas for a table of the points (also for keyboard and screen-reader users). */
    private final ToggleButton asTable = new ToggleButton();

    private TableView<MetricsSample> table;

    TimeChart(String title, String unit, TimeChart.Axis axis, List<TimeChart.Line> lines) {
        this.title = title;
        this.unit = unit;
        this.axis = axis;
        this.lines = List.copyOf(lines);
        getStyleClass().add("time-chart");
        canvas.setManaged(false);
        getChildren().addAll(palette.node(), canvas);
        setOnMouseMoved(event -> hover(event.getX()));
        setOnMouseExited(event -> hover(Double.NaN));
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setAccessibleRoleDescription(Messages.text("menu.chart.role"));
        setAccessibleText(ChartSummary.describe(title, this.lines, samples));
        // a short word on the button, the whole phrase in its tooltip and for screen readers: at 1024 px a chart has
        // about 270 px, and "Als Tabelle zeigen" covered the title drawn beneath it
        asTable.setTooltip(new Tooltip());
        labelToggle(false);
        asTable.getStyleClass().addAll("small", "flat", "chart-as-table");
        asTable.setMnemonicParsing(false);
        asTable.setOnAction(event -> showAsTable(asTable.isSelected()));
        // named after the chart, so a focus order or a test can tell the five toggles apart
        idProperty().addListener((obs, old, id) -> asTable.setId(id == null ? null : id + "-as-table"));
        getChildren().add(asTable);
    }

    /** Shows the points as a table (true) or the chart (false). */
    void showAsTable(boolean tableShown) {
        asTable.setSelected(tableShown);
        labelToggle(tableShown);
        if (tableShown && table == null) {
            table = pointsTable();
            getChildren().add(table);
        }
        if (table != null) {
            table.setVisible(tableShown);
            table.setManaged(tableShown);
            if (tableShown) {
                table.getItems().setAll(newestFirst());
            }
        }
        canvas.setVisible(!tableShown);
        requestLayout();
    }

    private void labelToggle(boolean tableShown) {
        asTable.setText(Messages.text(tableShown ? "menu.chart.chart" : "menu.chart.table"));
        String whole = Messages.text(tableShown ? "menu.chart.showChart" : "menu.chart.showTable");
        asTable.setAccessibleText(whole);
        asTable.getTooltip().setText(whole);
    }

    boolean tableShown() {
        return asTable.isSelected();
    }

    /** The table of points, or null before it was first shown. */
    TableView<MetricsSample> table() {
        return table;
    }

    ToggleButton tableToggle() {
        return asTable;
    }

    private TableView<MetricsSample> pointsTable() {
        TableView<MetricsSample> points = new TableView<>();
        points.getStyleClass().addAll("dense", "chart-table");
        points.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        points.setAccessibleText(title);
        java.time.format.DateTimeFormatter clock = java.time.format.DateTimeFormatter.ofLocalizedTime(
                        java.time.format.FormatStyle.MEDIUM)
                .withLocale(Messages.locale())
                .withZone(java.time.ZoneId.systemDefault());
        TableColumn<MetricsSample, String> time = new TableColumn<>(Messages.text("menu.chart.time"));
        time.setCellValueFactory(
                cell -> new ReadOnlyStringWrapper(clock.format(cell.getValue().at())));
        points.getColumns().add(time);
        for (TimeChart.Line line : lines) {
            TableColumn<MetricsSample, String> column = new TableColumn<>(line.name());
            column.setCellValueFactory(cell ->
                    new ReadOnlyStringWrapper(ChartSummary.value(line.value().applyAsDouble(cell.getValue()))));
            column.setStyle("-fx-alignment: CENTER-RIGHT;");
            points.getColumns().add(column);
        }
        return points;
    }

    private List<MetricsSample> newestFirst() {
        List<MetricsSample> reversed = new java.util.ArrayList<>(samples);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /** Shows the samples and events of {@code frame} and redraws. */
    void show(HealthViewModel.Frame frame) {
        samples = frame.samples();
        times = new double[samples.size()];
        for (int index = 0; index < times.length; index++) {
            times[index] = seconds(samples.get(index).at());
        }
        events = frame.events();
        from = seconds(frame.from());
        to = Math.max(seconds(frame.to()), from + 1);
        setAccessibleText(ChartSummary.describe(title, lines, samples));
        if (table != null && table.isVisible()) {
            table.getItems().setAll(newestFirst());
        }
        draw();
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        asTable.autosize();
        asTable.relocate(Math.max(0, width - asTable.getWidth() - 4), 2);
        String fits = fitted(title, asTable.getLayoutX() - 14);
        boolean retitled = !fits.equals(shownTitle);
        shownTitle = fits;
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            draw();
        } else if (retitled) {
            draw();
        }
        if (table != null && table.isVisible()) {
            double top = asTable.getHeight() + 6;
            table.resizeRelocate(4, top, Math.max(0, width - 8), Math.max(0, height - top - 4));
        }
    }

    private void hover(double x) {
        mouseX = x;
        draw();
    }

    /** Paints everything: axes, lines, markers, legend and the hover label. Cheap: call on any change. */
    private void draw() {
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        ChartPainter painter = new ChartPainter(canvas.getGraphicsContext2D(), palette, this::textWidth);
        painter.clear(width, height);
        if (width < 80 || height < 80) {
            plot = null;
            return;
        }
        painter.title(shownTitle == null ? title : shownTitle);
        double legendTop = height - lineHeight(palette.smallFont()) - 2;
        painter.legend(lines, 8, legendTop, width - 8);
        double bottom = legendTop - lineHeight(palette.smallFont()) - 8;
        double top = lineHeight(palette.titleFont()) + 12;
        ChartScale.Values values = axis == TimeChart.Axis.PERCENT
                ? ChartScale.percent()
                : ChartScale.upTo(
                        dataMax(), (int) Math.max(2, Math.min(5, (bottom - top) / 28)), axis == TimeChart.Axis.COUNTS);
        double labelWidth = values.ticks().stream()
                .mapToDouble(tick -> textWidth(ChartScale.label(tick), palette.smallFont()))
                .max()
                .orElse(0);
        plot = new Plot(22 + labelWidth, top, width - 14, bottom, from, to, values.max());
        painter.valueAxis(plot, values, unit);
        painter.timeAxis(plot, ChartScale.times(from, to, plot.right() - plot.left(), 70));
        painter.events(plot, events);
        for (TimeChart.Line line : lines) {
            painter.line(plot, line, samples, times);
        }
        hoverText = hoverIndex() < 0 ? "" : painter.hover(plot, lines, samples.get(hoverIndex()), unit);
    }

    private double dataMax() {
        double max = 0;
        for (MetricsSample sample : samples) {
            for (TimeChart.Line line : lines) {
                double value = line.value().applyAsDouble(sample);
                if (value > max) {
                    max = value;
                }
            }
        }
        return max;
    }

    /** The sample nearest the mouse, or -1 when the mouse is not over the plot. */
    private int hoverIndex() {
        if (plot == null || times.length == 0 || !(mouseX >= plot.left() && mouseX <= plot.right())) {
            return -1;
        }
        double at = plot.seconds(mouseX);
        int index = java.util.Arrays.binarySearch(times, at);
        if (index >= 0) {
            return index;
        }
        int after = -index - 1;
        if (after == 0) {
            return 0;
        }
        if (after == times.length) {
            return times.length - 1;
        }
        return at - times[after - 1] <= times[after] - at ? after - 1 : after;
    }

    /** The width of {@code text} in {@code font}; remembered, since measuring lays out text and labels repeat. */
    double textWidth(String text, Font font) {
        if (font != measuredFont || widths.size() > 500) {
            widths.clear();
            measuredFont = font;
        }
        return widths.computeIfAbsent(text, key -> {
            measure.setFont(font);
            measure.setText(key);
            return measure.getLayoutBounds().getWidth();
        });
    }

    private double lineHeight(Font font) {
        return Math.ceil(font.getSize() * 1.3);
    }

    /** A picture of the chart on the theme's background (for "Save chart as PNG"). */
    WritableImage picture() {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(palette.color(ChartPalette.Role.BACKGROUND));
        return canvas.snapshot(parameters, null);
    }

    /** {@code text} as it fits in {@code room} in the title font, ended by "…" when cut (the whole is in the accessible text). */
    private String fitted(String text, double room) {
        Font font = palette.titleFont();
        if (textWidth(text, font) <= room) {
            return text;
        }
        int end = text.length();
        while (end > 1 && textWidth(text.substring(0, end) + "…", font) > room) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** The width of the title as drawn on the canvas. */
    double titleWidth() {
        return textWidth(title, palette.titleFont());
    }

    /** The width the title has left of the table toggle (the canvas draws it from x = 8). */
    double titleRoom() {
        layout();
        return asTable.getLayoutX() - 8 - 6;
    }

    String title() {
        return title;
    }

    String unit() {
        return unit;
    }

    List<TimeChart.Line> lines() {
        return lines;
    }

    /** What the hover label shows now ("" when hidden). */
    String hoverText() {
        return hoverText;
    }

    /** The plot area in this chart's coordinates (where hovering shows values), or null before the first layout. */
    Rectangle2D plotArea() {
        return plot == null
                ? null
                : new Rectangle2D(plot.left(), plot.top(), plot.right() - plot.left(), plot.bottom() - plot.top());
    }

    /** The value axis's top (100 for percentages). */
    double valueMax() {
        return plot == null ? Double.NaN : plot.max();
    }

    /** Values drawn, all lines together (NaN values are not points). */
    int pointCount() {
        int count = 0;
        for (MetricsSample sample : samples) {
            for (TimeChart.Line line : lines) {
                count += Double.isNaN(line.value().applyAsDouble(sample)) ? 0 : 1;
            }
        }
        return count;
    }

    /** The newest sample shown, or null. */
    Instant newestShown() {
        return samples.isEmpty() ? null : samples.get(samples.size() - 1).at();
    }

    private static double seconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }
}
