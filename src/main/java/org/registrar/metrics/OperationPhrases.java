package org.registrar.metrics;

import org.registrar.i18n.Messages;

/**
 * What the status bar says when an operation ends, in words a user reads, with its cost kept (the counts are the
 * point of the product): "Next page ready · 1 query · 4.5 ms", "Results saved · 3 queries in 1 transaction · 12 ms".
 * Operation names are the ones features give {@code Tasks.run} and {@code QueryMetrics.begin}; a name without a
 * phrase is shown as it is. The health screen's operations table names them the same way. Immutable, thread-safe.
 */
public final class OperationPhrases {
    private OperationPhrases() {}

    /** The phrase for {@code operation} in the chosen language, or the name itself when it has none. */
    public static String phrase(String operation) {
        OperationWords.Keys keys = OperationWords.KEYS.get(operation);
        return keys == null ? operation : Messages.text(keys.phrase());
    }

    /**
     * "Next page ready · 1 query, 1 round trip · 4.5 ms"; "… · 2 queries in 1 transaction (1 failed), 3 round trips ·
     * …"; "… · no query · …".
     */
    public static String describe(OperationSummary summary) {
        String cost = Messages.text("messages.op.queries", summary.statements());
        if (summary.transactions() > 0) {
            cost = Messages.text("messages.op.inTransactions", cost, summary.transactions());
        }
        if (summary.errors() > 0) {
            cost = Messages.text("messages.op.failed", cost, summary.errors());
        }
        // what the network saw: each answer waited for, COMMIT and the pool's check of an idle connection included
        if (summary.roundTrips() > 0) {
            cost = Messages.text("messages.op.roundTrips", cost, summary.roundTrips());
        }
        return Messages.text(
                "messages.op.done",
                phrase(summary.operation()),
                cost,
                OperationSummary.formatMillis(summary.elapsed()));
    }
}
