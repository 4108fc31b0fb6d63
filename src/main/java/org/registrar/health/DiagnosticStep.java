package org.registrar.health;

import org.registrar.i18n.Messages;

/**
 * One step of "Test connection": what was checked, how it went, how long it took and why. Immutable.
 *
 * @param millis how long the step took; {@code NaN} when it was not timed on its own (skipped, or measured as part
 *     of another step)
 */
public record DiagnosticStep(String name, Outcome outcome, double millis, String detail) {
    /* The stages' names: identifiers, the same in every language; labelOf(name) is what people read. */
    static final String NAME_RESOLUTION = "name-resolution";
    static final String TCP_CONNECT = "tcp-connect";
    static final String TLS = "tls";
    static final String AUTHENTICATION = "authentication";
    static final String SCHEMA = "schema-version";
    static final String ROUND_TRIP = "round-trip";

    /** How a step went. */
    public enum Outcome {
        OK,
        FAILED,
        NOT_USED,
        SKIPPED;

        /** "ok", "failed", "not used", "skipped" in the chosen language. */
        public String label() {
            return switch (this) {
                case OK -> Messages.text("health.step.ok");
                case FAILED -> Messages.text("health.step.failed");
                case NOT_USED -> Messages.text("health.step.notUsed");
                case SKIPPED -> Messages.text("health.step.skipped");
            };
        }
    }

    static DiagnosticStep ok(String name, double millis, String detail) {
        return new DiagnosticStep(name, Outcome.OK, millis, detail);
    }

    static DiagnosticStep failed(String name, double millis, String reason) {
        return new DiagnosticStep(name, Outcome.FAILED, millis, reason);
    }

    static DiagnosticStep skipped(String name) {
        return new DiagnosticStep(name, Outcome.SKIPPED, Double.NaN, Messages.text("health.step.notTried"));
    }

    static DiagnosticStep notUsed(String name, String detail) {
        return new DiagnosticStep(name, Outcome.NOT_USED, Double.NaN, detail);
    }

    /** The stage's name as people read it ("Name resolution"), in the chosen language. */
    public String label() {
        return labelOf(name);
    }

    /** The name people read for one of {@link Diagnostics#STAGES}; any other name as it is. */
    public static String labelOf(String stage) {
        return switch (stage) {
            case NAME_RESOLUTION -> Messages.text("health.step.nameResolution");
            case TCP_CONNECT -> Messages.text("health.step.tcpConnect");
            case TLS -> Messages.text("health.step.tls");
            case AUTHENTICATION -> Messages.text("health.step.authentication");
            case SCHEMA -> Messages.text("health.step.schema");
            case ROUND_TRIP -> Messages.text("health.step.roundTrip");
            default -> stage;
        };
    }

    /** The time as shown: "0.42 ms", or empty when not timed. */
    public String time() {
        return Double.isNaN(millis)
                ? ""
                : Messages.text("health.step.millis", String.format(Messages.locale(), "%.2f", millis));
    }

    /** One aligned line for the doctor output and the copied report. */
    String line() {
        return String.format("  %-20s %-9s %10s  %s", label(), outcome.label(), time(), detail);
    }
}
