package org.registrar.metrics;

import java.util.Map;
import org.registrar.i18n.Messages;

/**
 * What an operation is called where support staff read it (the Health screen's tables): "Load students page",
 * "Save results", in the chosen language; the status bar says instead what is done ({@link OperationPhrases}).
 * Operation names are the ones features give {@code Tasks.run} and {@code QueryMetrics.begin}; one without a
 * name here is shown as it is. Immutable, thread-safe.
 */
public final class OperationNames {
    /** Operation → the key of its name. OperationNamesTest checks every operation with a phrase has one. */
    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("Open students page", "health.operation.openStudentsPage"),
            Map.entry("Prefetch students page", "health.operation.prefetchStudentsPage"),
            Map.entry("Locate students page", "health.operation.locateStudentsPage"),
            Map.entry("Load student filters", "health.operation.loadStudentFilters"),
            Map.entry("Open student", "health.operation.openStudent"),
            Map.entry("Save student", "health.operation.saveStudent"),
            Map.entry("Export students", "health.operation.exportStudents"),
            Map.entry("Open cohorts", "health.operation.openCohorts"),
            Map.entry("Open cohort", "health.operation.openCohort"),
            Map.entry("Open assessment", "health.operation.openAssessment"),
            Map.entry("Save results", "health.operation.saveResults"),
            Map.entry("Check save", "health.operation.checkSave"),
            Map.entry("Collect changes", "health.operation.collectChanges"),
            Map.entry("Read CSV", "health.operation.readCsv"),
            Map.entry("Paste", "health.operation.paste"),
            Map.entry("Check input", "health.operation.checkInput"),
            Map.entry("Match input", "health.operation.matchInput"),
            Map.entry("Check students", "health.operation.checkStudents"),
            Map.entry("Open result history", "health.operation.openResultHistory"),
            Map.entry("Import results", "health.operation.importResults"),
            Map.entry("Find drafts", "health.operation.findDrafts"),
            Map.entry("Open mentors", "health.operation.openMentors"),
            Map.entry("Find mentors of class", "health.operation.findMentorsOfClass"),
            Map.entry("Open mentor", "health.operation.openMentor"),
            Map.entry("Rename mentor", "health.operation.renameMentor"),
            Map.entry("Activate mentor", "health.operation.activateMentor"),
            Map.entry("Deactivate mentor", "health.operation.deactivateMentor"),
            Map.entry("Open mentor chooser", "health.operation.openMentorChooser"),
            Map.entry("Assign mentor to students", "health.operation.assignMentorToStudents"),
            Map.entry("Find students", "health.operation.findStudents"),
            Map.entry("Assign students", "health.operation.assignStudents"),
            Map.entry("Unassign students", "health.operation.unassignStudents"),
            Map.entry("Move students", "health.operation.moveStudents"),
            Map.entry("Check connection", "health.operation.checkConnection"),
            Map.entry("Cancel backend", "health.operation.cancelBackend"),
            Map.entry("Terminate backend", "health.operation.terminateBackend"),
            Map.entry("Export health samples", "health.operation.exportHealthSamples"),
            Map.entry("Export report", "health.operation.exportReport"),
            Map.entry("Report choices", "health.operation.reportChoices"),
            Map.entry("Report: score sheet", "health.operation.reportScoreSheet"),
            Map.entry("Report: class overview", "health.operation.reportClassOverview"),
            Map.entry("Report: transcript", "health.operation.reportTranscript"),
            Map.entry("Report: year overview", "health.operation.reportYearOverview"),
            Map.entry("Health poll", "health.operation.healthPoll"),
            Map.entry("Reconnect check", "health.operation.reconnectCheck"),
            Map.entry("Load demo data", "health.operation.loadDemoData"));

    private OperationNames() {}

    /**
     * The name of {@code operation} in the chosen language, or the operation as it is when it has none (null for a
     * statement outside any operation).
     */
    public static String name(String operation) {
        String key = operation == null ? null : NAMES.get(operation);
        return key == null ? operation : Messages.text(key);
    }
}
