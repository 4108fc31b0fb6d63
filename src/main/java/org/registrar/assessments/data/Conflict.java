package org.registrar.assessments.data;

import java.math.BigDecimal;

/**
 * A result someone else changed after the grid loaded it: what is saved now ("theirs"; {@code version} null when
 * they deleted it) next to what this user wanted ("yours"). Immutable.
 */
public record Conflict(
        long studentId,
        BigDecimal theirScore,
        boolean theirExcused,
        String theirComment,
        Integer theirVersion,
        String theirRecordedBy,
        ResultChange yours) {}
