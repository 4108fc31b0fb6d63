package org.registrar.metrics;

import java.time.Duration;
import java.time.Instant;
import org.registrar.i18n.Messages;

/**
 * What one finished user operation cost: statements sent, round trips on the wire (statements, COMMIT, the pool's
 * validation of an idle connection), transactions committed or rolled back, statements that failed, and wall time
 * from start to end. Immutable.
 */
public record OperationSummary(
        String operation,
        int statements,
        int roundTrips,
        int transactions,
        int errors,
        Duration elapsed,
        Instant finishedAt) {

    /**
     * "Save results: 2 statements, 3 round trips, 1 transaction, 6 ms": the form the command line prints, the operation
     * named in the chosen language as the health panel names it (OperationNames; the status bar words the outcome
     * instead, see OperationPhrases).
     */
    public String describe() {
        String counts = Messages.text(
                "messages.summary.counts", OperationNames.name(operation), statements, roundTrips, transactions);
        if (errors > 0) {
            counts = Messages.text("messages.summary.errors", counts, errors);
        }
        return Messages.text("messages.summary.elapsed", counts, formatMillis(elapsed));
    }

    /** "4.5 ms" under 10 ms, "12 ms" from there on, with the chosen language's decimal separator. */
    public static String formatMillis(Duration duration) {
        double millis = duration.toNanos() / 1_000_000.0;
        return millis < 10
                ? Messages.text("messages.millis.tenths", millis)
                : Messages.text("messages.millis.whole", millis);
    }
}
