package org.registrar.students;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The page a keyset request should return, read the plain way (LIMIT/OFFSET over the same columns, filter and
 * order): the oracle the paging tests compare {@link StudentRepository} with. Blocking; thread-safe.
 */
final class OffsetPages {
    private final Jdbi jdbi;

    OffsetPages(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<StudentRow> page(StudentOrder order, StudentFilter filter, long offset, int size) {
        StudentQuery query = new StudentQuery(order, filter);
        String sql = "SELECT " + StudentQuery.COLUMNS + query.keyColumns() + StudentQuery.FROM + " WHERE true"
                + query.filterConditions() + query.orderBy(true) + " LIMIT :limit OFFSET :offset";
        Map<String, Object> parameters = query.parameters();
        parameters.put("limit", size);
        parameters.put("offset", offset);
        return jdbi.withHandle(handle -> handle.createQuery(sql)
                .bindMap(parameters)
                .scanResultSet((supplier, context) -> {
                    List<StudentRow> rows = new ArrayList<>();
                    try (ResultSet results = supplier.get()) {
                        while (results.next()) {
                            rows.add(StudentRepository.StudentRows.map(results, order.sort()));
                        }
                    }
                    return rows;
                }));
    }
}
