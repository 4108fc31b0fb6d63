package org.registrar.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * One user operation in progress on one thread. Closing it publishes an {@link OperationSummary}. Not
 * thread-safe: it belongs to the thread that began it.
 */
public final class OperationScope implements AutoCloseable {
    private final QueryMetrics metrics;
    private final String name;
    private final long startNanos;
    private int depth = 1;
    private int statements;
    private int roundTrips;
    private int transactions;
    private int errors;
    private OperationSummary summary;

    OperationScope(QueryMetrics metrics, String name, long startNanos) {
        this.metrics = metrics;
        this.name = name;
        this.startNanos = startNanos;
    }

    public String name() {
        return name;
    }

    OperationScope nested() {
        depth++;
        return this;
    }

    void countStatement(boolean failed) {
        statements++;
        if (failed) {
            errors++;
        }
    }

    void countRoundTrip() {
        roundTrips++;
    }

    void countTransaction() {
        transactions++;
    }

    /** The summary once the outermost close has happened; null while running. */
    public OperationSummary summary() {
        return summary;
    }

    @Override
    public void close() {
        if (--depth > 0 || summary != null) {
            return;
        }
        summary = new OperationSummary(
                name,
                statements,
                roundTrips,
                transactions,
                errors,
                Duration.ofNanos(System.nanoTime() - startNanos),
                Instant.now());
        metrics.finish(this, summary);
    }
}
