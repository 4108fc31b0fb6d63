package org.registrar.assessments.input;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.registrar.i18n.Messages;

/**
 * Reads a CSV file of results: detects the encoding (UTF-8 with or without BOM, UTF-16 with BOM, else
 * Windows-1252), the delimiter (comma, semicolon or tab), whether the first row is a header, and the likely
 * mapping of columns. Pure and thread-safe.
 */
public final class CsvImport {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char[] DELIMITERS = {'\t', ';', ','};
    private static final int SAMPLE_ROWS = 50;
    private static final Pattern STUDENT_NUMBER = Pattern.compile("(?i)[a-z]*\\d[a-z0-9-]*");
    private static final Pattern NUMERIC = Pattern.compile("[+-]?[0-9.,]+\\s*(%|/\\s*[0-9.,]+)?");
    private static final Set<String> STUDENT_HEADERS = Set.of(
            "student number",
            "student_number",
            "studentnumber",
            "student no",
            "student no.",
            "student nr",
            "student id",
            "student",
            "number",
            "no",
            "nr",
            "id",
            "matricule",
            "email",
            "e-mail",
            "mail",
            "student email",
            "student e-mail");
    private static final Set<String> SCORE_HEADERS =
            Set.of("score", "scores", "points", "mark", "marks", "grade", "result", "punkte", "new score");
    private static final Set<String> COMMENT_HEADERS =
            Set.of("comment", "comments", "remark", "remarks", "note", "notes", "feedback");

    private CsvImport() {}

    /**
     * A read file: its encoding, table and the guessed mapping; {@code doubt} is null unless the file is UTF-8 except
     * for a few bytes (then the user chooses the encoding). A workbook (.xlsx, .ods) has its sheets in
     * {@code workbook} and shows sheet {@code sheet} (0-based) as its table; a CSV file has none. Immutable.
     */
    public record Result(
            Charset charset,
            boolean bom,
            TextTable table,
            ColumnMapping mapping,
            EncodingDoubt doubt,
            Workbook workbook,
            int sheet) {
        public Result(Charset charset, boolean bom, TextTable table, ColumnMapping mapping, EncodingDoubt doubt) {
            this(charset, bom, table, mapping, doubt, null, 0);
        }

        /** A workbook showing sheet {@code index} (0-based), its columns guessed as a CSV file's are. */
        public static Result of(Workbook workbook, int index) {
            TextTable table = workbook.sheets().get(index).table();
            return new Result(StandardCharsets.UTF_8, false, table, guessMapping(table), null, workbook, index);
        }

        /** The same workbook showing another sheet; a CSV file has only its one table. */
        public Result withSheet(int index) {
            if (workbook == null
                    || index == sheet
                    || index < 0
                    || index >= workbook.sheets().size()) {
                return this;
            }
            return of(workbook, index);
        }

        /** The workbook's sheet names, in order; none for a CSV file. */
        public List<String> sheetNames() {
            return workbook == null
                    ? List.of()
                    : workbook.sheets().stream().map(Workbook.Sheet::name).toList();
        }

        /** The sheet named {@code chosen}, else numbered so (1 = the first); -1 when there is none (a CSV file). */
        public int sheetIndex(String chosen) {
            List<String> names = sheetNames();
            int named = names.indexOf(chosen);
            if (named >= 0 || !chosen.strip().matches("\\d{1,4}")) {
                return named;
            }
            int number = Integer.parseInt(chosen.strip());
            return number >= 1 && number <= names.size() ? number - 1 : -1;
        }

        /** What the user should check about the sheet shown: formulas read as their values, a protected sheet. */
        public List<String> warnings() {
            return workbook == null ? List.of() : workbook.sheets().get(sheet).warnings();
        }

        public List<InputRow> rows() {
            return mapping.apply(table);
        }

        /** "UTF-8 with BOM, semicolon-separated, 31 rows"; "Excel workbook (.xlsx), sheet Scores (1 of 3), 31 rows" */
        public String describe() {
            int rows = table.rows().size() - (mapping.header() ? 1 : 0);
            if (workbook != null) {
                return Messages.text(
                        "sheets.describe",
                        workbook.describeKind(),
                        workbook.sheets().get(sheet).name(),
                        sheet + 1,
                        workbook.sheets().size(),
                        rows);
            }
            String delimiter = switch (table.delimiter()) {
                case '\t' -> Messages.text("sheets.csv.tab");
                case ';' -> Messages.text("sheets.csv.semicolon");
                default -> Messages.text("sheets.csv.comma");
            };
            String encoding = bom ? Messages.text("sheets.csv.withBom", charset.displayName()) : charset.displayName();
            return Messages.text("sheets.csv.describe", encoding, delimiter, rows);
        }
    }

