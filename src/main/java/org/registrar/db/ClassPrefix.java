package org.registrar.db;

/**
 * The one statement that finds classes by what a user typed, shared by every screen with a class picker (Students'
 * filter, Assessments, Reports): the first classes whose folded name starts with {@code :typed} and how many matched,
 * up to {@code :counted} (ADR 0069, 0072). Thread-safe: constants only.
 */
public final class ClassPrefix {
    /**
     * The classes whose folded name starts with :typed, first :counted in folded-name order (a range of V78's index
     * read alone), then the first :shown of them (columns id, name, folded) with how many there were (matched). The
     * range's upper end is the prefix followed by the last code point: in the C collation (byte order) every longer
     * name with the prefix sorts below it.
     */
    public static final String FIRST_MATCHES = "SELECT id, name, folded, count(*) OVER () AS matched FROM ("
            + "SELECT id, name, registrar_fold(name) COLLATE \"C\" AS folded FROM cohorts"
            + " WHERE registrar_fold(name) COLLATE \"C\" >= (registrar_fold(CAST(:typed AS text)) COLLATE \"C\")"
            + " AND registrar_fold(name) COLLATE \"C\""
            + " < ((registrar_fold(CAST(:typed AS text)) || chr(1114111)) COLLATE \"C\")"
            + " ORDER BY registrar_fold(name) COLLATE \"C\", id LIMIT :counted) matching"
            + " ORDER BY folded, id LIMIT :shown";

    private ClassPrefix() {}
}
