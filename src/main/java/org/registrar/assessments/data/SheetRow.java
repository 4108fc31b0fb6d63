package org.registrar.assessments.data;

import java.math.BigDecimal;

/**
 * One student of a cohort with their saved result for one assessment, as loaded. {@code version} is null when the
 * student has no result yet. Immutable.
 */
public record SheetRow(
        long studentId,
        String studentNumber,
        String familyName,
        String givenName,
        String email,
        BigDecimal score,
        boolean excused,
        String comment,
        Integer version) {

    public String name() {
        return givenName.isBlank() ? familyName : familyName + ", " + givenName;
    }
}
