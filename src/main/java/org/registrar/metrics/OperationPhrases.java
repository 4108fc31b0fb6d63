package org.registrar.metrics;

import java.util.Map;
import org.registrar.i18n.Messages;

/**
 * What the status bar says when an operation ends, in words a user reads, with its cost kept (the counts are the
 * point of the product): "Next page ready · 1 query · 4.5 ms", "Results saved · 3 queries in 1 transaction · 12 ms".
 * Operation names are the ones features give {@code Tasks.run} and {@code QueryMetrics.begin}; a name without a
 * phrase is shown as it is. The health screen's operations table names them the same way. Immutable, thread-safe.
 */
public final class OperationPhrases {
    /**
     * Operation name → the key of what the user sees once it is done. OperationPhrasesTest checks every name has one.
     */
    static final Map<String, String> PHRASES = Map.ofEntries(
            // students
            Map.entry("Open students page", "messages.op.studentsPageLoaded"),
            Map.entry("Prefetch students page", "messages.op.nextPageReady"),
            Map.entry("Locate students page", "messages.op.pageNumberFound"),
            Map.entry("Load student filters", "messages.op.filterListsLoaded"),
            Map.entry("Open student", "messages.op.studentOpened"),
            Map.entry("Save student", "messages.op.studentSaved"),
            Map.entry("Export students", "messages.op.studentsExported"),
            // assessments
            Map.entry("Open cohorts", "messages.op.cohortsLoaded"),
            Map.entry("Open cohort", "messages.op.cohortAssessmentsLoaded"),
            Map.entry("Open assessment", "messages.op.assessmentOpened"),
            Map.entry("Save results", "messages.op.resultsSaved"),
            Map.entry("Check save", "messages.op.saveChecked"),
            Map.entry("Collect changes", "messages.op.changesCollected"),
            Map.entry("Read CSV", "messages.op.csvRead"),
            Map.entry("Paste", "messages.op.pastedLinesRead"),
            Map.entry("Check input", "messages.op.linesChecked"),
            Map.entry("Match input", "messages.op.linesMatched"),
            Map.entry("Check students", "messages.op.lineStudentsLookedUp"),
            Map.entry("Open result history", "messages.op.historyLoaded"),
            Map.entry("Import results", "messages.op.resultsImported"),
            Map.entry("Find drafts", "messages.op.draftsLookedUp"),
            // mentors
            Map.entry("Open mentors", "messages.op.mentorsLoaded"),
            Map.entry("Find mentors of class", "messages.op.classMentorsFound"),
            Map.entry("Open mentor", "messages.op.mentorStudentsLoaded"),
            Map.entry("Rename mentor", "messages.op.mentorRenamed"),
            Map.entry("Activate mentor", "messages.op.mentorActivated"),
            Map.entry("Deactivate mentor", "messages.op.mentorDeactivated"),
            Map.entry("Open mentor chooser", "messages.op.mentorListLoaded"),
            Map.entry("Assign mentor to students", "messages.op.mentorAssigned"),
            Map.entry("Find students", "messages.op.studentsFound"),
            Map.entry("Assign students", "messages.op.studentsAssigned"),
            Map.entry("Unassign students", "messages.op.studentsUnassigned"),
            Map.entry("Move students", "messages.op.studentsMoved"),
            // health and connection
            Map.entry("Check connection", "messages.op.connectionChecked"),
            Map.entry("Cancel backend", "messages.op.queryCancelled"),
            Map.entry("Terminate backend", "messages.op.sessionEnded"),
            Map.entry("Export health samples", "messages.op.healthSamplesExported"),
            Map.entry("Export report", "messages.op.reportExported"),
            Map.entry("Report choices", "messages.op.reportChoicesLoaded"),
            Map.entry("Report: score sheet", "messages.op.scoreSheetShown"),
            Map.entry("Report: class overview", "messages.op.classOverviewShown"),
            Map.entry("Report: transcript", "messages.op.transcriptShown"),
            Map.entry("Report: year overview", "messages.op.yearOverviewShown"),
            Map.entry("Health poll", "messages.op.serverActivityRead"),
            Map.entry("Reconnect check", "messages.op.connectionTriedAgain"),
            Map.entry("Load demo data", "messages.op.demoDataLoaded"));

    private OperationPhrases() {}

    /** The phrase for {@code operation} in the chosen language, or the name itself when it has none. */
    public static String phrase(String operation) {
        String key = PHRASES.get(operation);
        return key == null ? operation : Messages.text(key);
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
