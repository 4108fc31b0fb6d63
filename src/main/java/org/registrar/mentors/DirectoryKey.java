package org.registrar.mentors;

/** What one cache entry of {@link MentorDirectory} holds. Immutable. */
record DirectoryKey(Kind kind, long mentorId, PageKey after) {
    enum Kind {
        MENTORS,
        ROSTER,
        WITHOUT_MENTOR
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
