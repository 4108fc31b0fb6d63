package org.registrar.assessments.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OpenDocument spreadsheet (.ods: a zip whose content.xml holds every sheet) as a stream with StAX: each
 * table:table is a sheet; repeated rows and cells are expanded only when they hold text; a number, percentage, date
 * or time cell is read from its typed value (office:value, not the text shown); a formula cell as the value the file
 * holds for it; notes (office:annotation) are not cell text. Blocking file I/O. Not thread-safe: one per read.
 */
final class OdsReader {
    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    /** A repeat count beyond a sheet's size (LibreOffice writes 1,048,576 - n for the empty rest of a sheet). */
    private static final int MAX_REPEAT = 1 << 20;

    /** The cells of a row kept to copy it when it repeats. */
    private record Cell(int column, String text, boolean formula, boolean calculated) {}

    private final List<Workbook.Sheet> sheets = new ArrayList<>();
    private final SheetTable.Budget budget = new SheetTable.Budget();
    private final List<Cell> rowCells = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private SheetTable table;
    private int row;
    private int column;
    private int rowsRepeated;
    private int annotation;
    private int paragraphs;
    private int inParagraph;
    private boolean inCell;

    private OdsReader() {}

    static Workbook read(Path file) throws IOException, XMLStreamException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry content = zip.getEntry("content.xml");
            try (InputStream in =
                    WorkbookFile.bounded(zip.getInputStream(content), "content.xml", InputLimits.MAX_UNZIPPED_BYTES)) {
                OdsReader reader = new OdsReader();
                reader.content(WorkbookFile.xml(in));
                return new Workbook(Workbook.Kind.ODS, reader.sheets);
            }
        }
    }

    private void content(XMLStreamReader xml) throws XMLStreamException {
        CellStart cell = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                String space = xml.getNamespaceURI();
                if (TABLE.equals(space)) {
                    switch (name) {
                        case "table" -> startTable(xml);
                        case "table-row" -> startRow(xml);
                        case "table-cell", "covered-table-cell" -> cell = startCell(xml);
                        default -> {}
                    }
                } else if (OFFICE.equals(space) && name.equals("annotation")) {
                    annotation++;
                } else if (TEXT.equals(space) && inCell && annotation == 0) {
                    startText(xml, name);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                String space = xml.getNamespaceURI();
                if (TABLE.equals(space)) {
                    switch (name) {
                        case "table" -> endTable();
                        case "table-row" -> endRow();
                        case "table-cell", "covered-table-cell" -> {
                            if (cell != null) {
                                endCell(cell);
                                cell = null;
                            }
                        }
                        default -> {}
                    }
                } else if (OFFICE.equals(space) && name.equals("annotation")) {
                    annotation--;
                } else if (TEXT.equals(space) && inCell && annotation == 0 && (name.equals("p") || name.equals("h"))) {
                    inParagraph--;
                }
            } else if (inCell
                    && annotation == 0
                    && inParagraph > 0
                    && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                append(xml.getText());
            }
        }
    }

    private void startTable(XMLStreamReader xml) {
        String name = xml.getAttributeValue(TABLE, "name");
        table = new SheetTable(name == null ? "" : name, budget);
        if ("true".equals(xml.getAttributeValue(TABLE, "protected"))) {
            table.locked();
        }
        row = 0;
    }

    private void endTable() {
        if (table != null) {
            sheets.add(table.finish());
            table = null;
        }
    }

    private void startRow(XMLStreamReader xml) {
        row++;
        column = 0;
        rowsRepeated = count(xml.getAttributeValue(TABLE, "number-rows-repeated"));
        rowCells.clear();
    }

    /** A repeated row with text is copied (the table refuses too many rows); an empty one is only counted. */
    private void endRow() {
        if (table == null) {
            return;
        }
        int copies = Math.min(rowsRepeated, InputLimits.MAX_LINES + 1);
        for (int copy = 1; copy < copies && !rowCells.isEmpty(); copy++) {
            for (Cell each : rowCells) {
                table.cell(row + copy, each.column(), each.text(), each.formula(), each.calculated());
            }
        }
        row = (int) Math.min((long) row + rowsRepeated - 1, Integer.MAX_VALUE / 2);
    }

    /** What a cell's start says; its text follows. */
    private record CellStart(
            int repeated, String type, String value, String date, String time, String bool, boolean formula) {}

    private CellStart startCell(XMLStreamReader xml) {
        inCell = true;
        paragraphs = 0;
        inParagraph = 0;
        text.setLength(0);
        int across = count(xml.getAttributeValue(TABLE, "number-columns-spanned"));
        int down = count(xml.getAttributeValue(TABLE, "number-rows-spanned"));
        if (table != null && (across > 1 || down > 1)) {
            table.merged(row, column, row + down - 1, column + across - 1);
        }
        return new CellStart(
                count(xml.getAttributeValue(TABLE, "number-columns-repeated")),
                xml.getAttributeValue(OFFICE, "value-type"),
                xml.getAttributeValue(OFFICE, "value"),
                xml.getAttributeValue(OFFICE, "date-value"),
                xml.getAttributeValue(OFFICE, "time-value"),
                xml.getAttributeValue(OFFICE, "boolean-value"),
                xml.getAttributeValue(TABLE, "formula") != null);
    }

    private void startText(XMLStreamReader xml, String name) {
        switch (name) {
            case "p", "h" -> {
                inParagraph++;
                if (paragraphs++ > 0) {
                    append("\n");
                }
            }
            case "s" -> append(" ".repeat(Math.min(count(xml.getAttributeValue(TEXT, "c")), 100)));
            case "tab" -> append("\t");
            case "line-break" -> append("\n");
            default -> {}
        }
    }

    private void append(String more) {
        if (text.length() + more.length() > InputLimits.MAX_CELL_CHARS && table != null) {
            throw table.cellTooLong(row, column);
        }
        text.append(more);
    }

    private void endCell(CellStart cell) {
        inCell = false;
        String shown = value(cell);
        boolean calculated = cell.type() != null || !shown.isEmpty();
        int copies = cell.repeated();
        if (table == null || shown.isEmpty() && !cell.formula()) {
            column += copies;
            return;
        }
        int first = column;
        for (int at = first; at < first + copies && at <= InputLimits.MAX_CELLS_PER_LINE; at++) {
            table.cell(row, at, shown, cell.formula(), calculated);
            if (rowsRepeated > 1 && rowCells.size() <= InputLimits.MAX_CELLS_PER_LINE) {
                rowCells.add(new Cell(at, shown, cell.formula(), calculated));
            }
        }
        column = (int) Math.min((long) first + copies, Integer.MAX_VALUE / 2);
    }

    /** The typed value as the text a person would type: a number, "85%", a date, a time, TRUE or FALSE. */
    private String value(CellStart cell) {
        String type = cell.type() == null ? "string" : cell.type();
        try {
            return switch (type) {
                case "float", "currency" -> cell.value() == null ? text.toString() : CellText.number(cell.value());
                case "percentage" -> cell.value() == null ? text.toString() : CellText.percent(cell.value());
                case "date" -> cell.date() == null ? text.toString() : date(cell.date());
                case "time" -> cell.time() == null ? text.toString() : time(cell.time());
                case "boolean" -> "true".equals(cell.bool()) ? "TRUE" : "FALSE";
                default -> text.toString();
            };
        } catch (DateTimeParseException | ArithmeticException odd) {
            return text.toString();
        }
    }

    private static String date(String value) {
        if (value.length() > 40) {
            throw new DateTimeParseException("too long", value, 0);
        }
        int time = value.indexOf('T');
        if (time < 0) {
            return CellText.dateTime(LocalDate.parse(value).atStartOfDay(), true, false);
        }
        String seconds = value.length() > 19 ? value.substring(0, 19) : value;
        return CellText.dateTime(LocalDateTime.parse(seconds), true, true);
    }

    private static String time(String value) {
        if (value.length() > 40) {
            throw new DateTimeParseException("too long", value, 0);
        }
        Duration duration = Duration.parse(value);
        return CellText.dateTime(
                LocalDate.of(1899, 12, 30).atStartOfDay().plusMinutes(duration.toMinutes() % (24 * 60)), false, true);
    }

    /** A repeat or span count: 1 when absent or odd, at most {@link #MAX_REPEAT}. */
    private static int count(String attribute) {
        if (attribute == null
                || attribute.isEmpty()
                || attribute.length() > 9
                || !attribute.chars().allMatch(Character::isDigit)) {
            return 1;
        }
        return Math.max(1, Math.min(Integer.parseInt(attribute), MAX_REPEAT));
    }
}
