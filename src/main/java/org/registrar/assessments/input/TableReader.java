package org.registrar.assessments.input;

import java.util.ArrayList;
import java.util.List;
import org.registrar.i18n.Messages;

/**
 * Splits delimited text into rows within {@link InputLimits}, stopping at the first limit crossed: RFC 4180 quoting
 * (a quoted cell may hold delimiters, doubled quotes and line breaks; text after its closing quote is kept as is),
 * LF, CRLF and CR all end a line, cells are trimmed, lines with no text are dropped. Not thread-safe: one per parse.
 */
final class TableReader {
    private final String text;
    private final char delimiter;
    private final String what;
    private final int maxRows;
    private int position;
    private int line = 1;
    private int lineStart;
    private int cellsInAll;

    /**
     * @param what "the file" or "the text", for messages
     * @param maxRows stop after this many rows (a sample), or {@link Integer#MAX_VALUE}
     */
    TableReader(String text, char delimiter, String what, int maxRows) {
        this.text = text;
        this.delimiter = delimiter;
        this.what = what;
        this.maxRows = maxRows;
    }

    /** Every row, or a {@link TextTable.MalformedInputException} at the first limit or broken quote. */
    List<TextTable.Row> rows() {
        List<TextTable.Row> rows = new ArrayList<>();
        while (position < text.length() && rows.size() < maxRows) {
            TextTable.Row row = row();
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The rows read before the first problem (for guessing the delimiter from what reads). */
    List<TextTable.Row> rowsUntilAProblem() {
        List<TextTable.Row> rows = new ArrayList<>();
        try {
            while (position < text.length() && rows.size() < maxRows) {
                TextTable.Row row = row();
                if (row != null) {
                    rows.add(row);
                }
            }
        } catch (TextTable.MalformedInputException stop) {
            // what was read before the problem is the sample
        }
        return rows;
    }

    private TextTable.Row row() {
        int startLine = line;
        List<String> cells = new ArrayList<>();
        boolean any = false;
        while (true) {
            if (cells.size() == InputLimits.MAX_CELLS_PER_LINE) {
                throw refused(Messages.text("messages.import.cellsPerLine", startLine, InputLimits.MAX_CELLS_PER_LINE));
            }
            if (++cellsInAll > InputLimits.MAX_CELLS) {
                throw refused(Messages.text("messages.import.cellsInAll", what, InputLimits.MAX_CELLS, startLine));
            }
            String cell = cell(cells.size() + 1);
            any |= !cell.isEmpty();
            cells.add(cell);
            if (position >= text.length()) {
                break;
            }
            char end = text.charAt(position++);
            if (end != delimiter) {
                if (end == '\r' && position < text.length() && text.charAt(position) == '\n') {
                    position++;
                }
                newLine();
                break;
            }
        }
        return any ? new TextTable.Row(startLine, cells) : null;
    }

    /** One cell, up to (not including) the delimiter or line end after it. */
    private String cell(int number) {
        int start = position;
        while (position < text.length() && text.charAt(position) == ' ') {
            position++;
        }
        StringBuilder cell = new StringBuilder();
        if (position < text.length() && text.charAt(position) == '"') {
            quoted(cell, number);
        } else {
            position = start;
        }
        while (position < text.length()) {
            char ch = text.charAt(position);
            if (ch == delimiter || ch == '\n' || ch == '\r') {
                break;
            }
            append(cell, ch, number);
            position++;
        }
        String trimmed = cell.toString().trim();
        return trimmed.isEmpty() ? "" : trimmed;
    }

    private void quoted(StringBuilder cell, int number) {
        int openLine = line;
        int openColumn = position - lineStart + 1;
        position++;
        while (true) {
            if (position >= text.length()) {
                throw quote(openLine, openColumn, Messages.text("messages.import.quoteNeverCloses"));
            }
            char ch = text.charAt(position++);
            if (ch == '"') {
                if (position < text.length() && text.charAt(position) == '"') {
                    position++;
                } else {
                    return;
                }
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && position < text.length() && text.charAt(position) == '\n') {
                    cell.append('\r');
                    ch = text.charAt(position++);
                }
                newLine();
            }
            if (cell.length() >= InputLimits.MAX_CELL_CHARS) {
                throw quote(
                        openLine,
                        openColumn,
                        Messages.text("messages.import.quoteTooLong", InputLimits.MAX_CELL_CHARS));
            }
            cell.append(ch);
        }
    }

    private void append(StringBuilder cell, char ch, int number) {
        if (cell.length() >= InputLimits.MAX_CELL_CHARS) {
            throw refused(Messages.text("messages.import.cellTooLong", line, number, InputLimits.MAX_CELL_CHARS));
        }
        cell.append(ch);
    }

    private void newLine() {
        line++;
        lineStart = position;
        if (line > InputLimits.MAX_LINES && position < text.length()) {
            throw refused(Messages.text("messages.import.textTooManyLines", what, InputLimits.MAX_LINES));
        }
    }

    private TextTable.MalformedInputException quote(int openLine, int column, String how) {
        return new TextTable.MalformedInputException(
                Messages.text("messages.import.quote", openLine, column, how), openLine, column);
    }

    private TextTable.MalformedInputException refused(String message) {
        return new TextTable.MalformedInputException(message, 0, 0);
    }
}
