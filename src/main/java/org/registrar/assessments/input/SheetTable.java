package org.registrar.assessments.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.registrar.i18n.Messages;

/**
 * Builds one sheet's table from its cells as a streaming reader meets them, within {@link InputLimits}: a cell with
 * text beyond the line's limit of columns, too many rows, a cell too long or too many cells in the whole workbook
 * stop the read with a sentence naming the sheet and cell. Rows with no text are skipped (each kept row keeps its
 * spreadsheet row number as its line); a title merged across the columns above the header is dropped; a header of
 * several rows joined by vertically merged cells becomes one row. Not thread-safe: one per sheet.
 */
final class SheetTable {
    /** Formula cells remembered by reference; the rest are counted. */
    private static final int FORMULAS_KEPT = 20;

    /** How many rows a header joined by merged cells may span. */
    private static final int MAX_HEADER_ROWS = 3;

    /** The cells of the whole workbook read so far, shared by its sheets. */
    static final class Budget {
        private int cells;
        private int sheets;
    }

    private record Merge(int firstRow, int firstColumn, int lastRow, int lastColumn) {}

    private final String name;
    private final Budget budget;
    private final List<TextTable.Row> rows = new ArrayList<>();
    private final List<Merge> merges = new ArrayList<>();
    private final List<String> formulas = new ArrayList<>();
    private final List<String> uncalculated = new ArrayList<>();
    private int formulaCount;
    private boolean locked;
    private int rowNumber = -1;
    private List<String> cells = new ArrayList<>();

    /** How much of a sheet's name is kept. */
    private static final int NAME_CHARS = 100;

    SheetTable(String name, Budget budget) {
        this.name = shown(name);
        this.budget = budget;
        if (++budget.sheets > InputLimits.MAX_SHEETS) {
            throw new CsvFile.Refused(Messages.text("sheets.tooManySheets", InputLimits.MAX_SHEETS));
        }
    }

    /**
     * One cell (1-based row, 0-based column); blank text adds nothing but the formula it may hold.
     *
     * @param formula whether the cell holds a formula ({@code text} is then its calculated value)
     * @param calculated for a formula, whether the file holds its calculated value
     */
    void cell(int row, int column, String text, boolean formula, boolean calculated) {
        if (formula) {
            if (formulas.size() < FORMULAS_KEPT) {
                formulas.add(reference(row, column));
            }
            formulaCount++;
            if (!calculated && uncalculated.size() < FORMULAS_KEPT) {
                uncalculated.add(reference(row, column));
            }
        }
        if (text == null || text.isBlank()) {
            return;
        }
        if (row != rowNumber) {
            endRow();
            rowNumber = row;
        }
        if (column >= InputLimits.MAX_CELLS_PER_LINE) {
            throw new CsvFile.Refused(
                    Messages.text("sheets.tooWide", name, reference(row, column), InputLimits.MAX_CELLS_PER_LINE));
        }
        if (text.length() > InputLimits.MAX_CELL_CHARS) {
            throw cellTooLong(row, column);
        }
        while (cells.size() <= column) {
            if (++budget.cells > InputLimits.MAX_CELLS) {
                throw new CsvFile.Refused(Messages.text("sheets.tooManyCells", InputLimits.MAX_CELLS, name, row));
            }
            cells.add("");
        }
        cells.set(column, text.strip());
    }

    /** The refusal of a cell whose text is longer than a cell may be (also while its text is still being read). */
    CsvFile.Refused cellTooLong(int row, int column) {
        return new CsvFile.Refused(
                Messages.text("sheets.cellTooLong", name, reference(row, column), InputLimits.MAX_CELL_CHARS));
    }

    /** A merged range, 1-based rows and 0-based columns, inclusive. */
    void merged(int firstRow, int firstColumn, int lastRow, int lastColumn) {
        if (merges.size() < InputLimits.MAX_CELLS) {
            merges.add(new Merge(firstRow, firstColumn, lastRow, lastColumn));
        }
    }

    /** The sheet is protected against changes: it is read all the same, and the preview says so. */
    void locked() {
        locked = true;
    }

    Workbook.Sheet finish() {
        endRow();
        List<TextTable.Row> kept = new ArrayList<>(rows);
        dropTitles(kept);
        joinHeader(kept);
        padToFirst(kept);
        return new Workbook.Sheet(name, new TextTable('\t', kept), formulas, formulaCount, uncalculated, locked);
    }

    private void endRow() {
        if (rowNumber > 0 && !cells.isEmpty()) {
            if (rows.size() >= InputLimits.MAX_LINES) {
                throw new CsvFile.Refused(Messages.text("sheets.tooLong", name, InputLimits.MAX_LINES));
            }
            rows.add(new TextTable.Row(rowNumber, cells));
            cells = new ArrayList<>();
        }
        rowNumber = -1;
    }

