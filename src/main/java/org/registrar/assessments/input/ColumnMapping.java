package org.registrar.assessments.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Which column holds the student (number or e-mail), the score and the comment (-1: none), and whether the first
 * row is a header. Immutable.
 */
public record ColumnMapping(int student, int score, int comment, boolean header) {
    public static final int NONE = -1;

    public ColumnMapping withStudent(int column) {
        return new ColumnMapping(column, score, comment, header);
    }

    public ColumnMapping withScore(int column) {
        return new ColumnMapping(student, column, comment, header);
    }

    public ColumnMapping withComment(int column) {
        return new ColumnMapping(student, score, column, header);
    }

    public ColumnMapping withHeader(boolean hasHeader) {
        return new ColumnMapping(student, score, comment, hasHeader);
    }

    /** The table's rows as input rows under this mapping (the header skipped). */
    public List<InputRow> apply(TextTable table) {
        List<InputRow> rows = new ArrayList<>();
        List<TextTable.Row> all = table.rows();
        for (int i = header ? 1 : 0; i < all.size(); i++) {
            TextTable.Row row = all.get(i);
            rows.add(new InputRow(
                    row.line(),
                    row.cell(student),
                    score == NONE ? "" : row.cell(score),
                    comment == NONE ? null : row.cell(comment)));
        }
        return rows;
    }
}
