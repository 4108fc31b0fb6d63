package org.registrar.students;

import org.registrar.db.StorableText;

/**
 * What the table is narrowed to. {@code search} is user text (a name prefix, or a student-number prefix when it
 * holds a digit); null or blank fields mean "any". Immutable.
 *
 * @param noMentor only students without a mentor; wins over {@code mentorId}
 */
public record StudentFilter(String search, Long cohortId, String status, Long mentorId, boolean noMentor) {
    public static final StudentFilter NONE = new StudentFilter(null, null, null, null, false);

    public StudentFilter {
        search = StorableText.forSearch(search);
        search = search == null || search.isBlank() ? null : search.strip();
        status = status == null || status.isBlank() ? null : status;
    }

    /** True when nothing narrows the table (the count can come from the table statistics). */
    boolean isEmpty() {
        return search == null && cohortId == null && status == null && mentorId == null && !noMentor;
    }

    /** A search holding a digit looks for student numbers; anything else for family names. */
    boolean searchesNumber() {
        return search != null && search.chars().anyMatch(Character::isDigit);
    }

    public StudentFilter withSearch(String text) {
        return new StudentFilter(text, cohortId, status, mentorId, noMentor);
    }
}
