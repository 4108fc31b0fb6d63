package org.registrar.metrics;

import java.time.Instant;

/** One executed statement as recorded: SQL text without parameter values, duration, its operation. Immutable. */
public record StatementSample(String sql, long nanos, String operation, boolean failed, Instant at) {
    public double millis() {
        return nanos / 1_000_000.0;
    }
}
