package org.registrar.bench;

import java.util.Arrays;

/** Median and percentiles of repeated timings, in milliseconds. */
public final class Measurements {
    private Measurements() {}

    public static double median(double[] millis) {
        return percentile(millis, 50);
    }

    public static double percentile(double[] millis, double percentile) {
        if (millis.length == 0) {
            return Double.NaN;
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Milliseconds since {@code startNanos}. */
    public static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }
}
