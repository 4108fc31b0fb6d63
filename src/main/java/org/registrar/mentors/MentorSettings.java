package org.registrar.mentors;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How the mentor cache behaves. Immutable.
 *
 * @param expireAfterWrite an entry is reloaded at the latest this long after it was loaded
 * @param staleness other desktops' changes show within this time (how often the change stamps are checked)
 * @param maximumEntries size bound: the list, the count and roster pages together
 */
public record MentorSettings(Duration expireAfterWrite, Duration staleness, long maximumEntries) {
    public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(5);
    public static final Duration DEFAULT_STALENESS = Duration.ofSeconds(10);
    public static final long DEFAULT_MAXIMUM_ENTRIES = 2_000;

    public MentorSettings {
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

    public static MentorSettings defaults() {
        return new MentorSettings(DEFAULT_EXPIRY, DEFAULT_STALENESS, DEFAULT_MAXIMUM_ENTRIES);
    }

    /**
     * Defaults, overridden by {@code -Dregistrar.mentors.expiry=PT5M}, {@code -Dregistrar.mentors.staleness=PT10S}
     * and {@code -Dregistrar.mentors.maxEntries=2000}; an unreadable value keeps the default.
     */
    public static MentorSettings fromSystemProperties() {
        return new MentorSettings(
                duration("registrar.mentors.expiry", DEFAULT_EXPIRY),
                duration("registrar.mentors.staleness", DEFAULT_STALENESS),
                Long.getLong("registrar.mentors.maxEntries", DEFAULT_MAXIMUM_ENTRIES));
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
