package org.registrar.metrics;

import org.registrar.i18n.Messages;

/**
 * What an operation is called where support staff read it (the Health screen's tables): "Load students page",
 * "Save results", in the chosen language; the status bar says instead what is done ({@link OperationPhrases}).
 * Operation names are the ones features give {@code Tasks.run} and {@code QueryMetrics.begin}; one without a
 * name here is shown as it is. Immutable, thread-safe.
 */
public final class OperationNames {
    private OperationNames() {}

    /**
     * The name of {@code operation} in the chosen language, or the operation as it is when it has none (null for a
     * statement outside any operation).
     */
    public static String name(String operation) {
        OperationWords.Keys keys = operation == null ? null : OperationWords.KEYS.get(operation);
        return keys == null ? operation : Messages.text(keys.name());
    }
}
