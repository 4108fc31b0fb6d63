package org.registrar.assessments.data;

import java.math.BigDecimal;

/**
 * A result to write: the new score (null with {@code excused}, or to keep it unscored), the comment and the version
 * the change was based on (null: the student had no result when the grid loaded). Immutable.
 */
public record ResultChange(
        long studentId, BigDecimal score, boolean excused, String comment, Integer expectedVersion) {}
