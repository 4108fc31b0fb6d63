package org.registrar.db;

import org.registrar.i18n.Messages;

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

    /** What a control does that a login may be refused, for the tooltip that says why it cannot. */
    public enum Action {
        EDIT_STUDENTS,
        CHANGE_STUDENT_NUMBERS,
        ASSIGN_MENTORS,
        EDIT_MENTORS,
        ENTER_RESULTS,
        CREATE_ASSESSMENTS
    }

    /** The tooltip of a control this login may not use, in the chosen language. */
    public static String notPermitted(Action action) {
        return switch (action) {
            case EDIT_STUDENTS -> Messages.text("messages.notPermitted.editStudents");
            case CHANGE_STUDENT_NUMBERS -> Messages.text("messages.notPermitted.changeStudentNumbers");
            case ASSIGN_MENTORS -> Messages.text("messages.notPermitted.assignMentors");
            case EDIT_MENTORS -> Messages.text("messages.notPermitted.editMentors");
            case ENTER_RESULTS -> Messages.text("messages.notPermitted.enterResults");
            case CREATE_ASSESSMENTS -> Messages.text("messages.notPermitted.createAssessments");
        };
    }
}