    /**
     * A sheet's row ends at its last cell with text, so a blank last cell would read as a short line ("line 3 has 2
     * cells, the header has 3"): rows are padded with blank cells to the first row's width, which keeps the same.
     */
    private static void padToFirst(List<TextTable.Row> kept) {
        int width = kept.isEmpty() ? 0 : kept.get(0).cells().size();
        for (int i = 1; i < kept.size(); i++) {
            TextTable.Row row = kept.get(i);
            if (row.cells().size() < width) {
                List<String> padded = new ArrayList<>(row.cells());
                padded.addAll(Collections.nCopies(width - padded.size(), ""));
                kept.set(i, new TextTable.Row(row.line(), padded));
            }
        }
    }

    /** Leading rows whose only text is a cell merged across columns ("Biology test 3, class 9B") are titles. */
    private void dropTitles(List<TextTable.Row> kept) {
        while (kept.size() > 1 && isTitle(kept.get(0))) {
            kept.remove(0);
        }
    }

    private boolean isTitle(TextTable.Row row) {
        int filled = 0;
        int column = -1;
        for (int i = 0; i < row.cells().size(); i++) {
            if (!row.cell(i).isEmpty()) {
                filled++;
                column = i;
            }
        }
        int at = column;
        return filled == 1
                && merges.stream()
                        .anyMatch(merge -> merge.firstRow() == row.line()
                                && merge.firstColumn() == at
                                && merge.lastColumn() > merge.firstColumn());
    }

    /**
     * A first row with cells merged down into the rows below it ("Student" over two rows, "Result" over "Score" and
     * "Comment") is a header of several rows: each column is named by its lowest text among them.
     */
    private void joinHeader(List<TextTable.Row> kept) {
        if (kept.isEmpty()) {
            return;
        }
        TextTable.Row first = kept.get(0);
        int lastRow = merges.stream()
                .filter(merge -> merge.firstRow() == first.line() && merge.lastRow() > merge.firstRow())
                .mapToInt(Merge::lastRow)
                .max()
                .orElse(first.line());
        lastRow = Math.min(lastRow, first.line() + MAX_HEADER_ROWS - 1);
        int headerRows = 1;
        while (headerRows < kept.size() && kept.get(headerRows).line() <= lastRow) {
            headerRows++;
        }
        if (headerRows == 1 || headerRows == kept.size()) {
            return;
        }
        int width = 0;
        for (int i = 0; i < headerRows; i++) {
            width = Math.max(width, kept.get(i).cells().size());
        }
        List<String> names = new ArrayList<>(Collections.nCopies(width, ""));
        for (int i = 0; i < headerRows; i++) {
            TextTable.Row row = kept.get(i);
            for (int column = 0; column < width; column++) {
                if (!row.cell(column).isEmpty()) {
                    names.set(column, row.cell(column));
                }
            }
        }
        int line = kept.get(headerRows - 1).line();
        kept.subList(0, headerRows).clear();
        kept.add(0, new TextTable.Row(line, names));
    }

    /** A name that cannot steer a terminal or flood a label: control characters as "?", at most 100 characters. */
    private static String shown(String name) {
        String cut = name.length() > NAME_CHARS ? name.substring(0, NAME_CHARS) + "…" : name;
        return cut.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?").strip();
    }

    /** "C2" for row 2, column 2 (0-based). */
    static String reference(int row, int column) {
        StringBuilder letters = new StringBuilder();
        for (int rest = column + 1; rest > 0; rest = (rest - 1) / 26) {
            letters.insert(0, (char) ('A' + (rest - 1) % 26));
        }
        return letters.toString() + row;
    }

    /** The 0-based column of an A1 reference ("C2" → 2), or -1 when it has no letters. */
    static int column(String reference) {
        int column = 0;
        int letters = 0;
        for (int i = 0; i < reference.length() && letters < 4; i++) {
            char ch = Character.toUpperCase(reference.charAt(i));
            if (ch < 'A' || ch > 'Z') {
                break;
            }
            column = column * 26 + (ch - 'A' + 1);
            letters++;
        }
        return column - 1;
    }

    /** The 1-based row of an A1 reference ("C2" → 2), or -1 when it has none. */
    static int row(String reference) {
        int start = 0;
        while (start < reference.length() && Character.isLetter(reference.charAt(start))) {
            start++;
        }
        String digits = reference.substring(start);
        if (digits.isEmpty() || digits.length() > 8 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(digits);
    }
}
