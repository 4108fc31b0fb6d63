package org.registrar.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One assessment for one class: every student of the assessment's cohort with their result, the class statistics
 * and the histogram of scores in ten bands of the maximum score (0–10 %, …, 90–100 %). Immutable.
 */
public record ScoreSheet(
        long assessmentId,
        String cohortName,
        String title,
        String subject,
        BigDecimal maxScore,
        LocalDate assessedOn,
        List<Line> lines,
        Stats stats,
        List<Integer> bands) {
    public static final int BANDS = 10;

    public ScoreSheet {
        lines = List.copyOf(lines);
        bands = List.copyOf(bands);
    }

    /** A student's row; score, percentage, comment and who entered it null when there is no result. */
    public record Line(
            long studentId,
            String studentNumber,
            String familyName,
            String givenName,
            BigDecimal score,
            BigDecimal percentage,
            boolean excused,
            String comment,
            String enteredBy) {}

    /**
     * The class statistics over the scores; mean, median, min, max and standard deviation (sample) null when there
     * is no score (the deviation also with one).
     */
    public record Stats(
            int count,
            int missing,
            int excused,
            Double mean,
            Double median,
            BigDecimal min,
            BigDecimal max,
            Double standardDeviation) {}
}
