package org.registrar.assessments.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.registrar.i18n.Messages;

/**
 * The shared strings of an .xlsx workbook that its cells use, and only those. The shared-strings part is bounded in
 * bytes, not in strings: 64 MB of one-letter strings no cell names would be a few million Java strings (hundreds of
 * MB). So the sheets are read first for the indexes their text cells name (at most {@link InputLimits#MAX_CELLS}
 * different ones, or the workbook is refused), then the part is read keeping only the strings at those indexes, each
 * cut just past the limit of a cell (a cell that uses it is then refused). Memory follows the cells, not the part.
 * Blocking file I/O. Not thread-safe: one per read.
 */
final class SharedStrings {
    /** The indexes the cells use, sorted, each once. */
    private final int[] used;

    private final String[] texts;
    /** The index of the next string of the part being read (counted on over several parts). */
    private int next;
    /** Where in {@link #used} the next string may be. */
    private int cursor;

    private SharedStrings(int[] used) {
        this.used = used;
        this.texts = new String[used.length];
    }

    /** Reads the sheets of {@code parts} for the shared strings their cells use; none is read yet. */
    static SharedStrings usedBy(XSSFReader parts) throws IOException, OpenXML4JException, XMLStreamException {
        Indexes found = new Indexes();
        int sheets = 0;
        XSSFReader.SheetIterator each = (XSSFReader.SheetIterator) parts.getSheetsData();
        while (each.hasNext()) {
            try (InputStream in = each.next()) {
                if (++sheets > InputLimits.MAX_SHEETS) {
                    throw new CsvFile.Refused(Messages.text("sheets.tooManySheets", InputLimits.MAX_SHEETS));
                }
                collect(
                        WorkbookFile.xml(WorkbookFile.bounded(in, each.getSheetName(), InputLimits.MAX_UNZIPPED_BYTES)),
                        found);
            }
        }
        return new SharedStrings(found.sorted());
    }

    /** The indexes named by the cells of type "s" (a shared string) of one sheet. */
    private static void collect(XMLStreamReader xml, Indexes found) throws XMLStreamException {
        boolean shared = false;
        boolean inValue = false;
        StringBuilder value = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "c" -> shared = "s".equals(xml.getAttributeValue(null, "t"));
                    case "v" -> {
                        inValue = shared;
                        value.setLength(0);
                    }
                    default -> {}
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (inValue && xml.getLocalName().equals("v")) {
                    inValue = false;
                    int index = XlsxReader.integer(value.toString().strip());
                    if (index >= 0) {
                        found.add(index);
                    }
                }
            } else if (inValue && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                // an index has at most 9 digits (XlsxReader.integer): more text is no index, and is not kept
                int room = 12 - value.length();
                value.append(
                        xml.getTextCharacters(), xml.getTextStart(), Math.max(0, Math.min(room, xml.getTextLength())));
            }
        }
    }

    /** Reads one shared-strings part, keeping the strings the cells use. */
    void read(PackagePart part) throws IOException, XMLStreamException {
        try (InputStream in =
                WorkbookFile.bounded(part.getInputStream(), "sharedStrings.xml", InputLimits.MAX_UNZIPPED_BYTES)) {
            XMLStreamReader xml = WorkbookFile.xml(in);
            StringBuilder text = new StringBuilder();
            int keep = -1;
            boolean inText = false;
            int phonetic = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> {
                            keep = position(next);
                            text.setLength(0);
                        }
                        case "t" -> inText = phonetic == 0;
                        case "rPh" -> phonetic++;
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> {
                            if (keep >= 0) {
                                texts[keep] = text.toString();
                            }
                            keep = -1;
                            next++;
                        }
                        case "t" -> inText = false;
                        case "rPh" -> phonetic--;
                        default -> {}
                    }
                } else if (keep >= 0
                        && inText
                        && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                    int room = InputLimits.MAX_CELL_CHARS + 1 - text.length();
                    text.append(
                            xml.getTextCharacters(),
                            xml.getTextStart(),
                            Math.max(0, Math.min(room, xml.getTextLength())));
                }
            }
        }
    }

    /** Where string {@code index} is kept, or -1 when no cell uses it (the strings come in order of index). */
    private int position(int index) {
        while (cursor < used.length && used[cursor] < index) {
            cursor++;
        }
        return cursor < used.length && used[cursor] == index ? cursor : -1;
    }

    /** The string at {@code index}, or "" when the part has none there. */
    String get(int index) {
        int at = Arrays.binarySearch(used, index);
        return at >= 0 && texts[at] != null ? texts[at] : "";
    }

    /** How many strings are kept: as many as the cells use, whatever the part holds. */
    int kept() {
        return used.length;
    }

    /** Indexes gathered in a growing array, sorted and made distinct whenever it fills. */
    private static final class Indexes {
        private int[] values = new int[1024];
        private int size;

        void add(int index) {
            if (size == values.length) {
                distinct();
                if (size * 2 > values.length) {
                    values = Arrays.copyOf(values, values.length * 2);
                }
            }
            values[size++] = index;
        }

        int[] sorted() {
            distinct();
            return Arrays.copyOf(values, size);
        }

        private void distinct() {
            Arrays.sort(values, 0, size);
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (kept == 0 || values[kept - 1] != values[i]) {
                    values[kept++] = values[i];
                }
            }
            size = kept;
            if (size > InputLimits.MAX_CELLS) {
                throw new CsvFile.Refused(Messages.text("sheets.tooManyTexts", InputLimits.MAX_CELLS));
            }
        }
    }
}
