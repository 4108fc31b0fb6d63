package org.registrar.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * Every cohort of a year group with its mean percentage per subject, and the assessments that still miss scores
 * (students of the class with neither a score nor an excuse). Immutable.
 */
public record YearOverview(int gradeLevel, int schoolYear, List<SubjectMean> means, List<Missing> missing) {
    public YearOverview {
        means = List.copyOf(means);
        missing = List.copyOf(missing);
    }

    /** A cohort's mean percentage in a subject over its scored results (null when none is scored). */
    public record SubjectMean(long cohortId, String cohortName, String subject, Double meanPercentage, int scored) {}

    /** An assessment with {@code students} students still missing a score. */
    public record Missing(
            long assessmentId, String cohortName, String title, String subject, LocalDate assessedOn, int students) {}
}
