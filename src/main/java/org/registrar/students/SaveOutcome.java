package org.registrar.students;

/** How saving a {@link StudentEdit} ended. */
public sealed interface SaveOutcome {
    /** Saved; {@code profile} is the stored row with its new version. */
    record Saved(StudentProfile profile) implements SaveOutcome {}

    /** Someone else saved first; {@code theirs} is the stored row now, or null when it was deleted. */
    record Conflict(StudentProfile theirs) implements SaveOutcome {}

    /** The database refused a value; {@code field} names the field it concerns. */
    record Rejected(String field, String message) implements SaveOutcome {}
}
