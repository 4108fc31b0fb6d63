package org.registrar.assessments.data;

/**
 * The database refused a score (check violation, SQLSTATE 23514) and named the student it concerns; nothing of the
 * save was written. Immutable.
 */
public final class ScoreRejected extends RuntimeException {
    private final long studentId;

    ScoreRejected(long studentId, String message, Throwable cause) {
        super(message, cause);
        this.studentId = studentId;
    }

    /** The student whose row the database refused, or -1 when the server did not say. */
    public long studentId() {
        return studentId;
    }
}
