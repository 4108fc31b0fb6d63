package org.registrar.assessments;

import java.util.Map;

/** Cohort names and assessment titles by id, for listing drafts. Immutable. */
record DraftNames(Map<Long, String> cohorts, Map<Long, String> assessments) {
    DraftNames {
        cohorts = Map.copyOf(cohorts);
        assessments = Map.copyOf(assessments);
    }
}
