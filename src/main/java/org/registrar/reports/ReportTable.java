package org.registrar.reports;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.registrar.i18n.Messages;

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
    /**
     * One number format per thread and language: making one per cell (locale data, symbols) was a good share of the
     * FX thread's work while a report's rows came into view. A NumberFormat is not thread-safe and the exports run
     * on other threads, hence per thread.
     */
    private static final ThreadLocal<Map<Locale, NumberFormat>> NUMBERS = ThreadLocal.withInitial(HashMap::new);

    /** A DateTimeFormatter is immutable and thread-safe: one per language. */
    private static final Map<Locale, DateTimeFormatter> DATES = new ConcurrentHashMap<>();

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

    /**
     * A cell as the screen, the PDF and the printout show it, in the chosen language's way: numbers without trailing
     * zeros and with its decimal separator (23,5 in German), dates in its medium style (21.10.2025). CSV writes
     * {@link #plain} instead.
     */
    public static String text(Object cell) {
        return text(cell, Messages.locale());
    }

    static String text(Object cell, Locale locale) {
        if (cell instanceof BigDecimal decimal) {
            BigDecimal whole = decimal.stripTrailingZeros();
            NumberFormat format = NUMBERS.get().computeIfAbsent(locale, NumberFormat::getNumberInstance);
            format.setMaximumFractionDigits(Math.max(0, whole.scale()));
            return format.format(whole);
        }
        if (cell instanceof Double number) {
            return String.format(locale, "%.1f", number);
        }
        if (cell instanceof LocalDate date) {
            return DATES.computeIfAbsent(
                            locale,
                            language -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                    .withLocale(language))
                    .format(date);
        }
        return plain(cell);
    }

    /** A cell as a file for other programs holds it: numbers with a decimal point, dates ISO. */
    public static String plain(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (cell instanceof Double number) {
            return String.format(Locale.ROOT, "%.1f", number);
        }
        return cell.toString();
    }
}
