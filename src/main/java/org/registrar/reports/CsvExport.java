package org.registrar.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report's table as CSV: UTF-8 with a byte order mark (so Excel reads the accents), a header row, numbers as plain
 * numbers, dates ISO, and text that a spreadsheet would take for a formula guarded with a leading {@code '}.
 * Thread-safe (stateless).
 */
final class CsvExport {
    private CsvExport() {}

    static void write(ReportTable table, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        List<String> headers = new ArrayList<>();
        table.columns().forEach(column -> headers.add(guard(column.header())));
        printer.printRecord(headers);
        for (List<Object> row : table.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (Object cell : row) {
                cells.add(cell(cell));
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    private static String cell(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (cell instanceof Number || cell instanceof java.time.LocalDate) {
            return ReportTable.plain(cell);
        }
        return guard(cell.toString());
    }

    /** Text starting with = + - @ or a tab or carriage return, guarded (OWASP's advice on CSV injection). */
    static String guard(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
