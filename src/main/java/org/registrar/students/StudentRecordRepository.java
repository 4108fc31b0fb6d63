package org.registrar.students;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.registrar.db.StorableText;
import org.registrar.i18n.Messages;

/**
 * One student: the detail pane's profile and recent results, and saving an edit with optimistic concurrency
 * ({@code UPDATE ... WHERE id = :id AND version = :expected}; the trigger bumps the version). Every method blocks
 * on the database: never call it on the FX thread. Thread-safe.
 */
public final class StudentRecordRepository {
    static final int RECENT_RESULTS = 8;

    private static final String PROFILE_SQL = "SELECT s.id, s.student_number, s.family_name, s.given_name, s.email,"
            + " s.status, c.name AS cohort_name,"
            + " CASE WHEN m.id IS NULL THEN NULL ELSE m.family_name || ', ' || m.given_name END AS mentor_name,"
            + " m.email AS mentor_email, s.created_at, s.updated_at, s.version"
            + " FROM students s"
            + " LEFT JOIN cohorts c ON c.id = s.cohort_id"
            + " LEFT JOIN mentor_assignments ma ON ma.student_id = s.id"
            + " LEFT JOIN mentors m ON m.id = ma.mentor_id"
            + " WHERE s.id = :id";

    private static final String RESULTS_SQL = "SELECT a.title, a.subject, a.assessed_on, r.score, a.max_score,"
            + " r.excused FROM assessment_results r JOIN assessments a ON a.id = r.assessment_id"
            + " WHERE r.student_id = :id ORDER BY a.assessed_on DESC, a.id DESC LIMIT " + RECENT_RESULTS;

    private static final String UPDATE_SQL = "UPDATE students SET student_number = :studentNumber,"
            + " family_name = :familyName, given_name = :givenName, email = :email, status = :status"
            + " WHERE id = :id AND version = :version";

    private final Jdbi jdbi;

    public StudentRecordRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The profile and recent results (two statements), or empty when the student is gone. Blocking. */
    public Optional<StudentDetail> detail(long id) {
        return jdbi.withHandle(handle -> profile(handle, id).map(profile -> {
            List<ResultLine> results = handle.createQuery(RESULTS_SQL)
                    .bind("id", id)
                    .map((rs, ctx) -> new ResultLine(
                            rs.getString("title"),
                            rs.getString("subject"),
                            rs.getObject("assessed_on", java.time.LocalDate.class),
                            rs.getBigDecimal("score"),
                            rs.getBigDecimal("max_score"),
                            rs.getBoolean("excused")))
                    .list();
            return new StudentDetail(profile, results);
        }));
    }

    /**
     * Saves {@code edit} if nobody saved the student since {@code edit.version()}: one UPDATE, plus one SELECT of
     * the stored row (the new version, or theirs on a conflict). Blocking.
     */
    public SaveOutcome save(StudentEdit edit) {
        SaveOutcome.Rejected unstorable = unstorable(edit);
        if (unstorable != null) {
            return unstorable;
        }
        return jdbi.withHandle(handle -> {
            int updated;
            try {
                updated = handle.createUpdate(UPDATE_SQL).bindMethods(edit).execute();
            } catch (UnableToExecuteStatementException error) {
                return rejected(error, edit);
            }
            Optional<StudentProfile> stored = profile(handle, edit.id());
            if (updated == 1) {
                return new SaveOutcome.Saved(stored.orElseThrow());
            }
            return new SaveOutcome.Conflict(stored.orElse(null));
        });
    }

    private static Optional<StudentProfile> profile(Handle handle, long id) {
        return handle.createQuery(PROFILE_SQL)
                .bind("id", id)
                .map((rs, ctx) -> new StudentProfile(
                        rs.getLong("id"),
                        rs.getString("student_number"),
                        rs.getString("family_name"),
                        rs.getString("given_name"),
                        rs.getString("email"),
                        rs.getString("status"),
                        rs.getString("cohort_name"),
                        rs.getString("mentor_name"),
                        rs.getString("mentor_email"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class),
                        rs.getObject("updated_at", java.time.OffsetDateTime.class),
                        rs.getInt("version")))
                .findOne();
    }

    private static SaveOutcome rejected(UnableToExecuteStatementException error, StudentEdit edit) {
        if (error.getCause() instanceof SQLException sql && sql.getSQLState() != null) {
            String message = sql.getMessage() == null ? "" : sql.getMessage();
            if (sql.getSQLState().equals("23505") && message.contains("students_student_number_key")) {
                return new SaveOutcome.Rejected(
                        "studentNumber", Messages.text("students.save.numberTaken", edit.studentNumber()));
            }
            if (sql.getSQLState().startsWith("23") || sql.getSQLState().equals("42501")) {
                return new SaveOutcome.Rejected(fieldOf(message), org.registrar.db.DatabaseErrors.describe(error));
            }
        }
        throw error;
    }

    /** A field PostgreSQL cannot store (a NUL character), refused before anything is sent. */
    private static SaveOutcome.Rejected unstorable(StudentEdit edit) {
        String[][] fields = {
            {"studentNumber", Messages.text("students.detail.number"), edit.studentNumber()},
            {"familyName", Messages.text("students.detail.familyName"), edit.familyName()},
            {"givenName", Messages.text("students.detail.givenName"), edit.givenName()},
            {"email", Messages.text("students.detail.email"), edit.email()},
            {"form", Messages.text("students.detail.status"), edit.status()}
        };
        for (String[] field : fields) {
            if (!StorableText.storable(field[2])) {
                return new SaveOutcome.Rejected(field[0], Messages.text("students.save.nul", field[1]));
            }
        }
        return null;
    }

    private static String fieldOf(String message) {
        if (message.contains("student_number")) {
            return "studentNumber";
        }
        if (message.contains("email")) {
            return "email";
        }
        return message.contains("family_name") ? "familyName" : "form";
    }
}
