package org.registrar.mentors;

import java.util.EnumSet;
import java.util.Set;
import org.registrar.cache.ChangeStamps.Table;

/**
 * What one cache entry of {@link MentorDirectory} holds. Immutable.
 *
 * @param cohort the class name asked for ({@link Kind#MENTORS_IN_COHORT}, as typed); empty for the other kinds
 */
record DirectoryKey(Kind kind, long mentorId, PageKey after, String cohort) {
    /** Each kind of entry, with the tables its statement reads (a write to another table leaves it valid). */
    enum Kind {
        /** {@link MentorSql#MENTORS}: not results, so a results save never reloads the list. */
        MENTORS(EnumSet.of(Table.MENTORS, Table.MENTOR_ASSIGNMENTS, Table.STUDENTS, Table.COHORTS)),
        /** {@link MentorSql#MENTORS_IN_COHORT}: the summaries, which move with the list's tables but mentors. */
        MENTORS_IN_COHORT(EnumSet.of(Table.MENTOR_ASSIGNMENTS, Table.STUDENTS, Table.COHORTS)),
        /** {@link MentorSql#ROSTER}: each student's latest result too. */
        ROSTER(EnumSet.allOf(Table.class)),
        /** {@link MentorSql#COUNT_WITHOUT_MENTOR}. */
        WITHOUT_MENTOR(EnumSet.of(Table.STUDENTS, Table.MENTOR_ASSIGNMENTS));

        private final Set<Table> readsFrom;

        Kind(Set<Table> readsFrom) {
            this.readsFrom = Set.copyOf(readsFrom);
        }

        Set<Table> readsFrom() {
            return readsFrom;
        }
    }

    static DirectoryKey mentors() {
        return new DirectoryKey(Kind.MENTORS, 0, null, "");
    }

    static DirectoryKey roster(long mentorId, PageKey after) {
        return new DirectoryKey(Kind.ROSTER, mentorId, after, "");
    }

    static DirectoryKey withoutMentor() {
        return new DirectoryKey(Kind.WITHOUT_MENTOR, 0, null, "");
    }

    static DirectoryKey mentorsInCohort(String cohort) {
        return new DirectoryKey(Kind.MENTORS_IN_COHORT, 0, null, cohort);
    }

    boolean isRosterOf(long mentor) {
        return kind == Kind.ROSTER && mentorId == mentor;
    }
}
