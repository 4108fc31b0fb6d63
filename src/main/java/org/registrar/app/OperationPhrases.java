package org.registrar.app;

import java.util.Map;
import org.registrar.metrics.OperationSummary;

/**
 * What the status bar says when an operation ends, in words a user reads, with its cost kept (the counts are the
 * point of the product): "Next page ready · 1 query · 4.5 ms", "Results saved · 3 queries in 1 transaction · 12 ms".
 * Operation names are the ones features give {@code Tasks.run} and {@code QueryMetrics.begin}; a name without a
 * phrase is shown as it is. Immutable, thread-safe.
 */
final class OperationPhrases {
    /** Operation name → what the user sees once it is done. OperationPhrasesTest checks every name has one. */
    static final Map<String, String> PHRASES = Map.ofEntries(
            // students
            Map.entry("Open students page", "Students page loaded"),
            Map.entry("Prefetch students page", "Next page ready"),
            Map.entry("Locate students page", "Page number found"),
            Map.entry("Load student filters", "Filter lists loaded"),
            Map.entry("Open student", "Student opened"),
            Map.entry("Save student", "Student saved"),
            Map.entry("Export students", "Students exported"),
            // assessments
            Map.entry("Open cohorts", "Cohorts loaded"),
            Map.entry("Open cohort", "Assessments of the cohort loaded"),
            Map.entry("Open assessment", "Assessment opened"),
            Map.entry("Save results", "Results saved"),
            Map.entry("Check save", "Save checked with the server"),
            Map.entry("Collect changes", "Changes collected"),
            Map.entry("Read CSV", "CSV file read"),
            Map.entry("Paste", "Pasted lines read"),
            Map.entry("Check input", "Lines checked"),
            Map.entry("Match input", "Lines matched to students"),
            Map.entry("Check students", "Students of the lines looked up"),
            Map.entry("Open result history", "History loaded"),
            Map.entry("Import results", "Results imported"),
            Map.entry("Find drafts", "Unsaved drafts looked up"),
            // mentors
            Map.entry("Open mentors", "Mentors loaded"),
            Map.entry("Find mentors of class", "Mentors of the class found"),
            Map.entry("Open mentor", "Mentor's students loaded"),
            Map.entry("Rename mentor", "Mentor renamed"),
            Map.entry("Activate mentor", "Mentor activated"),
            Map.entry("Deactivate mentor", "Mentor deactivated"),
            Map.entry("Open mentor chooser", "Mentor list loaded"),
            Map.entry("Assign mentor to students", "Mentor assigned"),
            Map.entry("Find students", "Students found"),
            Map.entry("Assign students", "Students assigned"),
            Map.entry("Unassign students", "Students unassigned"),
            Map.entry("Move students", "Students moved"),
            // health and connection
            Map.entry("Check connection", "Connection checked"),
            Map.entry("Cancel backend", "Query cancelled"),
            Map.entry("Terminate backend", "Session ended"),
            Map.entry("Export health samples", "Health samples exported"),
            Map.entry("Health poll", "Server activity read"),
            Map.entry("Reconnect check", "Connection tried again"),
            Map.entry("Load demo data", "Demo data loaded"));

    private OperationPhrases() {}

    /** The phrase for {@code operation}, or the name itself when it has none. */
    static String phrase(String operation) {
        return PHRASES.getOrDefault(operation, operation);
    }

    /**
     * "Next page ready · 1 query, 1 round trip · 4.5 ms"; "… · 2 queries in 1 transaction (1 failed), 3 round trips ·
     * …"; "… · no query · …".
     */
    static String describe(OperationSummary summary) {
        StringBuilder text = new StringBuilder(phrase(summary.operation())).append(" · ");
        int queries = summary.statements();
        text.append(queries == 0 ? "no query" : queries + (queries == 1 ? " query" : " queries"));
        if (summary.transactions() > 0) {
            text.append(" in ")
                    .append(summary.transactions())
                    .append(summary.transactions() == 1 ? " transaction" : " transactions");
        }
        if (summary.errors() > 0) {
            text.append(" (").append(summary.errors()).append(" failed)");
        }
        // what the network saw: each answer waited for, COMMIT and the pool's check of an idle connection included
        if (summary.roundTrips() > 0) {
            text.append(", ")
                    .append(summary.roundTrips())
                    .append(summary.roundTrips() == 1 ? " round trip" : " round trips");
        }
        return text.append(" · ")
                .append(OperationSummary.formatMillis(summary.elapsed()))
                .toString();
    }
}
