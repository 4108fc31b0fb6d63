package org.registrar.assessments.input;

import java.util.List;
import org.registrar.i18n.Messages;

/**
 * Delimited text (a CSV file's content, a block pasted from a spreadsheet) as rows of cells, each row with the line
 * it starts on. Quoted fields may hold delimiters, quotes and line breaks; CRLF, LF and CR all end lines; blank lines
 * are dropped. Read within {@link InputLimits}. Immutable.
 */
public record TextTable(char delimiter, List<Row> rows) {
    /** One record: the 1-based line it starts on and its cells, stripped. */
    public record Row(int line, List<String> cells) {
        /** The cell's text; "" for a blank cell and for one the line does not have (see {@link #has}). */
        public String cell(int column) {
            return has(column) ? cells.get(column) : "";
        }

        /** Whether the line reaches this column (a line shorter than the header lacks the last ones). */
        public boolean has(int column) {
            return column >= 0 && column < cells.size();
        }
    }

    public TextTable {
        rows = List.copyOf(rows);
    }

    /**
     * Splits {@code text} at {@code delimiter}.
     *
     * @throws MalformedInputException at a quote that never closes or the first limit crossed
     */
    public static TextTable parse(String text, char delimiter) {
        return parse(text, delimiter, Messages.text("messages.import.theText"));
    }

    /** As {@link #parse(String, char)}; {@code what} ("the file") names the input in messages. */
    static TextTable parse(String text, char delimiter, String what) {
        return new TextTable(delimiter, new TableReader(text, delimiter, what, Integer.MAX_VALUE).rows());
    }

    /** The first {@code rows} rows that read, stopping quietly at a broken quote or a limit (a sample). */
    static List<Row> sample(String text, char delimiter, int rows) {
        return new TableReader(text, delimiter, Messages.text("messages.import.theText"), rows).rowsUntilAProblem();
    }

    /** The widest row's number of cells. */
    public int columns() {
        return rows.stream().mapToInt(row -> row.cells().size()).max().orElse(0);
    }

    /**
     * Thrown when the text cannot be read as a table: a quote that never closes (its line and column), or a limit
     * of {@link InputLimits} crossed (line and column 0). The message names the place or the limit.
     */
    public static final class MalformedInputException extends IllegalArgumentException {
        private final int line;
        private final int column;

        MalformedInputException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        /** The line a quote opens on, or 0. */
        public int line() {
            return line;
        }

        /** The column (1-based character) the quote is at, or 0. */
        public int column() {
            return column;
        }
    }
}
