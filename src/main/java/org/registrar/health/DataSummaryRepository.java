package org.registrar.health;

import org.jdbi.v3.core.Jdbi;

/** Counts of what the database holds, in one statement. Blocking: never on the FX thread. Thread-safe. */
public final class DataSummaryRepository {
    private final Jdbi jdbi;

    public DataSummaryRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Row counts of the main tables. */
    public record DataSummary(long cohorts, long students, long mentors, long assessments, long results) {}

    public DataSummary summary() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        """
                        SELECT (SELECT count(*) FROM cohorts)            AS cohorts,
                               (SELECT count(*) FROM students)           AS students,
                               (SELECT count(*) FROM mentors)            AS mentors,
                               (SELECT count(*) FROM assessments)        AS assessments,
                               (SELECT count(*) FROM assessment_results) AS results
                        """)
                .map((rs, ctx) -> new DataSummary(
                        rs.getLong("cohorts"),
                        rs.getLong("students"),
                        rs.getLong("mentors"),
                        rs.getLong("assessments"),
                        rs.getLong("results")))
                .one());
    }
}
