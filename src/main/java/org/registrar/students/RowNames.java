package org.registrar.students;

/**
 * The class and mentor names a page's rows show, by id, as read at one moment: what the page statement no longer
 * joins for each row (ADR 0066). Immutable.
 */
record RowNames(NameTable classes, NameTable mentors) {
    /** Whether a row with this class and mentor can take its names from here. */
    boolean knows(Long cohortId, Long mentorId) {
        return classes.knows(cohortId) && mentors.knows(mentorId);
    }
}
