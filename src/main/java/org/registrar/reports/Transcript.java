package org.registrar.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One student's results by subject and date, with their class and mentor (null when none). Immutable. */
public record Transcript(
        long studentId,
        String studentNumber,
        String familyName,
        String givenName,
        String cohortName,
        String mentorName,
        List<Entry> entries) {
    public Transcript {
        entries = List.copyOf(entries);
    }

    /** A result; score and percentage null when excused or not scored. */
    public record Entry(
            String subject,
            String title,
            LocalDate assessedOn,
            BigDecimal maxScore,
            BigDecimal score,
            BigDecimal percentage,
            boolean excused,
            String comment) {}
}
