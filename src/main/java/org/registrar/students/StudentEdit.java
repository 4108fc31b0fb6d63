package org.registrar.students;

/**
 * The editable fields as the user typed them, the student they belong to, and the version they were based on.
 * Immutable.
 */
public record StudentEdit(
        long id, String studentNumber, String familyName, String givenName, String email, String status, int version) {

    static StudentEdit of(StudentProfile profile) {
        return new StudentEdit(
                profile.id(),
                profile.studentNumber(),
                profile.familyName(),
                profile.givenName(),
                profile.email(),
                profile.status(),
                profile.version());
    }

    /** The same edit, now based on {@code version} (after the user chose to keep theirs over a newer save). */
    StudentEdit basedOn(int newVersion) {
        return new StudentEdit(id, studentNumber, familyName, givenName, email, status, newVersion);
    }

    boolean sameContentAs(StudentProfile profile) {
        return java.util.Objects.equals(studentNumber, profile.studentNumber())
                && java.util.Objects.equals(familyName, profile.familyName())
                && java.util.Objects.equals(givenName, profile.givenName())
                && java.util.Objects.equals(email, profile.email())
                && java.util.Objects.equals(status, profile.status());
    }
}