    /**
     * A file that is UTF-8 but for {@code bytes} bytes that are not, on {@code lines} (the first few, 1-based): read
     * as UTF-8 those bytes show as �; read as Windows-1252 every accented letter elsewhere would be garbled.
     * Immutable.
     */
    public record EncodingDoubt(int bytes, List<Integer> lines) {
        public EncodingDoubt {
            lines = List.copyOf(lines);
        }

        /** "the file is UTF-8 except for 1 byte on line 4, which shows as �" */
        public String describe() {
            String listed =
                    String.join(", ", lines.stream().map(String::valueOf).toList());
            String where = lines.size() == 1
                    ? Messages.text("messages.import.onLine", lines.get(0))
                    : Messages.text(
                            bytes > lines.size() ? "messages.import.onLinesAndMore" : "messages.import.onLines",
                            listed);
            return Messages.text("messages.import.notQuiteUtf8", bytes, where);
        }
    }

    /** Reads a file's bytes, guessing their encoding. */
    public static Result read(byte[] bytes) {
        return parse(decode(bytes));
    }

    static Result parse(Decoded decoded) {
        String text = decoded.text();
        char delimiter = detectDelimiter(text);
        TextTable table = TextTable.parse(text, delimiter, Messages.text("messages.import.theFile"));
        return new Result(decoded.charset(), decoded.bom(), table, guessMapping(table), decoded.doubt());
    }

    record Decoded(Charset charset, boolean bom, String text, EncodingDoubt doubt) {
        Decoded(Charset charset, boolean bom, String text) {
            this(charset, bom, text, null);
        }
    }

    /** Decodes as {@code charset}, chosen by the user; a BOM of that encoding is skipped. */
    static Decoded decode(byte[] bytes, Charset charset) {
        int skip = 0;
        if (charset.equals(StandardCharsets.UTF_8) && startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
        } else if (charset.equals(StandardCharsets.UTF_16LE) && startsWith(bytes, 0xFF, 0xFE)
                || charset.equals(StandardCharsets.UTF_16BE) && startsWith(bytes, 0xFE, 0xFF)) {
            skip = 2;
        }
        return new Decoded(charset, skip > 0, new String(bytes, skip, bytes.length - skip, charset));
    }

