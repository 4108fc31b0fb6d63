package org.registrar.health;

/**
 * One step of "Test connection": what was checked, how it went, how long it took and why. Immutable.
 *
 * @param millis how long the step took; {@code NaN} when it was not timed on its own (skipped, or measured as part
 *     of another step)
 */
public record DiagnosticStep(String name, Outcome outcome, double millis, String detail) {
    static final String NAME_RESOLUTION = "Name resolution";
    static final String TCP_CONNECT = "TCP connect";
    static final String TLS = "TLS and certificate";
    static final String AUTHENTICATION = "Authentication";
    static final String SCHEMA = "Schema version";
    static final String ROUND_TRIP = "Round trip";

    /** How a step went. */
    public enum Outcome {
        OK("ok"),
        FAILED("failed"),
        NOT_USED("not used"),
        SKIPPED("skipped");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static DiagnosticStep ok(String name, double millis, String detail) {
        return new DiagnosticStep(name, Outcome.OK, millis, detail);
    }

    static DiagnosticStep failed(String name, double millis, String reason) {
        return new DiagnosticStep(name, Outcome.FAILED, millis, reason);
    }

    static DiagnosticStep skipped(String name) {
        return new DiagnosticStep(name, Outcome.SKIPPED, Double.NaN, "not tried: an earlier step failed");
    }

    /** The time as shown: "0.42 ms", or empty when not timed. */
    public String time() {
        return Double.isNaN(millis) ? "" : String.format("%.2f ms", millis);
    }

    /** One aligned line for the doctor output and the copied report. */
    String line() {
        return String.format("  %-20s %-9s %10s  %s", name, outcome.label(), time(), detail);
    }
}
