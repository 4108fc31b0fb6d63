package org.registrar.reports;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How the report cache behaves. Immutable.
 *
 * @param expireAfterWrite a report is read again at the latest this long after it was read
 * @param staleness other desktops' changes show within this time (how often the change stamps are checked)
 * @param maximumEntries size bound on cached reports and picker lists together
 */
public record ReportSettings(Duration expireAfterWrite, Duration staleness, long maximumEntries) {
    public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(5);
    public static final Duration DEFAULT_STALENESS = Duration.ofSeconds(10);
    public static final long DEFAULT_MAXIMUM_ENTRIES = 500;

    public ReportSettings {
        if (expireAfterWrite.isNegative() || expireAfterWrite.isZero()) {
            throw new IllegalArgumentException("Cache expiry must be positive");
        }
        if (staleness.isNegative()) {
            throw new IllegalArgumentException("Staleness must not be negative");
        }
        if (maximumEntries < 1) {
            throw new IllegalArgumentException("The cache must hold at least one entry");
        }
    }

    /**
     * Defaults, overridden by {@code -Dregistrar.reports.expiry=PT5M}, {@code -Dregistrar.reports.staleness=PT10S}
     * and {@code -Dregistrar.reports.maxEntries=500}; an unreadable value keeps the default.
     */
    public static ReportSettings fromSystemProperties() {
        return new ReportSettings(
                duration("registrar.reports.expiry", DEFAULT_EXPIRY),
                duration("registrar.reports.staleness", DEFAULT_STALENESS),
                Long.getLong("registrar.reports.maxEntries", DEFAULT_MAXIMUM_ENTRIES));
    }

    private static Duration duration(String property, Duration fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            return fallback;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