    /**
     * Guesses the encoding: a BOM says it; else valid UTF-8 is UTF-8, and text with no UTF-8 sequence at all but
     * bytes above 127 is Windows-1252 (Excel's "CSV" on Windows). Text that is UTF-8 except for a few bytes is read
     * as UTF-8 with an {@link EncodingDoubt}: the user chooses.
     */
    static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(
                    StandardCharsets.UTF_8, true, new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(
                    StandardCharsets.UTF_16LE, true, new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE));
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(
                    StandardCharsets.UTF_16BE, true, new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE));
        }
        Utf8Scan scan = Utf8Scan.of(bytes);
        if (scan.invalid() == 0) {
            return new Decoded(StandardCharsets.UTF_8, false, new String(bytes, StandardCharsets.UTF_8));
        }
        if (scan.sequences() == 0) {
            return new Decoded(WINDOWS_1252, false, new String(bytes, WINDOWS_1252));
        }
        return new Decoded(
                StandardCharsets.UTF_8,
                false,
                new String(bytes, StandardCharsets.UTF_8),
                new EncodingDoubt(scan.invalid(), scan.lines()));
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The delimiter that splits the first rows into the most consistent number of columns (more than one); on a
     * tie tab, then semicolon (a file with decimal commas uses semicolons), then comma.
     */
    static char detectDelimiter(String text) {
        char best = ',';
        double bestScore = 0;
        for (char candidate : DELIMITERS) {
            double score = consistency(TextTable.sample(text, candidate, SAMPLE_ROWS));
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return bestScore > 0 ? best : mostFrequent(text);
    }

    /** When no delimiter splits the first rows (a single line, one that breaks a limit): the commonest one. */
    private static char mostFrequent(String text) {
        int[] counts = new int[DELIMITERS.length];
        int end = Math.min(text.length(), 65_536);
        for (int i = 0; i < end; i++) {
            for (int d = 0; d < DELIMITERS.length; d++) {
                counts[d] += text.charAt(i) == DELIMITERS[d] ? 1 : 0;
            }
        }
        char best = ',';
        int most = 0;
        for (int d = 0; d < DELIMITERS.length; d++) {
            if (counts[d] > most) {
                best = DELIMITERS[d];
                most = counts[d];
            }
        }
        return best;
    }

    private static double consistency(List<TextTable.Row> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        rows.forEach(row -> counts.merge(row.cells().size(), 1, Integer::sum));
        var mode = counts.entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue())
                .orElseThrow();
        return mode.getKey() <= 1 ? 0 : (double) mode.getValue() / rows.size();
    }

    /** Header names first; without a header, the content of the columns. */
    static ColumnMapping guessMapping(TextTable table) {
        if (table.rows().isEmpty()) {
            return new ColumnMapping(0, ColumnMapping.NONE, ColumnMapping.NONE, false);
        }
        List<String> first = table.rows().get(0).cells();
        int student = headerIndex(first, STUDENT_HEADERS);
        int score = headerIndex(first, SCORE_HEADERS);
        int comment = headerIndex(first, COMMENT_HEADERS);
        boolean header = student >= 0 || score >= 0 || comment >= 0 || !looksLikeData(table, first);
        if (student < 0) {
            student = contentColumn(table, header, ColumnMapping.NONE, true);
        }
        if (score < 0) {
            score = contentColumn(table, header, student, false);
        }
        return new ColumnMapping(Math.max(student, 0), score, comment, header);
    }

    private static int headerIndex(List<String> cells, Set<String> names) {
        for (int i = 0; i < cells.size(); i++) {
            if (names.contains(cells.get(i)
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replace('_', ' ')
                    .replace("  ", " "))) {
                return i;
            }
        }
        return ColumnMapping.NONE;
    }

    private static boolean looksLikeData(TextTable table, List<String> first) {
        return first.stream().anyMatch(cell -> cell.contains("@") || isStudentNumber(cell) || isNumeric(cell));
    }

    private static int contentColumn(TextTable table, boolean header, int skip, boolean studentColumn) {
        int columns = table.columns();
        for (int column = 0; column < columns; column++) {
            if (column == skip) {
                continue;
            }
            int matching = 0;
            int filled = 0;
            for (int i = header ? 1 : 0; i < table.rows().size(); i++) {
                String cell = table.rows().get(i).cell(column);
                if (cell.isBlank()) {
                    continue;
                }
                filled++;
                boolean match = studentColumn ? cell.contains("@") || isStudentNumber(cell) : isScoreLike(cell);
                matching += match ? 1 : 0;
            }
            if (filled > 0 && matching * 2 > filled) {
                return column;
            }
        }
        return ColumnMapping.NONE;
    }

    private static boolean isStudentNumber(String cell) {
        return STUDENT_NUMBER.matcher(cell).matches() && cell.chars().anyMatch(Character::isLetter);
    }

    private static boolean isNumeric(String cell) {
        return NUMERIC.matcher(cell.strip()).matches();
    }

    private static boolean isScoreLike(String cell) {
        ParsedScore.Kind kind =
                ScoreText.parse(cell, BigDecimal.valueOf(1_000_000)).kind();
        return kind == ParsedScore.Kind.VALUE || kind == ParsedScore.Kind.EXCUSED || isNumeric(cell);
    }
}
