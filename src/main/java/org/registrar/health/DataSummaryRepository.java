package org.registrar.health;

import org.jdbi.v3.core.Jdbi;

/** Counts of what the database holds, in one statement. Blocking: never on the FX thread. Thread-safe. */
final class DataSummaryRepository {
    private final Jdbi jdbi;

    public DataSummaryRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Row counts of the main tables. */
    public record DataSummary(long cohorts, long students, long mentors, long assessments, long results) {}

    /**
     * Row counts of the main tables, or null when this login may not read them (support staff): checked first, so
     * the refusal is not a failed statement that would turn the status bar amber.
     */
    public DataSummary summary() {
        return jdbi.withHandle(handle -> {
            boolean readable = handle.createQuery("""
                            SELECT bool_and(has_table_privilege(t, 'SELECT'))
                            FROM unnest(ARRAY['cohorts', 'students', 'mentors', 'assessments', 'assessment_results']) AS t
                            """).mapTo(Boolean.class).one();
            return readable ? counts(handle) : null;
        });
    }

    private static DataSummary counts(org.jdbi.v3.core.Handle handle) {
        return handle.createQuery("""
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
                .one();
    }
}
