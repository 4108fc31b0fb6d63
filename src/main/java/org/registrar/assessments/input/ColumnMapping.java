package org.registrar.assessments.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        String against = header ? "the header has " + expected : "most lines have " + expected;
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
                            "line " + row.line() + " has " + size + " cells: " + ordinals(ignored)
                                    + (ignored.size() == 1 ? " is ignored" : " are ignored")));
                }
            }
        }
        return notes;
    }

    private String shortLine(TextTable.Row row, int size, String against) {
        List<String> missing = new ArrayList<>();
        if (score != NONE && !row.has(score)) {
            missing.add("score");
        }
        if (comment != NONE && !row.has(comment)) {
            missing.add("comment");
        }
        String text = "line " + row.line() + " has " + size + (size == 1 ? " cell, " : " cells, ") + against;
        if (missing.isEmpty()) {
            return text;
        }
        return text + ": the missing " + String.join(" and ", missing)
                + (missing.size() == 1 ? " keeps the saved one" : " keep the saved ones");
    }

    private static int commonWidth(List<TextTable.Row> rows) {
        Map<Integer, Integer> counts = new HashMap<>();
        rows.forEach(row -> counts.merge(row.cells().size(), 1, Integer::sum));
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
    }

    /** "the 4th", "the 4th and 5th", "the 4th, 6th and 7th" */
    private static String ordinals(List<Integer> columns) {
        List<String> names = columns.stream().map(ColumnMapping::ordinal).toList();
        if (names.size() == 1) {
            return "the " + names.get(0);
        }
        return "the " + String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    static String ordinal(int number) {
        int lastTwo = number % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13
                ? "th"
                : switch (number % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return number + suffix;
    }
}
