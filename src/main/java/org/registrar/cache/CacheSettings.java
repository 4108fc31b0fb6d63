package org.registrar.cache;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * How a {@link StampedCache} behaves. Immutable.
 *
 * @param expireAfterWrite an entry is reloaded at the latest this long after it was loaded
 * @param staleness other desktops' changes show within this time (how often the change stamps are checked)
 * @param maximumEntries size bound on the entries of the cache
 */
public record CacheSettings(Duration expireAfterWrite, Duration staleness, long maximumEntries) {
    public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(5);
    public static final Duration DEFAULT_STALENESS = Duration.ofSeconds(10);

    public CacheSettings {
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
     * Defaults (5 minutes, 10 seconds, {@code defaultMaximumEntries}), overridden by
     * {@code -Dregistrar.<name>.expiry=PT5M}, {@code -Dregistrar.<name>.staleness=PT10S} and
     * {@code -Dregistrar.<name>.maxEntries=N}; an unreadable value keeps the default.
     *
     * @param name the cache's name in the properties, {@code mentors} or {@code reports}
     */
    public static CacheSettings fromSystemProperties(String name, long defaultMaximumEntries) {
        String prefix = "registrar." + name + ".";
        return new CacheSettings(
                duration(prefix + "expiry", DEFAULT_EXPIRY),
                duration(prefix + "staleness", DEFAULT_STALENESS),
                Long.getLong(prefix + "maxEntries", defaultMaximumEntries));
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
