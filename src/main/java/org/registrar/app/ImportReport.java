package org.registrar.app;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.SheetRow;
import org.registrar.assessments.input.ColumnMapping;
import org.registrar.assessments.input.CsvImport;
import org.registrar.assessments.input.InputRow;
import org.registrar.assessments.input.LineNote;
import org.registrar.assessments.input.Problem;
import org.registrar.assessments.input.ScoreText;
import org.registrar.assessments.input.TextTable;
import org.registrar.i18n.Messages;

/**
 * The lines {@code import-results} prints about a file: each problem and warning with its line, column, student and
 * value ({@code line 3 <tab> column 2 (score) <tab> S0000002 <tab> "abc" <tab> "abc" is not a number}), and each change
 * student by student, old → new ({@code change <tab> S0000002 <tab> score 3 → 5 <tab> comment "a" → "b"}). Not
 * thread-safe (one per run).
 */
final class ImportReport {
    private static final int SHOWN_CHARS = 60;

    /** One student's change against what was saved when the file was checked. */
    record Change(SheetRow saved, ResultChange change) {}

    private final PrintStream out;
    private final ColumnMapping mapping;
    private final Map<Integer, InputRow> byLine = new HashMap<>();
    private final Map<Integer, TextTable.Row> cellsByLine = new HashMap<>();

    ImportReport(PrintStream out, CsvImport.Result csv) {
        this.out = out;
        this.mapping = csv.mapping();
        csv.rows().forEach(row -> byLine.put(row.line(), row));
        csv.table().rows().forEach(row -> cellsByLine.put(row.line(), row));
    }

    void problem(Problem problem) {
        InputRow row = byLine.get(problem.line());
        String value;
        int column;
        switch (problem.column()) {
            case SCORE -> {
                column = mapping.score();
                value = row == null ? null : row.score();
            }
            case COMMENT -> {
                column = mapping.comment();
                value = row == null ? null : row.comment();
            }
            default -> {
                column = mapping.student();
                value = row == null ? problem.student() : row.student();
            }
        }
        out.println(Messages.text("messages.importReport.line", problem.line()) + "\t" + column(column + 1) + "\t"
                + student(problem.student()) + "\t" + quoted(value) + "\t" + escaped(problem.message()));
    }

    void note(LineNote note) {
        InputRow row = byLine.get(note.line());
        TextTable.Row cells = cellsByLine.get(note.line());
        String value = cells != null && cells.has(note.column() - 1)
                ? quoted(cells.cell(note.column() - 1))
                : Messages.text("messages.importReport.missing");
        out.println(Messages.text("messages.importReport.line", note.line()) + "\t" + column(note.column()) + "\t"
                + student(row == null ? "" : row.student()) + "\t" + value + "\t"
                + Messages.text("messages.importReport.warning", escaped(note.describe())));
    }

    /** Prints the changes that {@code printed} accepts, student by student. */
    void changes(List<Change> changes, Predicate<Change> printed) {
        for (Change each : changes) {
            if (printed.test(each)) {
                SheetRow saved = each.saved();
                ResultChange change = each.change();
                String score = fromTo(
                        shown(ScoreText.format(saved.score(), saved.excused())),
                        shown(ScoreText.format(change.score(), change.excused())));
                out.println(Messages.text("messages.importReport.change") + "\t" + escaped(saved.studentNumber())
                        + "\t" + Messages.text("messages.importReport.scoreChange", score)
                        + "\t"
                        + Messages.text(
                                "messages.importReport.commentChange",
                                fromTo(comment(saved.comment()), comment(change.comment()))));
            }
        }
    }

    private String column(int number) {
        String name = number - 1 == mapping.student()
                ? Messages.text("messages.importReport.student")
                : number - 1 == mapping.score()
                        ? Messages.text("messages.importReport.score")
                        : number - 1 == mapping.comment() ? Messages.text("messages.importReport.comment") : null;
        return name == null
                ? Messages.text("messages.importReport.column", number)
                : Messages.text("messages.importReport.columnNamed", number, name);
    }

    private static String student(String key) {
        return key == null || key.isBlank() ? Messages.text("messages.importReport.noStudent") : escaped(key.strip());
    }

    private static String fromTo(String before, String after) {
        return before.equals(after) ? Messages.text("messages.importReport.kept", before) : before + " → " + after;
    }

    private static String shown(String score) {
        return score.isEmpty() ? Messages.text("messages.importReport.none") : score;
    }

    private static String comment(String comment) {
        return comment == null || comment.isBlank() ? Messages.text("messages.importReport.none") : quoted(comment);
    }

    private static String quoted(String value) {
        if (value == null) {
            return Messages.text("messages.importReport.missing");
        }
        String shown = value.length() > SHOWN_CHARS ? value.substring(0, SHOWN_CHARS) + "…" : value;
        return "\"" + escaped(shown) + "\"";
    }

    /**
     * {@code text} on one line with every control character written out ({@code \t}, {@code \n}, {@code \r}, others as
     * {@code \x1b}): a tab would split the tab-separated columns, and ESC and the like from a hostile file would reach
     * the terminal as commands.
     */
    static String escaped(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
