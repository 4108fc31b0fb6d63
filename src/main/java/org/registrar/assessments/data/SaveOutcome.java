package org.registrar.assessments.data;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a save did. {@code alreadySaved}: the batch id was in the ledger, so an earlier attempt had committed and
 * nothing was written now. {@code savedVersions}: student id to the version now stored. Immutable.
 */
public record SaveOutcome(
        UUID batchId,
        long assessmentId,
        boolean alreadySaved,
        Map<Long, Integer> savedVersions,
        List<Conflict> conflicts) {

    public SaveOutcome {
        savedVersions = Map.copyOf(savedVersions);
        conflicts = List.copyOf(conflicts);
    }
}
