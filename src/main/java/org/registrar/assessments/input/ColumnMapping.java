package org.registrar.assessments.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.registrar.i18n.Messages;

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

    /**
     * The table's rows as input rows under this mapping (the header skipped). A missing or blank score or comment
     * becomes null (keep what is saved); a comment of only "-" becomes "" (clear it): see {@link InputCells}.
     */
    public List<InputRow> apply(TextTable table) {
        List<InputRow> rows = new ArrayList<>();
        List<TextTable.Row> all = table.rows();
        for (int i = header ? 1 : 0; i < all.size(); i++) {
            TextTable.Row row = all.get(i);
            rows.add(new InputRow(
                    row.line(),
                    row.cell(student),
                    score == NONE ? null : InputCells.score(row.has(score) ? row.cell(score) : null),
                    comment == NONE ? null : InputCells.comment(row.has(comment) ? row.cell(comment) : null)));
        }
        return rows;
    }

    /**
     * Lines with fewer cells than the header (or, without one, than most lines), naming the mapped columns they
     * lack, and lines with more, naming the cells that hold text and are ignored.
     */
    public List<LineNote> notes(TextTable table) {
        List<TextTable.Row> all = table.rows();
        if (all.isEmpty()) {
            return List.of();
        }
        int expected = header ? all.get(0).cells().size() : commonWidth(all);
        String against = header
                ? Messages.text("sheets.notes.headerHas", expected)
                : Messages.text("sheets.notes.mostLinesHave", expected);
        List<LineNote> notes = new ArrayList<>();
        for (int i = header ? 1 : 0; i < all.size(); i++) {
            TextTable.Row row = all.get(i);
            int size = row.cells().size();
            if (size < expected) {
                notes.add(new LineNote(row.line(), size + 1, shortLine(row, size, against)));
            } else if (size > expected) {
                List<Integer> ignored = new ArrayList<>();
                for (int column = expected; column < size; column++) {
                    if (!row.cell(column).isBlank() && column != student && column != score && column != comment) {
                        ignored.add(column + 1);
                    }
                }
                if (!ignored.isEmpty()) {
                    notes.add(new LineNote(
                            row.line(),
                            ignored.get(0),
                            Messages.text(
                                    "sheets.notes.ignored", row.line(), size, ordinals(ignored), ignored.size())));
                }
            }
        }
        return notes;
    }

    private String shortLine(TextTable.Row row, int size, String against) {
        List<String> missing = new ArrayList<>();
        if (score != NONE && !row.has(score)) {
            missing.add(Messages.text("sheets.notes.score"));
        }
        if (comment != NONE && !row.has(comment)) {
            missing.add(Messages.text("sheets.notes.comment"));
        }
        String text = Messages.text("sheets.notes.short", row.line(), size, against);
        if (missing.isEmpty()) {
            return text;
        }
        String named = missing.size() == 1
                ? missing.get(0)
                : Messages.text("sheets.notes.and", missing.get(0), missing.get(1));
        return Messages.text("sheets.notes.shortKeeps", text, named, missing.size());
    }

    private static int commonWidth(List<TextTable.Row> rows) {
        Map<Integer, Integer> counts = new HashMap<>();
        rows.forEach(row -> counts.merge(row.cells().size(), 1, Integer::sum));
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
    }

    /** "the 4th", "the 4th and 5th", "the 4th, 6th and 7th" (in English) */
    private static String ordinals(List<Integer> columns) {
        List<String> names = columns.stream().map(ColumnMapping::ordinal).toList();
        if (names.size() == 1) {
            return Messages.text("sheets.notes.one", names.get(0));
        }
        return Messages.text(
                "sheets.notes.several",
                String.join(", ", names.subList(0, names.size() - 1)),
                names.get(names.size() - 1));
    }

    /**
     * "4th" in English, "4." in German, "1re" in French: the bundle's pattern, given the number and its ending class
     * (0 th, 1 st, 2 nd, 3 rd as English ends it; 4 for the number 1 itself, which French ends apart).
     */
    static String ordinal(int number) {
        int lastTwo = number % 100;
        int ending = number == 1 ? 4 : lastTwo >= 11 && lastTwo <= 13 || number % 10 > 3 ? 0 : number % 10;
        return Messages.text("sheets.notes.ordinal", number, ending);
    }
}
