package org.registrar.assessments.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A block pasted from Excel, LibreOffice or Google Sheets (tab-separated, quoted cells where needed). When one of
 * its columns holds student numbers or e-mail addresses of the cohort, its rows are {@link #keyed()} and matched by
 * student; otherwise its cells are placed by position from the selected cell. Immutable.
 *
 * @param keyedRows for a keyed block: one input row per pasted line (line = line in the block)
 * @param cells for a positional block: the cells, row by row
 */
public record PasteBlock(boolean keyed, List<InputRow> keyedRows, List<List<String>> cells) {
    public PasteBlock {
        keyedRows = List.copyOf(keyedRows);
        cells = cells.stream().map(List::copyOf).toList();
    }

    /** Reads {@code text}; {@code roster} recognises the cohort's students. */
    public static PasteBlock parse(String text, InputValidator roster) {
        String normal = text.endsWith("\n") ? text : text + "\n";
        TextTable table = TextTable.parse(normal, '\t');
        int key = keyColumn(table, roster);
        if (key < 0) {
            return new PasteBlock(
                    false,
                    List.of(),
                    table.rows().stream().map(TextTable.Row::cells).toList());
        }
        boolean header =
                !table.rows().isEmpty() && !studentLike(table.rows().get(0).cell(key), roster);
        ColumnMapping byHeader = header ? CsvImport.guessMapping(table) : null;
        int score = byHeader != null && byHeader.score() >= 0 && byHeader.score() != key
                ? byHeader.score()
                : scoreColumn(table, key, header);
        if (score < 0) {
            score = key + 1 < table.columns() ? key + 1 : ColumnMapping.NONE;
        }
        int comment = byHeader != null && byHeader.comment() >= 0
                ? byHeader.comment()
                : score >= 0 && score + 1 < table.columns() && score + 1 != key ? score + 1 : ColumnMapping.NONE;
        List<InputRow> rows = new ColumnMapping(key, score, comment, header).apply(table);
        return new PasteBlock(true, rows, List.of());
    }

    private static int keyColumn(TextTable table, InputValidator roster) {
        for (int column = 0; column < table.columns(); column++) {
            int students = 0;
            int filled = 0;
            for (TextTable.Row row : table.rows()) {
                String cell = row.cell(column);
                if (!cell.isBlank()) {
                    filled++;
                    students += studentLike(cell, roster) ? 1 : 0;
                }
            }
            if (students > 0 && students * 2 >= filled) {
                return column;
            }
        }
        return ColumnMapping.NONE;
    }

    private static boolean studentLike(String cell, InputValidator roster) {
        String strip = cell.strip();
        return roster.find(strip) != null
                || strip.contains("@") && !strip.contains(" ")
                || strip.matches("(?i)[a-z]+-?\\d{3,}[a-z0-9-]*");
    }

    private static int scoreColumn(TextTable table, int key, boolean header) {
        for (int column = 0; column < table.columns(); column++) {
            if (column == key) {
                continue;
            }
            int scores = 0;
            int filled = 0;
            for (int i = header ? 1 : 0; i < table.rows().size(); i++) {
                String cell = table.rows().get(i).cell(column);
                if (!cell.isBlank()) {
                    filled++;
                    scores += looksLikeScore(cell) ? 1 : 0;
                }
            }
            if (filled > 0 && scores * 2 > filled) {
                return column;
            }
        }
        return ColumnMapping.NONE;
    }

    private static boolean looksLikeScore(String cell) {
        String lower = cell.strip().toLowerCase(Locale.ROOT);
        return lower.matches("[-+]?[0-9.,]+\\s*(%|/\\s*[0-9.,]+)?") || lower.equals("ex") || lower.equals("excused");
    }

    /** The positional cells as they land from the selected row: row offsets, then columns. */
    public List<List<String>> positional() {
        return new ArrayList<>(cells);
    }
}
