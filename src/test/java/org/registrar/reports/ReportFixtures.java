package org.registrar.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.registrar.metrics.OperationScope;
import org.registrar.metrics.QueryMetrics;

/** Raw rows read straight from the tables (no aggregate), for tests to compute the reports' figures in Java. */
final class ReportFixtures {
    private ReportFixtures() {}

    /** A student of the assessment's cohort with their raw result (score null and not excused when none). */
    record RawResult(
            long assessmentId,
            long studentId,
            String familyName,
            BigDecimal score,
            boolean excused,
            BigDecimal maxScore,
            LocalDate assessedOn) {}

    /** Every (student of the cohort, assessment of the cohort) pair with the raw result. */
    static List<RawResult> rawResults(Jdbi jdbi, long cohortId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT a.id AS assessment_id, s.id AS student_id,"
                        + " s.family_name, r.score, coalesce(r.excused, false) AS excused, a.max_score, a.assessed_on"
                        + " FROM students s JOIN assessments a ON a.cohort_id = s.cohort_id"
                        + " LEFT JOIN assessment_results r ON r.assessment_id = a.id AND r.student_id = s.id"
                        + " WHERE s.cohort_id = :cohort")
                .bind("cohort", cohortId)
                .map((rows, context) -> new RawResult(
                        rows.getLong("assessment_id"),
                        rows.getLong("student_id"),
                        rows.getString("family_name"),
                        rows.getBigDecimal("score"),
                        rows.getBoolean("excused"),
                        rows.getBigDecimal("max_score"),
                        rows.getObject("assessed_on", LocalDate.class)))
                .list());
    }

    /** The assessment of the demo data with the most students in its class, and its cohort. */
    static long[] busiestAssessment(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT a.id, a.cohort_id FROM assessments a"
                                + " ORDER BY (SELECT count(*) FROM students s WHERE s.cohort_id = a.cohort_id) DESC, a.id LIMIT 1")
                .map((rows, context) -> new long[] {rows.getLong(1), rows.getLong(2)})
                .one());
    }

    /** How many statements {@code work} ran, counted by QueryMetrics as one operation. */
    static int statements(QueryMetrics metrics, Runnable work) {
        OperationScope scope = metrics.begin("Report");
        try (scope) {
            work.run();
        }
        return scope.summary().statements();
    }
}
