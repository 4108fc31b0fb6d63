package org.registrar.assessments.history;

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
public final class HistoryRepository {
    /** Entries per page in the screen. */
    public static final int PAGE = 200;

    private static final String EVENT_REST = " changed_at, changed_by, operation, student_id, assessment_id,"
            + " old_score, new_score, old_excused, new_excused, old_comment, new_comment, batch_id";
    private static final String EVENT_COLUMNS = " id," + EVENT_REST;
    private static final String AFTER = " AND (%1$s, %2$s) < (:at, :id)";
    private static final String ORDER = " ORDER BY e.changed_at DESC, e.id DESC LIMIT :limit";

    /**
     * The page's events: history rows, and the insert events still held by their result rows (version 1), which the
     * database moves into the history when the row first changes or goes (V54). An insert event's key is the same in
     * both places (see {@link HistoryScope#rowEventKey}), so one that moves while the user pages is neither skipped
     * nor shown twice. The keyset condition is repeated in each branch so each reads only rows older than the cursor.
     */
    private static String sql(HistoryScope scope, boolean after) {
        String historyKey = "CASE WHEN h.operation = 'insert' THEN " + scope.rowEventKey("h") + " ELSE h.id END";
        String history = "SELECT " + historyKey + "," + EVENT_REST + " FROM result_history h WHERE " + scope.filter("h")
                + (after ? AFTER.formatted("h.changed_at", historyKey) : "");
        String key = scope.rowEventKey("r");
        String rows = "SELECT " + key + ", r.recorded_at, r.recorded_by, 'insert', r.student_id, r.assessment_id,"
                + " NULL::numeric, r.score, NULL::boolean, r.excused, NULL::text, r.comment, r.batch_id"
                + " FROM assessment_results r WHERE r.version = 1 AND " + scope.filter("r")
                + (after ? AFTER.formatted("r.recorded_at", key) : "");
        return "SELECT e.id, e.changed_at, e.changed_by, e.operation, e.student_id, s.student_number, s.family_name,"
                + " s.given_name, e.assessment_id, a.title, e.old_score, e.new_score, e.old_excused, e.new_excused,"
                + " e.old_comment, e.new_comment, e.batch_id"
                + " FROM (" + history + " UNION ALL " + rows + ") AS e (" + EVENT_COLUMNS + ")"
                + " LEFT JOIN students s ON s.id = e.student_id"
                + " LEFT JOIN assessments a ON a.id = e.assessment_id"
                + ORDER;
    }

    private final Jdbi jdbi;

    public HistoryRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One page of changes in {@code scope}, newest first, strictly older than {@code after} (null: the newest).
     *
     * @param assessmentId the assessment (ignored for {@link HistoryScope#STUDENT})
     * @param studentId the student (ignored for {@link HistoryScope#ASSESSMENT})
     */
    public HistoryPage page(HistoryScope scope, long assessmentId, long studentId, HistoryCursor after, int size) {
        String sql = sql(scope, after != null);
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
