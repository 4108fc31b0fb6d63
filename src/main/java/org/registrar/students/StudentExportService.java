package org.registrar.students;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.time.format.DateTimeFormatter;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes the filtered, sorted view to CSV in one streamed statement (a server cursor read 2,000 rows at a time),
 * so a million rows never sit in memory. Cells that a spreadsheet would run as a formula are escaped. Blocking:
 * never on the FX thread. Thread-safe.
 */
public final class StudentExportService {
    static final int FETCH_SIZE = 2_000;
    static final String[] HEADER = {
        "student_number", "family_name", "given_name", "cohort", "mentor", "status", "email", "updated_at"
    };

    private final Jdbi jdbi;

    public StudentExportService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Streams every row of the view to {@code out} and returns how many were written. {@code progress} hears the
     * running total every {@link #FETCH_SIZE} rows and at the end. Stops early (a partial file) when the
     * thread is interrupted. Blocking.
     */
    public long export(StudentOrder order, StudentFilter filter, Writer out, LongConsumer progress) {
        return export(order, filter, out, progress, () -> false);
    }

    /**
     * As {@link #export(StudentOrder, StudentFilter, Writer, LongConsumer)}, and also stops early (a partial
     * file) as soon as {@code stop} answers true; it is asked before every row. Blocking.
     */
    public long export(
            StudentOrder order, StudentFilter filter, Writer out, LongConsumer progress, BooleanSupplier stop) {
        return export(order, filter, out, progress, stop, ',');
    }

    /**
     * As {@link #export(StudentOrder, StudentFilter, Writer, LongConsumer, BooleanSupplier)}, with cells separated by
     * {@code delimiter} (',' or, for Excel where the decimal separator is a comma, ';'). Blocking.
     */
    public long export(
            StudentOrder order,
            StudentFilter filter,
            Writer out,
            LongConsumer progress,
            BooleanSupplier stop,
            char delimiter) {
        StudentQuery query = new StudentQuery(order, filter);
        String sql = "SELECT " + StudentQuery.COLUMNS + StudentQuery.FROM + " WHERE true" + query.filterConditions()
                + query.orderBy(true);
        return jdbi.inTransaction(handle -> handle.createQuery(sql)
                .bindMap(query.parameters())
                .setFetchSize(FETCH_SIZE)
                .scanResultSet((supplier, context) -> {
                    try (ResultSet results = supplier.get();
                            CSVPrinter printer = CSVFormat.DEFAULT
                                    .builder()
                                    .setHeader(HEADER)
                                    .setDelimiter(delimiter)
                                    .get()
                                    .print(out)) {
                        long written = 0;
                        while (!stop.getAsBoolean() && !Thread.currentThread().isInterrupted() && results.next()) {
                            printer.printRecord((Object[]) cells(results));
                            if (++written % FETCH_SIZE == 0) {
                                progress.accept(written);
                            }
                        }
                        printer.flush();
                        progress.accept(written);
                        return written;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }

    private static String[] cells(ResultSet results) throws java.sql.SQLException {
        java.time.OffsetDateTime updated = results.getObject("updated_at", java.time.OffsetDateTime.class);
        return new String[] {
            safe(results.getString("student_number")),
            safe(results.getString("family_name")),
            safe(results.getString("given_name")),
            safe(results.getString("cohort_name")),
            safe(results.getString("mentor_name")),
            safe(results.getString("status")),
            safe(results.getString("email")),
            updated == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(updated)
        };
    }

    /**
     * Escapes a cell a spreadsheet would evaluate (OWASP "CSV injection"): one that begins with = + - @, tab or
     * carriage return gets a leading apostrophe, which spreadsheets show as text and do not evaluate.
     */
    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell
                : cell;
    }
}
