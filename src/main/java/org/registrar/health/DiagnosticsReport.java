package org.registrar.health;

import java.util.List;

/**
 * The outcome of {@link Diagnostics#run()}. Immutable.
 *
 * @param problems what keeps the database from being healthy; empty when it is
 * @param error why the server could not be reached; null when it could
 */
public record DiagnosticsReport(
        String target,
        boolean reachable,
        String serverVersion,
        String schemaVersion,
        String expectedSchemaVersion,
        double roundTripMillis,
        String tls,
        String poolSettings,
        List<String> problems,
        String error) {

    static DiagnosticsReport unreachable(String target, String error, String poolSettings) {
        return new DiagnosticsReport(target, false, null, null, null, Double.NaN, null, poolSettings, List.of(), error);
    }

    public boolean healthy() {
        return reachable && problems.isEmpty();
    }

    /** One line: "HEALTHY: ..." or "UNHEALTHY: ...". */
    public String verdict() {
        if (!reachable) {
            return "UNHEALTHY: " + error;
        }
        if (!problems.isEmpty()) {
            return "UNHEALTHY: " + String.join("; ", problems);
        }
        return String.format(
                "HEALTHY: connected, schema %s is current, round trip %.1f ms", schemaVersion, roundTripMillis);
    }

    /** The report as the doctor command prints it. */
    public List<String> lines() {
        return List.of(
                "Target:          " + target,
                "Server version:  " + (reachable ? serverVersion : "-"),
                "Schema version:  "
                        + (reachable ? schemaVersion + " (app expects " + expectedSchemaVersion + ")" : "-"),
                "Round trip:      "
                        + (reachable
                                ? String.format("%.2f ms (median of %d)", roundTripMillis, Diagnostics.ROUND_TRIPS)
                                : "-"),
                "TLS:             " + (reachable ? tls : "-"),
                "Pool:            " + poolSettings,
                "Verdict:         " + verdict());
    }
}
