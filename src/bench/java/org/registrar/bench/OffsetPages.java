package org.registrar.bench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.registrar.students.PageKey;
import org.registrar.students.StudentRow;

/**
 * What the Students screen would cost by LIMIT/OFFSET: the same columns, joins and order (by name: search_key,
 * id) as the keyset page of {@code StudentRepository}, unfiltered, mapped to the same rows. The baseline the
 * paging benches measure keyset pages against; the app itself never reads this way. Blocking; thread-safe.
 */
final class OffsetPages {
    private static final String SQL = "SELECT s.id, s.student_number, s.family_name, s.given_name, s.cohort_id,"
            + " c.name AS cohort_name, m.id AS mentor_id,"
            + " CASE WHEN m.id IS NULL THEN NULL ELSE m.family_name || ', ' || m.given_name END AS mentor_name,"
            + " s.status, s.email, s.updated_at, s.version, s.search_key AS key_0, s.id AS key_1"
            + " FROM students s"
            + " LEFT JOIN cohorts c ON c.id = s.cohort_id"
            + " LEFT JOIN mentor_assignments ma ON ma.student_id = s.id"
            + " LEFT JOIN mentors m ON m.id = ma.mentor_id"
            + " ORDER BY s.search_key ASC, s.id ASC LIMIT :limit OFFSET :offset";

    private final Jdbi jdbi;

    OffsetPages(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** {@code size} rows from row {@code offset} (0-based) in name order. */
    List<StudentRow> page(long offset, int size) {
        return jdbi.withHandle(handle -> handle.createQuery(SQL)
                .bind("limit", size)
                .bind("offset", offset)
                .scanResultSet((supplier, context) -> {
                    List<StudentRow> rows = new ArrayList<>();
                    try (ResultSet results = supplier.get()) {
                        while (results.next()) {
                            rows.add(row(results));
                        }
                    }
                    return rows;
                }));
    }

    /** The sort key of row {@code offset}, where a keyset page after it starts. */
    PageKey keyAt(long offset) {
        return page(offset, 1).get(0).key();
    }

    private static StudentRow row(ResultSet results) throws SQLException {
        return new StudentRow(
                results.getLong("id"),
                results.getString("student_number"),
                results.getString("family_name"),
                results.getString("given_name"),
                results.getObject("cohort_id", Long.class),
                results.getString("cohort_name"),
                results.getObject("mentor_id", Long.class),
                results.getString("mentor_name"),
                results.getString("status"),
                results.getString("email"),
                results.getObject("updated_at", OffsetDateTime.class),
                results.getInt("version"),
                new PageKey(List.of(results.getString("key_0"), results.getLong("key_1"))));
    }
}
