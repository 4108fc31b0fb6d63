package org.registrar.health;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.registrar.i18n.Messages;

/** Where a time chart puts its ticks: "nice" values on the value axis, whole clock steps on the time axis. */
final class ChartScale {
    /** Tick steps tried on the time axis, in seconds. */
    private static final long[] TIME_STEPS = {10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600};

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** Value ticks from 0 up to a top at or above the data: {@code ticks.get(last)} is the axis maximum. */
    record Values(List<Double> ticks) {
        double max() {
            return ticks.get(ticks.size() - 1);
        }
    }

    /** Time ticks (epoch seconds) and their labels. */
    record Times(List<Double> ticks, List<String> labels) {}

    private ChartScale() {}

    /** 0..100 in steps of 25: percentages never scale past 100 %. */
    static Values percent() {
        return new Values(List.of(0.0, 25.0, 50.0, 75.0, 100.0));
    }

    /**
     * Ticks from 0 to the smallest multiple of a 1/2/5×10ⁿ step at or above {@code dataMax}, with about
     * {@code wanted} intervals; for {@code counts} the step is whole. A chart with nothing (or only zeros) to show
     * gets 0..1.
     */
    static Values upTo(double dataMax, int wanted, boolean counts) {
        double top = Double.isFinite(dataMax) && dataMax > 0 ? dataMax : 1;
        double step = niceStep(top / Math.max(1, wanted));
        if (counts) {
            step = Math.max(1, step);
        }
        int count = (int) Math.ceil(top / step - 1e-9);
        List<Double> ticks = new ArrayList<>(count + 1);
        for (int index = 0; index <= count; index++) {
            ticks.add(index * step);
        }
        return new Values(ticks);
    }

    /** The 1, 2 or 5 × 10ⁿ at or above {@code rough}. */
    static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /**
     * Ticks on whole local-clock steps between {@code from} and {@code to} (epoch seconds), the step the smallest
     * that leaves {@code minGapPixels} between labels on a {@code width}-pixel axis; HH:mm, or HH:mm:ss for
     * steps under a minute.
     */
    static Times times(double from, double to, double width, double minGapPixels) {
        double span = Math.max(1, to - from);
        long step = TIME_STEPS[TIME_STEPS.length - 1];
        for (long candidate : TIME_STEPS) {
            if (candidate / span * width >= minGapPixels) {
                step = candidate;
                break;
            }
        }
        long offset = ZoneId.systemDefault()
                .getRules()
                .getOffset(Instant.ofEpochSecond((long) from))
                .getTotalSeconds();
        DateTimeFormatter format = step < 60 ? SECONDS : MINUTES;
        List<Double> ticks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (long tick = Math.floorDiv((long) Math.ceil(from) + offset + step - 1, step) * step - offset;
                tick <= to;
                tick += step) {
            ticks.add((double) tick);
            labels.add(format.format(Instant.ofEpochSecond(tick)));
        }
        return new Times(ticks, labels);
    }

    /** A value-axis label: no needless decimals ("0", "2.5", "1,000", "0.05"; in German "2,5", "1.000"). */
    static String label(double value) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(Messages.locale());
        format.setMaximumFractionDigits(value == Math.rint(value) ? 0 : 3);
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(value);
    }
}
