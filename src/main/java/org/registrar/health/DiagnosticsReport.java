package org.registrar.health;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.registrar.db.ApplicationName;
import org.registrar.db.Version;

/**
 * The outcome of {@link Diagnostics#run()}. Immutable.
 *
 * @param problems what keeps the database from being healthy; empty when it is
 * @param error why the server could not be reached; null when it could
 * @param checkedAt when the check started
 * @param steps every step in order, those after a failure marked skipped
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
        String error,
        Instant checkedAt,
        List<DiagnosticStep> steps) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    static DiagnosticsReport unreachable(
            String target, String error, String poolSettings, Instant checkedAt, List<DiagnosticStep> steps) {
        return new DiagnosticsReport(
                target, false, null, null, null, Double.NaN, null, poolSettings, List.of(), error, checkedAt, steps);
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

    /** The steps, one aligned line each, under a heading. */
    public List<String> stepLines() {
        List<String> lines = new ArrayList<>();
        lines.add("Steps:");
        steps.forEach(step -> lines.add(step.line()));
        return lines;
    }

    /** The report as the doctor command prints it. */
    public List<String> lines() {
        return List.of(
                "Target:          " + target,
                "Server version:  " + (reachable ? serverVersion : "-"),
                "Schema version:  "
                        + (reachable ? schemaVersion + " (app expects " + expectedSchemaVersion + ")" : "-"),
                "Round trip:      "
                        + (reachable && !Double.isNaN(roundTripMillis)
                                ? String.format("%.2f ms (median of %d)", roundTripMillis, Diagnostics.ROUND_TRIPS)
                                : "-"),
                "TLS:             " + (reachable ? tls : "-"),
                "Pool:            " + poolSettings,
                "Verdict:         " + verdict());
    }

    /** The whole report as plain text for a support ticket: when, which app, the steps and the summary. */
    public String text() {
        List<String> all = new ArrayList<>();
        all.add("Registrar connection report");
        all.add("Checked:         " + WHEN.format(checkedAt.atZone(ZoneId.systemDefault())));
        all.add("Registrar:       " + Version.current());
        all.add("ApplicationName: " + ApplicationName.forThisDesktop());
        all.addAll(stepLines());
        all.addAll(lines());
        return String.join(System.lineSeparator(), all) + System.lineSeparator();
    }
}
