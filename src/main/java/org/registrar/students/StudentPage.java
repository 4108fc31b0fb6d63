package org.registrar.students;

import java.util.List;

/**
 * One page of rows in display order, whether there are rows before and after it, its 1-based number when known
 * (0 when not), and the count when it was asked for (else null). Immutable.
 */
public record StudentPage(
        List<StudentRow> rows, boolean hasPrevious, boolean hasNext, long pageNumber, RowCount count) {
    public StudentPage {
        rows = List.copyOf(rows);
    }

    /** The key of the first row, where "previous" reads back from. */
    public PageKey firstKey() {
        return rows.get(0).key();
    }

    /** The key of the last row, where "next" reads on from. */
    public PageKey lastKey() {
        return rows.get(rows.size() - 1).key();
    }

    StudentPage withCount(RowCount newCount) {
        return new StudentPage(rows, hasPrevious, hasNext, pageNumber, newCount);
    }
}
