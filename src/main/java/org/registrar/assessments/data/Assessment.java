package org.registrar.assessments.data;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One assessment of a cohort. Immutable. */
public record Assessment(
        long id, long cohortId, String title, String subject, BigDecimal maxScore, LocalDate assessedOn) {
    /** "Maths test 1 · 2025-09-12 · max 20" */
    public String describe() {
        return title + " · " + assessedOn + " · max "
                + maxScore.stripTrailingZeros().toPlainString();
    }
}
