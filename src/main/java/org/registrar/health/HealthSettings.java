package org.registrar.health;

import java.time.Duration;
import java.util.prefs.Preferences;

/**
 * How often the server is polled and when a long query or an open idle transaction warns or alerts. Read from
 * the user's preferences ({@code org/registrar/health}: pollSeconds, warnSeconds, alertSeconds), defaults 2 s,
 * 2 min, 5 min. Immutable.
 */
public record HealthSettings(Duration pollEvery, Duration warnAfter, Duration alertAfter) {
    public static final HealthSettings DEFAULTS =
            new HealthSettings(Duration.ofSeconds(2), Duration.ofMinutes(2), Duration.ofMinutes(5));

    public HealthSettings {
        if (pollEvery.isNegative() || pollEvery.isZero() || warnAfter.compareTo(alertAfter) > 0) {
            throw new IllegalArgumentException("poll interval must be positive and warning must not exceed alert");
        }
    }

    /** The saved settings, or the defaults where none (or nonsense) is saved. */
    public static HealthSettings load() {
        Preferences node = Preferences.userRoot().node("org/registrar/health");
        try {
            return new HealthSettings(
                    Duration.ofSeconds(node.getLong("pollSeconds", DEFAULTS.pollEvery.toSeconds())),
                    Duration.ofSeconds(node.getLong("warnSeconds", DEFAULTS.warnAfter.toSeconds())),
                    Duration.ofSeconds(node.getLong("alertSeconds", DEFAULTS.alertAfter.toSeconds())));
        } catch (IllegalArgumentException nonsense) {
            return DEFAULTS;
        }
    }
}
