package org.registrar.health;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.registrar.metrics.MetricsSample;
import org.registrar.metrics.SampleHistory;

/** Draws the parts of a {@link TimeChart} on its canvas in the theme's colours. One per redraw; FX thread only. */
final class ChartPainter {
    private static final double SWATCH = 14;

    private final GraphicsContext g;
    private final ChartPalette palette;
    private final ToDoubleBiFunction<String, Font> textWidth;

    ChartPainter(GraphicsContext g, ChartPalette palette, ToDoubleBiFunction<String, Font> textWidth) {
        this.g = g;
        this.palette = palette;
        this.textWidth = textWidth;
    }

    void clear(double width, double height) {
        g.clearRect(0, 0, width, height);
        g.setLineDashes();
        g.setLineWidth(1);
    }

    void title(String title) {
        g.setFont(palette.titleFont());
        g.setFill(palette.color(ChartPalette.Role.TEXT));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 8, 6);
    }

    /** A swatch and the name of each line, in one row from {@code left}; names that do not fit are left out. */
    void legend(List<TimeChart.Line> lines, double left, double top, double right) {
        Font font = palette.smallFont();
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double middle = top + font.getSize() * 0.65;
        double x = left;
        for (TimeChart.Line line : lines) {
            double needed = SWATCH + 4 + textWidth.applyAsDouble(line.name(), font);
            if (x + needed > right) {
                return;
            }
            stroke(line);
            g.setLineWidth(2.5);
            g.strokeLine(x, crisp(middle), x + SWATCH, crisp(middle));
            g.setLineDashes();
            g.setFill(palette.color(ChartPalette.Role.TEXT));
            g.fillText(line.name(), x + SWATCH + 4, middle);
            x += needed + 14;
        }
    }

    /** Horizontal grid lines with their values, the axis lines and the unit written up the left edge. */
    void valueAxis(TimeChart.Plot plot, ChartScale.Values values, String unit) {
        g.setFont(palette.smallFont());
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double tick : values.ticks()) {
            double y = crisp(plot.y(tick));
            g.setStroke(palette.color(ChartPalette.Role.GRID));
            g.strokeLine(plot.left(), y, plot.right(), y);
            g.setFill(palette.color(ChartPalette.Role.MUTED));
            g.fillText(ChartScale.label(tick), plot.left() - 5, y);
        }
        g.setStroke(palette.color(ChartPalette.Role.AXIS));
        g.strokeLine(crisp(plot.left()), plot.top(), crisp(plot.left()), plot.bottom());
        g.strokeLine(plot.left(), crisp(plot.bottom()), plot.right(), crisp(plot.bottom()));
        g.save();
        g.translate(10, (plot.top() + plot.bottom()) / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(unit, 0, 0);
        g.restore();
    }

    /** Faint vertical grid lines and clock labels under the plot. */
    void timeAxis(TimeChart.Plot plot, ChartScale.Times times) {
        g.setFont(palette.smallFont());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int index = 0; index < times.ticks().size(); index++) {
            double x = crisp(plot.x(times.ticks().get(index)));
            g.setStroke(palette.color(ChartPalette.Role.GRID));
            g.strokeLine(x, plot.top(), x, plot.bottom());
            g.setStroke(palette.color(ChartPalette.Role.AXIS));
            g.strokeLine(x, plot.bottom(), x, plot.bottom() + 4);
            g.setFill(palette.color(ChartPalette.Role.MUTED));
            g.fillText(times.labels().get(index), x, plot.bottom() + 5);
        }
    }

    /** A red dashed vertical line at each event inside the plot. */
    void events(TimeChart.Plot plot, List<SampleHistory.Event> events) {
        g.setStroke(palette.color(ChartPalette.Role.EVENT));
        g.setLineWidth(1.5);
        g.setLineDashes(5, 4);
        for (SampleHistory.Event event : events) {
            double x = plot.x(event.at().toEpochMilli() / 1000.0);
            if (x >= plot.left() && x <= plot.right()) {
                g.strokeLine(crisp(x), plot.top(), crisp(x), plot.bottom());
            }
        }
        g.setLineDashes();
    }

    /** One line through every sample; broken before a gap and around NaN; a lone point shows as a dot. */
    void line(TimeChart.Plot plot, TimeChart.Line line, List<MetricsSample> samples, double[] times) {
        stroke(line);
        g.setLineWidth(1.5);
        g.setFill(g.getStroke());
        g.beginPath();
        int run = 0;
        double lastX = 0;
        double lastY = 0;
        for (int index = 0; index < samples.size(); index++) {
            MetricsSample sample = samples.get(index);
            double value = line.value().applyAsDouble(sample);
            if (Double.isNaN(value) || sample.gapBefore()) {
                dotIfLone(run, lastX, lastY);
                run = 0;
                if (Double.isNaN(value)) {
                    continue;
                }
            }
            lastX = plot.x(times[index]);
            lastY = plot.y(value);
            if (run == 0) {
                g.moveTo(lastX, lastY);
            } else {
                g.lineTo(lastX, lastY);
            }
            run++;
        }
        dotIfLone(run, lastX, lastY);
        g.stroke();
        g.setLineDashes();
    }

    private void dotIfLone(int run, double x, double y) {
        if (run == 1) {
            g.fillOval(x - 2, y - 2, 4, 4);
        }
    }

    /** The crosshair on {@code sample}, a dot on each line and a label listing the values. Returns its text. */
    String hover(TimeChart.Plot plot, List<TimeChart.Line> lines, MetricsSample sample, String unit) {
        double x = crisp(plot.x(sample.at().toEpochMilli() / 1000.0));
        g.setStroke(palette.color(ChartPalette.Role.MUTED));
        g.setLineWidth(1);
        g.strokeLine(x, plot.top(), x, plot.bottom());
        List<String> rows = new ArrayList<>();
        rows.add(HealthFormat.time(sample.at()));
        for (TimeChart.Line line : lines) {
            double value = line.value().applyAsDouble(sample);
            rows.add(line.name() + ": " + HealthFormat.figure(value) + (Double.isNaN(value) ? "" : " " + unit));
            if (!Double.isNaN(value)) {
                g.setFill(palette.color(line.colour()));
                g.fillOval(x - 3, plot.y(value) - 3, 6, 6);
            }
        }
        label(plot, x, lines, rows);
        return String.join("\n", rows);
    }

    private void label(TimeChart.Plot plot, double x, List<TimeChart.Line> lines, List<String> rows) {
        Font font = palette.smallFont();
        double rowHeight = Math.ceil(font.getSize() * 1.35);
        double width = rows.stream()
                        .mapToDouble(row -> textWidth.applyAsDouble(row, font))
                        .max()
                        .orElse(0)
                + SWATCH
                + 16;
        double height = rows.size() * rowHeight + 8;
        double left = x + 10 + width > plot.right() ? Math.max(plot.left() + 2, x - 10 - width) : x + 10;
        double top = plot.top() + 2;
        g.setGlobalAlpha(0.94);
        g.setFill(palette.color(ChartPalette.Role.BACKGROUND));
        g.fillRoundRect(left, top, width, height, 6, 6);
        g.setGlobalAlpha(1);
        g.setStroke(palette.color(ChartPalette.Role.AXIS));
        g.strokeRoundRect(crisp(left), crisp(top), width, height, 6, 6);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int index = 0; index < rows.size(); index++) {
            double y = top + 4 + rowHeight * (index + 0.5);
            if (index > 0) {
                g.setFill(palette.color(lines.get(index - 1).colour()));
                g.fillRect(left + 6, y - 4, 8, 8);
            }
            g.setFill(palette.color(index == 0 ? ChartPalette.Role.MUTED : ChartPalette.Role.TEXT));
            g.fillText(rows.get(index), left + 6 + (index > 0 ? SWATCH : 0), y);
        }
    }

    private void stroke(TimeChart.Line line) {
        g.setStroke(palette.color(line.colour()));
        if (line.dashed()) {
            g.setLineDashes(6, 4);
        } else {
            g.setLineDashes();
        }
    }

    /** The middle of a pixel, so 1-pixel lines stay sharp. */
    private static double crisp(double position) {
        return Math.floor(position) + 0.5;
    }
}
