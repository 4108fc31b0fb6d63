package org.registrar.mentors;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A student as a mentor's roster, or the assign search, shows them: cohort, latest result and who assigned the
 * current mentor when. Immutable.
 *
 * @param mentorName the current mentor ("" when none)
 * @param latestTitle the latest assessment with a result for this student, or null
 */
public record RosterEntry(
        long studentId,
        String studentNumber,
        String familyName,
        String givenName,
        String searchKey,
        String cohort,
        Long mentorId,
        String mentorName,
        String assignedBy,
        Instant assignedAt,
        String latestTitle,
        BigDecimal latestScore,
        BigDecimal latestMaxScore,
        boolean latestExcused,
        LocalDate latestOn) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    public String displayName() {
        return givenName.isBlank() ? familyName : familyName + ", " + givenName;
    }

    /** "Maths test 2: 14.5 / 20 (12 Oct)", "…: excused", "…: not scored", or "" without results. */
    public String latestResult() {
        if (latestTitle == null) {
            return "";
        }
        String outcome;
        if (latestExcused) {
            outcome = "excused";
        } else if (latestScore == null) {
            outcome = "not scored";
        } else {
            outcome = latestScore.stripTrailingZeros().toPlainString() + " / "
                    + latestMaxScore.stripTrailingZeros().toPlainString();
        }
        return latestTitle + ": " + outcome + " (" + DAY.format(latestOn) + ")";
    }

    /** Where the next keyset page starts. */
    public PageKey key() {
        return new PageKey(searchKey, studentId);
    }
}
