package org.registrar.health;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.registrar.i18n.Messages;

/** How the health screens write times, durations and figures. Thread-safe. */
final class HealthFormat {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private HealthFormat() {}

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** "850 ms", "42 s", "3 min 05 s", "2 h 10 min". */
    static String duration(Duration duration) {
        if (duration == null) {
            return "-";
        }
        long millis = duration.toMillis();
        if (millis < 1000) {
            return Messages.text("health.duration.millis", millis);
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return Messages.text("health.duration.seconds", seconds);
        }
        if (seconds < 3600) {
            return Messages.text("health.duration.minutes", seconds / 60, seconds % 60);
        }
        return Messages.text("health.duration.hours", seconds / 3600, (seconds % 3600) / 60);
    }

    /** A figure with sensible precision; "-" for NaN. */
    static String figure(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return Math.abs(value) >= 100
                ? String.format(Messages.locale(), "%.0f", value)
                : String.format(Messages.locale(), "%.2f", value);
    }
}
