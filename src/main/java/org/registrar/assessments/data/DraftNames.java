package org.registrar.assessments.data;

import java.util.Map;

/** Cohort names and assessment titles by id, for listing drafts. Immutable. */
public record DraftNames(Map<Long, String> cohorts, Map<Long, String> assessments) {
    public DraftNames {
        cohorts = Map.copyOf(cohorts);
        assessments = Map.copyOf(assessments);
    }
}
