package org.registrar.assessments.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * Reads an .xlsx workbook as a stream (Apache POI's {@link XSSFReader} finds the parts; each sheet's XML is read
 * with StAX, never as a whole workbook in memory): the shared strings the cells use ({@link SharedStrings}), the
 * number formats of the cell styles (dates and percentages), then each sheet's cells into a {@link SheetTable}. A
 * formula cell is read as the value the file holds for it. Blocking file I/O. Not thread-safe: one per read.
 */
final class XlsxReader {
    private final SharedStrings strings;
    private final List<Integer> styleFormats;
    private final Map<Integer, String> customFormats;
    private final boolean date1904;
    private final Map<Integer, Shown> formats = new HashMap<>();

    private XlsxReader(
            SharedStrings strings, List<Integer> styleFormats, Map<Integer, String> customFormats, boolean date1904) {
        this.strings = strings;
        this.styleFormats = styleFormats;
        this.customFormats = customFormats;
        this.date1904 = date1904;
    }

    static Workbook read(Path file) throws IOException, XMLStreamException {
        OPCPackage workbook;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException broken) {
            throw new IOException(broken.getMessage(), broken);
        }
        try {
            XSSFReader parts = new XSSFReader(workbook);
            List<Integer> styleFormats = new ArrayList<>();
            Map<Integer, String> customFormats = new HashMap<>();
            for (PackagePart part : workbook.getPartsByContentType(XSSFRelation.STYLES.getContentType())) {
                styles(part, styleFormats, customFormats);
            }
            SharedStrings strings = SharedStrings.usedBy(parts);
            for (PackagePart part : workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
                strings.read(part);
            }
            XlsxReader reader = new XlsxReader(strings, styleFormats, customFormats, date1904(parts));
            SheetTable.Budget budget = new SheetTable.Budget();
            List<Workbook.Sheet> sheets = new ArrayList<>();
            XSSFReader.SheetIterator each = (XSSFReader.SheetIterator) parts.getSheetsData();
            while (each.hasNext()) {
                try (InputStream in = each.next()) {
                    String name = each.getSheetName();
                    SheetTable table = new SheetTable(name, budget);
                    reader.sheet(WorkbookFile.bounded(in, name, InputLimits.MAX_UNZIPPED_BYTES), table);
                    sheets.add(table.finish());
                }
            }
            return new Workbook(Workbook.Kind.XLSX, sheets);
        } catch (OpenXML4JException broken) {
            throw new IOException(broken.getMessage(), broken);
        } finally {
            workbook.revert();
        }
    }

    private static boolean date1904(XSSFReader parts) throws IOException, OpenXML4JException, XMLStreamException {
        try (InputStream in = WorkbookFile.bounded(parts.getWorkbookData(), "workbook.xml", 8 * 1024 * 1024)) {
            XMLStreamReader xml = WorkbookFile.xml(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT
                        && xml.getLocalName().equals("workbookPr")) {
                    String value = xml.getAttributeValue(null, "date1904");
                    return "1".equals(value) || "true".equals(value);
                }
            }
            return false;
        }
    }

    /** The number format of each cell style (cellXfs, in order) and the workbook's own format codes. */
    private static void styles(PackagePart part, List<Integer> styleFormats, Map<Integer, String> customFormats)
            throws IOException, XMLStreamException {
        try (InputStream in =
                WorkbookFile.bounded(part.getInputStream(), "styles.xml", InputLimits.MAX_UNZIPPED_BYTES)) {
            XMLStreamReader xml = WorkbookFile.xml(in);
            boolean cellXfs = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "numFmt" ->
                            customFormats.put(
                                    integer(xml.getAttributeValue(null, "numFmtId")),
                                    xml.getAttributeValue(null, "formatCode"));
                        case "cellXfs" -> cellXfs = true;
                        case "xf" -> {
                            if (cellXfs) {
                                styleFormats.add(integer(xml.getAttributeValue(null, "numFmtId")));
                            }
                        }
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && xml.getLocalName().equals("cellXfs")) {
                    cellXfs = false;
                }
            }
        }
    }

    /** One sheet's cells, merged ranges and protection. */
    private void sheet(InputStream in, SheetTable table) throws XMLStreamException {
        XMLStreamReader xml = WorkbookFile.xml(in);
        Cell cell = new Cell();
        int row = 0;
        int nextColumn = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "row" -> {
                        int number = integer(xml.getAttributeValue(null, "r"));
                        row = number > 0 ? number : row + 1;
                        nextColumn = 0;
                    }
                    case "c" -> {
                        cell.start(xml, row, nextColumn);
                    }
                    case "f" -> cell.formula = true;
                    case "v" -> cell.into = cell.value;
                    case "t" -> cell.into = cell.inline ? cell.value : null;
                    case "is" -> cell.inline = true;
                    case "rPh" -> cell.into = null;
                    case "mergeCell" -> merged(xml.getAttributeValue(null, "ref"), table);
                    case "sheetProtection" -> {
                        String locked = xml.getAttributeValue(null, "sheet");
                        if ("1".equals(locked) || "true".equals(locked)) {
                            table.locked();
                        }
                    }
                    default -> {}
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v", "t" -> cell.into = null;
                    case "c" -> {
                        table.cell(cell.row, cell.column, text(cell), cell.formula, cell.value.length() > 0);
                        nextColumn = cell.column + 1;
                    }
                    default -> {}
                }
            } else if (cell.into != null
                    && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                if (cell.into.length() + xml.getTextLength() > InputLimits.MAX_CELL_CHARS) {
                    throw table.cellTooLong(cell.row, cell.column);
                }
                cell.into.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
        }
    }

    /** The cell being read. */
    private static final class Cell {
        final StringBuilder value = new StringBuilder();
        StringBuilder into;
        int row;
        int column;
        String type;
        int style;
        boolean formula;
        boolean inline;

        void start(XMLStreamReader xml, int currentRow, int nextColumn) {
            String reference = xml.getAttributeValue(null, "r");
            int at = reference == null ? -1 : SheetTable.column(reference);
            row = currentRow;
            column = at >= 0 ? at : nextColumn;
            type = xml.getAttributeValue(null, "t");
            style = integer(xml.getAttributeValue(null, "s"));
            formula = false;
            inline = false;
            into = null;
            value.setLength(0);
        }
    }

    private String text(Cell cell) {
        String value = cell.value.toString();
        if (value.isEmpty()) {
            return "";
        }
        String type = cell.type == null ? "n" : cell.type;
        return switch (type) {
            case "s" -> {
                yield strings.get(integer(value.strip()));
            }
            case "b" -> "1".equals(value.strip()) ? "TRUE" : "FALSE";
            case "n" -> number(value, cell.style);
            default -> value;
        };
    }

    /** What a number format shows: a date (with a date part, a time part), a percentage, or the number. */
    private record Shown(boolean date, boolean datePart, boolean timePart, boolean percent) {}

    /** A number as its format shows it: a date, a percentage, or the number itself. */
    private String number(String value, int style) {
        int id = style >= 0 && style < styleFormats.size() ? styleFormats.get(style) : 0;
        Shown shown = formats.computeIfAbsent(id, this::shown);
        if (shown.date()) {
            try {
                double serial = Double.parseDouble(value);
                if (DateUtil.isValidExcelDate(serial)) {
                    return CellText.dateTime(
                            DateUtil.getLocalDateTime(serial, date1904),
                            shown.datePart() || serial >= 1,
                            shown.timePart());
                }
            } catch (NumberFormatException notANumber) {
                return value;
            }
        }
        return shown.percent() ? CellText.percent(value) : CellText.number(value);
    }

    /** Worked out once per format (a regular expression per cell would cost more than the read). */
    private Shown shown(int id) {
        String format = id < 0
                ? null
                : customFormats.containsKey(id) ? customFormats.get(id) : BuiltinFormats.getBuiltinFormat(id);
        if (format == null) {
            return new Shown(false, false, false, false);
        }
        String unquoted = format.toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"", "");
        String bare = unquoted.replaceAll("\\[[^]]*]", "");
        return new Shown(
                DateUtil.isADateFormat(id, format),
                bare.contains("y") || bare.contains("d"),
                bare.contains("h") || bare.contains("s"),
                unquoted.contains("%"));
    }

    private static void merged(String range, SheetTable table) {
        if (range == null || !range.contains(":")) {
            return;
        }
        String[] ends = range.split(":", 2);
        int firstRow = SheetTable.row(ends[0]);
        int lastRow = SheetTable.row(ends[1]);
        int firstColumn = SheetTable.column(ends[0]);
        int lastColumn = SheetTable.column(ends[1]);
        if (firstRow > 0 && lastRow >= firstRow && firstColumn >= 0 && lastColumn >= firstColumn) {
            table.merged(firstRow, firstColumn, lastRow, lastColumn);
        }
    }

    /** A small non-negative integer attribute, or -1. */
    static int integer(String text) {
        if (text == null || text.isEmpty() || text.length() > 9) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char digit = text.charAt(i);
            if (digit < '0' || digit > '9') {
                return -1;
            }
            value = value * 10 + (digit - '0');
        }
        return value;
    }
}
