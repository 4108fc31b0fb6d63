package org.registrar.health;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.registrar.db.ApplicationName;
import org.registrar.db.Version;
import org.registrar.i18n.Messages;

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

    /** One line: "HEALTHY: ..." or "UNHEALTHY: ..." (in the chosen language). */
    public String verdict() {
        if (!reachable) {
            return Messages.text("health.report.unhealthy", error);
        }
        if (!problems.isEmpty()) {
            return Messages.text("health.report.unhealthy", String.join("; ", problems));
        }
        return Messages.text("health.report.healthy", schemaVersion, roundTripMillis);
    }

    /** The steps, one aligned line each, under a heading. */
    public List<String> stepLines() {
        List<String> lines = new ArrayList<>();
        lines.add(Messages.text("health.report.steps"));
        steps.forEach(step -> lines.add(step.line()));
        return lines;
    }

    /** The report as the doctor command prints it. */
    public List<String> lines() {
        Labels labels = new Labels();
        return List.of(
                labels.row("health.report.target", target),
                labels.row("health.report.serverVersion", reachable ? serverVersion : "-"),
                labels.row(
                        "health.report.schemaVersion",
                        reachable
                                ? Messages.text("health.report.schemaExpected", schemaVersion, expectedSchemaVersion)
                                : "-"),
                labels.row(
                        "health.report.roundTrip",
                        reachable && !Double.isNaN(roundTripMillis)
                                ? Messages.text(
                                        "health.report.roundTripMedian", roundTripMillis, Diagnostics.ROUND_TRIPS)
                                : "-"),
                labels.row("health.report.tls", reachable ? tls : "-"),
                labels.row("health.report.pool", poolSettings),
                labels.row("health.report.verdict", verdict()));
    }

    /** The whole report as plain text for a support ticket: when, which app, the steps and the summary. */
    public String text() {
        Labels labels = new Labels();
        List<String> all = new ArrayList<>();
        all.add(Messages.text("health.report.heading"));
        all.add(labels.row("health.report.checked", WHEN.format(checkedAt.atZone(ZoneId.systemDefault()))));
        all.add(labels.row("health.report.registrar", Version.current()));
        all.add(labels.row("health.report.applicationName", ApplicationName.forThisDesktop()));
        all.addAll(stepLines());
        all.addAll(lines());
        return String.join(System.lineSeparator(), all) + System.lineSeparator();
    }

    /**
     * The labels of the report's rows in the chosen language, the values after them in one column: 17 characters
     * wide ("Server version:  1…"), wider when a language's longest label needs it.
     */
    private static final class Labels {
        private final Map<String, String> texts = new LinkedHashMap<>();
        private final int width;

        Labels() {
            for (String key : List.of(
                    "health.report.target",
                    "health.report.serverVersion",
                    "health.report.schemaVersion",
                    "health.report.roundTrip",
                    "health.report.tls",
                    "health.report.pool",
                    "health.report.verdict",
                    "health.report.checked",
                    "health.report.registrar",
                    "health.report.applicationName")) {
                texts.put(key, Messages.text(key));
            }
            width = Math.max(
                    17, texts.values().stream().mapToInt(String::length).max().orElse(0) + 1);
        }

        String row(String key, String value) {
            String label = texts.get(key);
            return label + " ".repeat(width - label.length()) + value;
        }
    }
}
