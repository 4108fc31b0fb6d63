package org.registrar.assessments.input;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Delimited text (a CSV file's content, a block pasted from a spreadsheet) as rows of cells, each row with the line
 * it starts on. Quoted fields may hold delimiters, quotes and line breaks; CRLF, LF and CR all end lines; blank lines
 * are dropped. Immutable.
 */
public record TextTable(char delimiter, List<Row> rows) {
    /** One record: the 1-based line it starts on and its cells, stripped. */
    public record Row(int line, List<String> cells) {
        public String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : "";
        }
    }

    public TextTable {
        rows = List.copyOf(rows);
    }

    /** Splits {@code text} at {@code delimiter}. Malformed quoting ends the table at the bad line with an error. */
    public static TextTable parse(String text, char delimiter) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        List<Row> rows = new ArrayList<>();
        int[] lineStarts = lineStarts(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.add(new Row(lineOf(lineStarts, record.getCharacterPosition()), cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new MalformedInputException("The text cannot be read as a table: " + e.getMessage(), e);
        }
        return new TextTable(delimiter, rows);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n' || (ch == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, long position) {
        int index = java.util.Arrays.binarySearch(lineStarts, (int) position);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    /** The widest row's number of cells. */
    public int columns() {
        return rows.stream().mapToInt(row -> row.cells().size()).max().orElse(0);
    }

    /** Thrown when quoting is broken beyond repair (an unterminated quote). */
    public static final class MalformedInputException extends RuntimeException {
        MalformedInputException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
