package org.registrar.mentors;

/**
 * A keyset position in a name-ordered list of students: the last row's folded name and id. Immutable.
 *
 * @param searchKey the student's {@code search_key}
 */
public record PageKey(String searchKey, long id) {}
