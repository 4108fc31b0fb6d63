package org.registrar.metrics;

import java.util.Map;

/**
 * The words of every operation, in one table so that none has a name without a phrase: its name where support staff
 * read it (the Health screen's tables, {@link OperationNames}) and what the status bar says once it is done
 * ({@link OperationPhrases}). Operations are the names features give {@code Tasks.run} and
 * {@code QueryMetrics.begin}. Immutable, thread-safe.
 */
final class OperationWords {
    /** The bundle keys of one operation's name and of its phrase. */
    record Keys(String name, String phrase) {}

    /** Operation → its keys. OperationPhrasesTest checks every operation the app names is here. */
    static final Map<String, Keys> KEYS = Map.ofEntries(
            // students
            words("Open students page", "health.operation.openStudentsPage", "messages.op.studentsPageLoaded"),
            words("Prefetch students page", "health.operation.prefetchStudentsPage", "messages.op.nextPageReady"),
            words("Locate students page", "health.operation.locateStudentsPage", "messages.op.pageNumberFound"),
            words("Load student filters", "health.operation.loadStudentFilters", "messages.op.filterListsLoaded"),
            words("Find classes", "health.operation.findClasses", "messages.op.classesFound"),
            words("Open student", "health.operation.openStudent", "messages.op.studentOpened"),
            words("Save student", "health.operation.saveStudent", "messages.op.studentSaved"),
            words("Export students", "health.operation.exportStudents", "messages.op.studentsExported"),
            // assessments
            words("Open cohort", "health.operation.openCohort", "messages.op.cohortAssessmentsLoaded"),
            words("Open assessment", "health.operation.openAssessment", "messages.op.assessmentOpened"),
            words("Save results", "health.operation.saveResults", "messages.op.resultsSaved"),
            words("Check save", "health.operation.checkSave", "messages.op.saveChecked"),
            words("Collect changes", "health.operation.collectChanges", "messages.op.changesCollected"),
            words("Read CSV", "health.operation.readCsv", "messages.op.csvRead"),
            words("Paste", "health.operation.paste", "messages.op.pastedLinesRead"),
            words("Check input", "health.operation.checkInput", "messages.op.linesChecked"),
            words("Match input", "health.operation.matchInput", "messages.op.linesMatched"),
            words("Check students", "health.operation.checkStudents", "messages.op.lineStudentsLookedUp"),
            words("Open result history", "health.operation.openResultHistory", "messages.op.historyLoaded"),
            words("Import results", "health.operation.importResults", "messages.op.resultsImported"),
            words("Find drafts", "health.operation.findDrafts", "messages.op.draftsLookedUp"),
            // mentors
            words("Open mentors", "health.operation.openMentors", "messages.op.mentorsLoaded"),
            words("Find mentors of class", "health.operation.findMentorsOfClass", "messages.op.classMentorsFound"),
            words("Open mentor", "health.operation.openMentor", "messages.op.mentorStudentsLoaded"),
            words("Rename mentor", "health.operation.renameMentor", "messages.op.mentorRenamed"),
            words("Activate mentor", "health.operation.activateMentor", "messages.op.mentorActivated"),
            words("Deactivate mentor", "health.operation.deactivateMentor", "messages.op.mentorDeactivated"),
            words("Open mentor chooser", "health.operation.openMentorChooser", "messages.op.mentorListLoaded"),
            words("Assign mentor to students", "health.operation.assignMentorToStudents", "messages.op.mentorAssigned"),
            words("Find students", "health.operation.findStudents", "messages.op.studentsFound"),
            words("Assign students", "health.operation.assignStudents", "messages.op.studentsAssigned"),
            words("Unassign students", "health.operation.unassignStudents", "messages.op.studentsUnassigned"),
            words("Move students", "health.operation.moveStudents", "messages.op.studentsMoved"),
            // health and connection
            words("Check connection", "health.operation.checkConnection", "messages.op.connectionChecked"),
            words("Cancel backend", "health.operation.cancelBackend", "messages.op.queryCancelled"),
            words("Terminate backend", "health.operation.terminateBackend", "messages.op.sessionEnded"),
            words("Export health samples", "health.operation.exportHealthSamples", "messages.op.healthSamplesExported"),
            words("Export report", "health.operation.exportReport", "messages.op.reportExported"),
            words("Report choices", "health.operation.reportChoices", "messages.op.reportChoicesLoaded"),
            words("Report: score sheet", "health.operation.reportScoreSheet", "messages.op.scoreSheetShown"),
            words("Report: class overview", "health.operation.reportClassOverview", "messages.op.classOverviewShown"),
            words("Report: transcript", "health.operation.reportTranscript", "messages.op.transcriptShown"),
            words("Report: year overview", "health.operation.reportYearOverview", "messages.op.yearOverviewShown"),
            words("Health poll", "health.operation.healthPoll", "messages.op.serverActivityRead"),
            words("Reconnect check", "health.operation.reconnectCheck", "messages.op.connectionTriedAgain"),
            words("Load demo data", "health.operation.loadDemoData", "messages.op.demoDataLoaded"));

    private OperationWords() {}

    private static Map.Entry<String, Keys> words(String operation, String name, String phrase) {
        return Map.entry(operation, new Keys(name, phrase));
    }
}
