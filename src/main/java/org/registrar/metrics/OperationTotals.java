package org.registrar.metrics;

import org.HdrHistogram.Histogram;

/** Aggregates the summaries of one operation name. Thread-safe (synchronized). */
final class OperationTotals {
    private final String operation;
    private final Histogram millis = new Histogram(3_600_000L, 2);
    private long runs;
    private long statements;
    private int maxStatements;
    private long errors;

    OperationTotals(String operation) {
        this.operation = operation;
    }

    synchronized void add(OperationSummary summary) {
        runs++;
        statements += summary.statements();
        maxStatements = Math.max(maxStatements, summary.statements());
        errors += summary.errors();
        millis.recordValue(Math.max(0, Math.min(summary.elapsed().toMillis(), millis.getHighestTrackableValue())));
    }

    synchronized OperationStats snapshot() {
        return new OperationStats(
                operation,
                runs,
                runs == 0 ? 0 : (double) statements / runs,
                maxStatements,
                millis.getMean(),
                millis.getValueAtPercentile(95),
                errors);
    }
}
