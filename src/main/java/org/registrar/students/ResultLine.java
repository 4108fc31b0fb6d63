package org.registrar.students;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One recent assessment result of a student, for the detail pane. Immutable. */
public record ResultLine(
        String title, String subject, LocalDate assessedOn, BigDecimal score, BigDecimal maxScore, boolean excused) {

    /** "17.50 / 20", "excused" or "not scored". */
    public String describeScore() {
        if (excused) {
            return "excused";
        }
        if (score == null) {
            return "not scored";
        }
        return score.toPlainString() + " / " + maxScore.stripTrailingZeros().toPlainString();
    }
}
