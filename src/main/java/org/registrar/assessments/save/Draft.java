package org.registrar.assessments.save;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.registrar.assessments.data.NewAssessment;

/**
 * The unsaved entries of one grid, as journaled to disk after every edit: the batch id the save will carry, the
 * assessment (or the new one being created), and per edited student the typed score, the comment (null: not
 * edited) and the version the edit was based on. Immutable.
 */
public record Draft(
        UUID batchId,
        long cohortId,
        Long assessmentId,
        NewAssessment newAssessment,
        Instant updatedAt,
        List<Entry> entries) {

    public Draft {
        entries = List.copyOf(entries);
    }

    /** One edited student. */
    public record Entry(long studentId, String score, String comment, Integer basedOnVersion) {}
}
