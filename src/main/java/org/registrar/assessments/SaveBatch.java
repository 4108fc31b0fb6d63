package org.registrar.assessments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.grid.GridSnapshot;
import org.registrar.assessments.save.Draft;

/**
 * What one save is for: its batch id, cohort, assessment (or the new one) and maximum score. {@link #collect} works
 * out the request and the draft from a {@link GridSnapshot}, on any thread. Immutable and thread-safe.
 */
record SaveBatch(UUID id, long cohortId, Long assessmentId, NewAssessment created, BigDecimal maxScore) {

    /** A request to send, and the draft written while its first attempt runs (on disk before its outcome is told). */
    record Collected(SaveRequest request, Draft journal) {}

    /** The request and draft of the snapshot's changes; null when no row asks for a change. */
    Collected collect(GridSnapshot sheet) {
        List<ResultChange> changes = sheet.changes(maxScore);
        if (changes.isEmpty()) {
            return null;
        }
        SaveRequest request = created != null
                ? SaveRequest.creating(id, created, changes)
                : SaveRequest.existing(id, assessmentId, changes);
        return new Collected(request, sheet.draft(id, cohortId, assessmentId, created, Instant.now()));
    }
}
