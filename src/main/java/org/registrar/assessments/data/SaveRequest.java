package org.registrar.assessments.data;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One save: the client-made batch id (reused on every retry), the assessment (an existing id, or a new one to
 * create) and the changed results. Immutable.
 */
public record SaveRequest(UUID batchId, Long assessmentId, NewAssessment newAssessment, List<ResultChange> changes) {
    public SaveRequest {
        Objects.requireNonNull(batchId, "batchId");
        if ((assessmentId == null) == (newAssessment == null)) {
            throw new IllegalArgumentException("Give either an assessment id or a new assessment");
        }
        changes = List.copyOf(changes);
    }

    public static SaveRequest existing(UUID batchId, long assessmentId, List<ResultChange> changes) {
        return new SaveRequest(batchId, assessmentId, null, changes);
    }

    public static SaveRequest creating(UUID batchId, NewAssessment assessment, List<ResultChange> changes) {
        return new SaveRequest(batchId, null, assessment, changes);
    }
}
