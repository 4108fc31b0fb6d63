package org.registrar.assessments.input;

import java.util.ArrayList;
import java.util.List;
import org.registrar.i18n.Messages;

/**
 * A spreadsheet file read for import: its kind and every sheet, in the workbook's order, each read as the table a CSV
 * file of it would give. Immutable.
 */
public record Workbook(Kind kind, List<Sheet> sheets) {
    /** How many formula cells a warning names before it says how many more there are. */
    private static final int CELLS_NAMED = 6;

    /** The formats read. */
    public enum Kind {
        XLSX,
        ODS
    }

    /**
     * One sheet: its name, its table (empty rows skipped, a merged title row dropped, a header of several rows
     * joined), the cells that hold formulas (A1 references; {@code formulaCount} of them in all, the first few named),
     * those of them with no calculated value, and whether the sheet is protected (it is read all the same).
     */
    public record Sheet(
            String name,
            TextTable table,
            List<String> formulas,
            int formulaCount,
            List<String> uncalculated,
            boolean locked) {
        public Sheet {
            formulas = List.copyOf(formulas);
            uncalculated = List.copyOf(uncalculated);
        }

        /** Sentences for the preview and the command line: formulas read as their values, uncalculated ones. */
        public List<String> warnings() {
            List<String> warnings = new ArrayList<>();
            if (formulaCount > 0) {
                warnings.add(Messages.text("sheets.formulas", formulaCount, cells(formulas, formulaCount)));
            }
            if (!uncalculated.isEmpty()) {
                warnings.add(Messages.text(
                        "sheets.uncalculated", uncalculated.size(), cells(uncalculated, uncalculated.size())));
            }
            if (locked) {
                warnings.add(Messages.text("sheets.locked", name));
            }
            return warnings;
        }
    }

    public Workbook {
        sheets = List.copyOf(sheets);
    }

    /** The kind as the user knows it: "Excel workbook (.xlsx)". */
    public String describeKind() {
        return kind == Kind.XLSX ? Messages.text("sheets.kind.xlsx") : Messages.text("sheets.kind.ods");
    }

    /** "C2, C3, C4, C5, C6, C7 and 4 more" */
    static String cells(List<String> named, int count) {
        List<String> shown = named.subList(0, Math.min(CELLS_NAMED, named.size()));
        String list = String.join(", ", shown);
        if (count > shown.size()) {
            return Messages.text("sheets.cellsAndMore", list, count - shown.size());
        }
        if (shown.size() < 2) {
            return list;
        }
        return Messages.text(
                "sheets.cellsAnd", String.join(", ", shown.subList(0, shown.size() - 1)), shown.get(shown.size() - 1));
    }
}
