package org.registrar.metrics;

/**
 * Running totals for one kind of user operation ("Save results"): how often it ran and what it cost. Immutable
 * snapshot.
 */
public record OperationStats(
        String operation,
        long runs,
        double meanStatements,
        int maxStatements,
        double meanMillis,
        double p95Millis,
        long errors) {}
