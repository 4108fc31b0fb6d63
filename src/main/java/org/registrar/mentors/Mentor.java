package org.registrar.mentors;

import java.time.Instant;
import java.util.List;

/**
 * One row of the mentors list: the mentor, how many students they have, the first cohorts those students are in and
 * how many cohorts in all, and the last change to the mentor or their assignments. Immutable.
 *
 * <p>Only the first {@link #LISTED_COHORTS} cohort names travel with the list: at a million students the full lists
 * came to ~850,000 names, most of which no screen shows. "Mentors of class X" is asked of the server
 * ({@link MentorDirectory#mentorsInCohort(String)}).
 *
 * @param firstCohorts names of the first cohorts covered, sorted, at most {@link #LISTED_COHORTS}
 * @param cohortCount how many cohorts the mentor's students are in
 * @param lastChange the later of the mentor's own update and their newest assignment
 */
public record Mentor(
        long id,
        String familyName,
        String givenName,
        String email,
        boolean active,
        int students,
        List<String> firstCohorts,
        int cohortCount,
        Instant lastChange) {
    /** Cohort names the list carries per mentor (the Cohorts column shows two of them). */
    public static final int LISTED_COHORTS = 3;

    public Mentor {
        firstCohorts = List.copyOf(firstCohorts);
        if (firstCohorts.size() > cohortCount) {
            throw new IllegalArgumentException(
                    "more cohort names than cohorts: " + firstCohorts + " of " + cohortCount);
        }
    }

    /** "Müller, Sophie" as lists show people. */
    public String displayName() {
        return givenName.isBlank() ? familyName : familyName + ", " + givenName;
    }

    /** "3A-00003, 5C-00012 +4" : the first cohorts (at most {@code shown}) and how many more. */
    public String cohortsSummary(int shown) {
        List<String> names = firstCohorts.subList(0, Math.min(shown, firstCohorts.size()));
        int more = cohortCount - names.size();
        return more == 0 ? String.join(", ", names) : String.join(", ", names) + " +" + more;
    }
}
