package org.registrar.assessments.input;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

    /** A read file: its encoding, table and the guessed mapping. Immutable. */
    public record Result(Charset charset, boolean bom, TextTable table, ColumnMapping mapping) {
        public List<InputRow> rows() {
            return mapping.apply(table);
        }

        /** "UTF-8 with BOM, semicolon-separated, 31 rows" */
        public String describe() {
            String delimiter =
                    switch (table.delimiter()) {
                        case '\t' -> "tab";
                        case ';' -> "semicolon";
                        default -> "comma";
                    };
            int rows = table.rows().size() - (mapping.header() ? 1 : 0);
            return charset.displayName() + (bom ? " with BOM" : "") + ", " + delimiter + "-separated, " + rows
                    + (rows == 1 ? " row" : " rows");
        }
    }

    /** Reads a file's bytes. */
    public static Result read(byte[] bytes) {
        return parse(decode(bytes));
    }

    static Result parse(Decoded decoded) {
        String text = decoded.text();
        char delimiter = detectDelimiter(text);
        TextTable table = TextTable.parse(text, delimiter);
        return new Result(decoded.charset(), decoded.bom(), table, guessMapping(table));
    }

    record Decoded(Charset charset, boolean bom, String text) {}

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
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new Decoded(StandardCharsets.UTF_8, false, text);
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(WINDOWS_1252, false, new String(bytes, WINDOWS_1252));
        }
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
        String sample = firstLines(text, SAMPLE_ROWS);
        char best = ',';
        double bestScore = -1;
        for (char candidate : DELIMITERS) {
            double score = consistency(sample, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static double consistency(String sample, char delimiter) {
        List<TextTable.Row> rows;
        try {
            rows = TextTable.parse(sample, delimiter).rows();
        } catch (TextTable.MalformedInputException broken) {
            return 0;
        }
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

    private static String firstLines(String text, int lines) {
        int index = 0;
        for (int seen = 0; seen < lines && index >= 0; seen++) {
            index = text.indexOf('\n', index + 1);
        }
        return index < 0 ? text : text.substring(0, index);
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
