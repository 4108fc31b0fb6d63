package org.registrar.health;

import java.util.ArrayDeque;
import org.registrar.i18n.Messages;

/**
 * The last minute of redraw times on the FX thread: the charts' drawing alone, and the whole screen update it
 * belongs to (model refresh, charts, and the CSS and layout pass of the screen). FX thread only.
 */
final class RedrawTimes {
    static final int KEPT = 60;
    private final ArrayDeque<Long> charts = new ArrayDeque<>();
    private final ArrayDeque<Long> updates = new ArrayDeque<>();

    /** Records one redraw: {@code chartNanos} drawing the charts, inside {@code updateNanos} for everything. */
    void add(long chartNanos, long updateNanos) {
        charts.addLast(chartNanos);
        updates.addLast(updateNanos);
        if (charts.size() > KEPT) {
            charts.removeFirst();
            updates.removeFirst();
        }
    }

    void clear() {
        charts.clear();
        updates.clear();
    }

    int count() {
        return updates.size();
    }

    double chartMeanMillis() {
        return mean(charts);
    }

    double chartMaxMillis() {
        return max(charts);
    }

    double meanMillis() {
        return mean(updates);
    }

    double maxMillis() {
        return max(updates);
    }

    String describe() {
        return Messages.text(
                "health.redraw.times",
                tenths(chartMeanMillis()),
                tenths(chartMaxMillis()),
                tenths(meanMillis()),
                tenths(maxMillis()),
                count());
    }

    /** "4.1" (half up, as the figures always read), "4,1" in German. */
    private static String tenths(double millis) {
        return String.format(Messages.locale(), "%.1f", millis);
    }

    private static double mean(ArrayDeque<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
    }

    private static double max(ArrayDeque<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
    }
}
