package org.registrar.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Students × assessments of one cohort between two dates (a term): each student's scores, their mean percentage,
 * and each assessment's mean score. Immutable.
 */
public record ClassOverview(
        long cohortId, String cohortName, LocalDate from, LocalDate to, List<Column> assessments, List<Row> students) {
    public ClassOverview {
        assessments = List.copyOf(assessments);
        students = List.copyOf(students);
    }

    /** An assessment, with its mean score and how many scores it has. */
    public record Column(
            long assessmentId,
            String title,
            String subject,
            LocalDate assessedOn,
            BigDecimal maxScore,
            Double meanScore,
            int scored) {}

    /**
     * A student; {@code scores} in the order of the columns, null where not scored; the mean of their percentages,
     * null when nothing is scored.
     */
    public record Row(
            long studentId,
            String studentNumber,
            String familyName,
            String givenName,
            List<BigDecimal> scores,
            Double meanPercentage) {
        public Row {
            scores = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(scores));
        }
    }
}
