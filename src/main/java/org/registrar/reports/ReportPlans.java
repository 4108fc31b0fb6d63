package org.registrar.reports;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The server's plans of the report statements, for the bench and for support: that no report reads a whole table
 * of students or results is a property of the plans, which must hold at a million students. Thread-safe.
 */
public final class ReportPlans {
    private final Jdbi jdbi;

    public ReportPlans(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The server's plans of the report statements ({@code EXPLAIN (ANALYZE, BUFFERS)}) for these arguments, by
     * statement name, for the bench and for support to check that no report reads a whole table. Blocking.
     */
    public Map<String, String> of(
            long assessmentId, long cohortId, LocalDate from, LocalDate to, long studentId, int grade, int year) {
        Map<String, Object> overview = Map.of("cohort", cohortId, "from", from, "to", to);
        Map<String, Object> yearGroup = Map.of("grade", grade, "year", year);
        List<Statement> statements = List.of(
                new Statement("score sheet", ReportSql.SCORE_SHEET, Map.of("assessment", assessmentId)),
                new Statement("class overview: columns", ReportSql.OVERVIEW_COLUMNS, overview),
                new Statement("class overview: rows", ReportSql.OVERVIEW_ROWS, overview),
                new Statement("transcript: student", ReportSql.TRANSCRIPT_STUDENT, Map.of("student", studentId)),
                new Statement("transcript: results", ReportSql.TRANSCRIPT_ENTRIES, Map.of("student", studentId)),
                new Statement("year overview", ReportSql.YEAR_OVERVIEW, yearGroup));
        Map<String, String> plans = new LinkedHashMap<>();
        for (Statement statement : statements) {
            List<String> lines =
                    jdbi.withHandle(handle -> handle.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())
                            .bindMap(statement.arguments())
                            .mapTo(String.class)
                            .list());
            plans.put(statement.name(), String.join("\n", lines));
        }
        return plans;
    }

    /** A report statement with its arguments, to explain. */
    private record Statement(String name, String sql, Map<String, Object> arguments) {}
}
