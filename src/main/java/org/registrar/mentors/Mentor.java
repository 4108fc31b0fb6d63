package org.registrar.mentors;

import java.time.Instant;
import java.util.List;

/**
 * One row of the mentors list: the mentor, how many students they have, the cohorts those students are in, and
 * the last change to the mentor or their assignments. Immutable.
 *
 * @param cohorts names of the cohorts covered, sorted
 * @param lastChange the later of the mentor's own update and their newest assignment
 */
public record Mentor(
        long id,
        String familyName,
        String givenName,
        String email,
        boolean active,
        int students,
        List<String> cohorts,
        Instant lastChange) {

    public Mentor {
        cohorts = List.copyOf(cohorts);
    }

    /** "Müller, Sophie" as lists show people. */
    public String displayName() {
        return givenName.isBlank() ? familyName : familyName + ", " + givenName;
    }

    /** "3A-00003, 5C-00012 +4" : the first cohorts and how many more. */
    public String cohortsSummary(int shown) {
        if (cohorts.size() <= shown) {
            return String.join(", ", cohorts);
        }
        return String.join(", ", cohorts.subList(0, shown)) + " +" + (cohorts.size() - shown);
    }
}
