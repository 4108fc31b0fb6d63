package org.registrar.db;

/**
 * What this desktop's database login may do, read from the server's privileges (never from the role's name), so
 * screens hide or disable what the login cannot do. The database still enforces every rule; this only keeps the
 * user from trying. Immutable.
 *
 * @param canSeeStudentData read students, results and mentors (the Students, Assessments and Mentors screens)
 * @param canEditStudents update a student's profile fields
 * @param canEditStudentNumber update a student's number
 * @param canWriteResults enter assessment results (insert and update results, write the batch ledger)
 * @param canCreateAssessments create assessments (insert, and draw ids from their sequence)
 * @param canAssignMentors assign and unassign mentors
 * @param canEditMentors rename, activate and deactivate mentors (admins)
 * @param canSignalBackends cancel or terminate other sessions from the health panel
 */
public record Privileges(
        boolean canSeeStudentData,
        boolean canEditStudents,
        boolean canEditStudentNumber,
        boolean canWriteResults,
        boolean canCreateAssessments,
        boolean canAssignMentors,
        boolean canEditMentors,
        boolean canSignalBackends) {

    /** Everything: for tests and the embedded demo server's owner login. */
    public static final Privileges ALL = new Privileges(true, true, true, true, true, true, true, true);

    /** The tooltip of a control this login may not use. */
    public static String notPermitted(String action) {
        return "Your login may not " + action + ". Ask an administrator if you need it.";
    }
}
