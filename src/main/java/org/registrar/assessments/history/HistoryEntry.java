package org.registrar.assessments.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One change of one result as {@code result_history} recorded it: who, when, what before and after. The student and
 * assessment names are those of today (empty when the row was deleted since). Immutable.
 */
public record HistoryEntry(
        long id,
        Instant changedAt,
        String changedBy,
        String operation,
        long studentId,
        String studentNumber,
        String studentName,
        long assessmentId,
        String assessmentTitle,
        BigDecimal oldScore,
        BigDecimal newScore,
        Boolean oldExcused,
        Boolean newExcused,
        String oldComment,
        String newComment,
        UUID batchId) {

    /** Where the next page starts: strictly older than this entry. */
    public HistoryCursor cursor() {
        return new HistoryCursor(changedAt, id);
    }
}
