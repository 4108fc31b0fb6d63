package org.registrar.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A report as the screen, the printer and every export show it: a title, detail lines under it, a table whose cells
 * are text ({@link String}), numbers ({@link Number}) or dates ({@link LocalDate}) or empty (null), and notes after
 * the table. Immutable; the words are in the language chosen when it was built.
 */
public record ReportTable(
        String fileName,
        String title,
        List<String> details,
        List<Column> columns,
        List<List<Object>> rows,
        List<String> notes) {
    public ReportTable {
        details = List.copyOf(details);
        columns = List.copyOf(columns);
        List<List<Object>> copied = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "A row has " + row.size() + " cells for " + columns.size() + " columns");
            }
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copied);
        notes = List.copyOf(notes);
    }

    /** What a column holds: exports write numbers as numbers and dates as dates. */
    public enum Kind {
        TEXT,
        NUMBER,
        DATE
    }

    /** A column's header and kind. */
    public record Column(String header, Kind kind) {}

    /** A cell as text, as the screen and the PDF show it (numbers without trailing zeros, dates ISO). */
    public static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (cell instanceof Double number) {
            return String.format(java.util.Locale.ROOT, "%.1f", number);
        }
        return cell.toString();
    }
}
