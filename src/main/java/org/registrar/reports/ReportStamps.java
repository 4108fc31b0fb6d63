package org.registrar.reports;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the change stamps the mentor views use (ADR 0053): one tiny query over the table {@code change_stamps},
 * whose triggers bump a table's stamp in every writing statement, visible at commit. Blocking. Thread-safe.
 */
public final class ReportStamps {
    private static final String SQL = "SELECT table_name, stamp FROM change_stamps WHERE table_name IN"
            + " ('cohorts', 'students', 'mentors', 'mentor_assignments', 'assessments', 'assessment_results')";

    private final Jdbi jdbi;

    public ReportStamps(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every watched table's stamp by table name. Blocking. */
    Map<String, Long> current() {
        Map<String, Long> read = new HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery(SQL)
                .map((rows, context) -> read.put(rows.getString("table_name"), rows.getLong("stamp")))
                .list());
        return Map.copyOf(read);
    }
}
