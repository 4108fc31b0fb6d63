package org.registrar.health;

import java.util.ArrayDeque;

/** The last minute of chart redraw times on the FX thread (update plus the layout it causes). FX thread only. */
final class RedrawTimes {
    static final int KEPT = 60;
    private final ArrayDeque<Long> nanos = new ArrayDeque<>();

    void add(long elapsedNanos) {
        nanos.addLast(elapsedNanos);
        if (nanos.size() > KEPT) {
            nanos.removeFirst();
        }
    }

    void clear() {
        nanos.clear();
    }

    int count() {
        return nanos.size();
    }

    double meanMillis() {
        return nanos.stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / 1e6;
    }

    double maxMillis() {
        return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
    }

    String describe() {
        return String.format("Chart redraw %.1f ms (max %.1f ms, last %d)", meanMillis(), maxMillis(), count());
    }
}
