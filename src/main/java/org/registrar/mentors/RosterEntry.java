package org.registrar.mentors;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.registrar.i18n.Messages;

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

    public String displayName() {
        return givenName.isBlank() ? familyName : familyName + ", " + givenName;
    }

    /**
     * "Maths test 2: 14.5 / 20 (12 Oct)", "…: excused", "…: not scored", or "" without results; in German "Mathe 2:
     * 14,5 / 20 (12. Okt.)": month names and decimal separators by the chosen language.
     */
    public String latestResult() {
        if (latestTitle == null) {
            return "";
        }
        String outcome;
        if (latestExcused) {
            outcome = Messages.text("messages.roster.excused");
        } else if (latestScore == null) {
            outcome = Messages.text("messages.roster.notScored");
        } else {
            outcome = Messages.text("messages.roster.score", latestScore, latestMaxScore);
        }
        String day = DateTimeFormatter.ofPattern(Messages.text("messages.roster.dayPattern"), Messages.locale())
                .format(latestOn);
        return Messages.text("messages.roster.latest", latestTitle, outcome, day);
    }

    /** Where the next keyset page starts. */
    public PageKey key() {
        return new PageKey(searchKey, studentId);
    }
}
