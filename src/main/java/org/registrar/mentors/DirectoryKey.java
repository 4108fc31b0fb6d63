package org.registrar.mentors;

import java.util.EnumSet;
import java.util.Set;
import org.registrar.mentors.ChangeStamps.Table;

/** What one cache entry of {@link MentorDirectory} holds. Immutable. */
record DirectoryKey(Kind kind, long mentorId, PageKey after) {
    /** Each kind of entry, with the tables its statement reads (a write to another table leaves it valid). */
    enum Kind {
        /** {@link MentorSql#MENTORS}: not results, so a results save never reloads this expensive aggregate. */
        MENTORS(EnumSet.of(Table.MENTORS, Table.MENTOR_ASSIGNMENTS, Table.STUDENTS, Table.COHORTS)),
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
        return new DirectoryKey(Kind.MENTORS, 0, null);
    }

    static DirectoryKey roster(long mentorId, PageKey after) {
        return new DirectoryKey(Kind.ROSTER, mentorId, after);
    }

    static DirectoryKey withoutMentor() {
        return new DirectoryKey(Kind.WITHOUT_MENTOR, 0, null);
    }

    boolean isRosterOf(long mentor) {
        return kind == Kind.ROSTER && mentorId == mentor;
    }
}
