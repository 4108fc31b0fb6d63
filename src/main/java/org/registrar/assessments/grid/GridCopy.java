package org.registrar.assessments.grid;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A block of cells as a spreadsheet puts it on the clipboard: one line per row ({@code \n}), cells apart by tabs, a
 * cell holding a tab, a line break or a quote written in quotes with its quotes doubled (as Excel does). Excel,
 * LibreOffice, Google Sheets and the grid's own paste read it back cell for cell. Pure and thread-safe.
 */
public final class GridCopy {
    private GridCopy() {}

    /** The block as tab-separated text, rows in order, no line break after the last. */
    public static String tsv(List<List<String>> block) {
        return block.stream()
                .map(row -> row.stream().map(GridCopy::cell).collect(Collectors.joining("\t")))
                .collect(Collectors.joining("\n"));
    }

    /** One cell: as it is, or quoted when it holds a tab, a line break or a quote. Null is an empty cell. */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        if (text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('"') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
