package org.registrar.assessments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads the result history newest first, a keyset page at a time: one statement per page, whatever the page's depth.
 * Every method blocks on the database: never call it on the FX thread. Thread-safe.
 */
final class HistoryRepository {
    /** Entries per page in the screen. */
    static final int PAGE = 200;

    private static final String SELECT = "SELECT h.id, h.changed_at, h.changed_by, h.operation, h.student_id,"
            + " s.student_number, s.family_name, s.given_name, h.assessment_id, a.title,"
            + " h.old_score, h.new_score, h.old_excused, h.new_excused, h.old_comment, h.new_comment, h.batch_id"
            + " FROM result_history h"
            + " LEFT JOIN students s ON s.id = h.student_id"
            + " LEFT JOIN assessments a ON a.id = h.assessment_id"
            + " WHERE ";
    private static final String AFTER = " AND (h.changed_at, h.id) < (:at, :id)";
    private static final String ORDER = " ORDER BY h.changed_at DESC, h.id DESC LIMIT :limit";

    private final Jdbi jdbi;

    HistoryRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One page of changes in {@code scope}, newest first, strictly older than {@code after} (null: the newest).
     *
     * @param assessmentId the assessment (ignored for {@link HistoryScope#STUDENT})
     * @param studentId the student (ignored for {@link HistoryScope#ASSESSMENT})
     */
    HistoryPage page(HistoryScope scope, long assessmentId, long studentId, HistoryCursor after, int size) {
        String sql = SELECT + scope.filter() + (after == null ? "" : AFTER) + ORDER;
        List<HistoryEntry> entries = jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql).bind("limit", size + 1);
            if (scope.needsAssessment()) {
                query.bind("assessment", assessmentId);
            }
            if (scope.needsStudent()) {
                query.bind("student", studentId);
            }
            if (after != null) {
                query.bind("at", OffsetDateTime.ofInstant(after.changedAt(), ZoneOffset.UTC))
                        .bind("id", after.id());
            }
            return query.map((rows, context) -> entry(rows)).list();
        });
        boolean more = entries.size() > size;
        return new HistoryPage(more ? List.copyOf(entries.subList(0, size)) : List.copyOf(entries), more);
    }

    private static HistoryEntry entry(ResultSet rows) throws SQLException {
        String family = rows.getString("family_name");
        String given = rows.getString("given_name");
        String name = family == null ? "" : given == null || given.isBlank() ? family : family + ", " + given;
        return new HistoryEntry(
                rows.getLong("id"),
                rows.getObject("changed_at", OffsetDateTime.class).toInstant(),
                rows.getString("changed_by"),
                rows.getString("operation"),
                rows.getLong("student_id"),
                rows.getString("student_number") == null ? "" : rows.getString("student_number"),
                name,
                rows.getLong("assessment_id"),
                rows.getString("title") == null ? "" : rows.getString("title"),
                rows.getBigDecimal("old_score"),
                rows.getBigDecimal("new_score"),
                (Boolean) rows.getObject("old_excused"),
                (Boolean) rows.getObject("new_excused"),
                rows.getString("old_comment"),
                rows.getString("new_comment"),
                rows.getObject("batch_id", UUID.class));
    }
}
