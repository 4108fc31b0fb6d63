package org.registrar.assessments.input;

/**
 * The bounds every import and paste is read within, so a wrong or hostile file cannot exhaust memory or CPU: one
 * class's results are a few hundred lines of a few short cells, and each limit is far beyond that. They are checked
 * while reading, so reading stops at the first one crossed, and each refusal names its limit.
 */
public final class InputLimits {
    /** Bytes of one file. */
    public static final long MAX_BYTES = 8L * 1024 * 1024;

    /** Lines of one file or paste, whatever ends them (LF, CRLF or CR). */
    public static final int MAX_LINES = 50_000;

    /** Cells on one line: the student, score and comment columns plus whatever else a spreadsheet exports. */
    public static final int MAX_CELLS_PER_LINE = 100;

    /** Cells in all: 50,000 lines of 10 columns. Keeps the parsed table within a few tens of MB. */
    public static final int MAX_CELLS = 500_000;

    /** Characters in one cell: five times the longest comment that can be saved (2,000). */
    public static final int MAX_CELL_CHARS = 10_000;

    /** Characters of a score as typed ("17.5", "85 %", "17,5 / 20"): any longer is refused before it is parsed. */
    public static final int MAX_SCORE_CHARS = 24;

    /** Sheets of one workbook. */
    public static final int MAX_SHEETS = 100;

    /** Entries of a workbook's zip: a workbook has a few dozen parts. */
    public static final int MAX_ZIP_ENTRIES = 10_000;

    /**
     * Bytes one part of a workbook (a sheet, its shared strings, its styles) may unpack to, counted as it is read: an
     * 8 MB file that unpacks to more is a zip bomb, not a class's results.
     */
    public static final long MAX_UNZIPPED_BYTES = 64L * 1024 * 1024;

    private InputLimits() {}
}
