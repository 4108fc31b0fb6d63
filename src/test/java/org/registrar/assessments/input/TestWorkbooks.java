package org.registrar.assessments.input;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks written for tests: .xlsx through Apache POI's ordinary (in-memory) writer, .ods as the zip of XML that
 * LibreOffice writes, built from a fragment of table:table elements.
 */
public final class TestWorkbooks {
    private TestWorkbooks() {}

    /** Writes {@code workbook} to {@code file} and closes it. */
    public static Path xlsx(Path file, XSSFWorkbook workbook) throws IOException {
        try (workbook;
                OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    /** Fills a row with text and numbers (a Number cell is numeric, anything else text; null leaves it blank). */
    public static Row row(Sheet sheet, int index, Object... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (cells[i] != null) {
                row.createCell(i).setCellValue(String.valueOf(cells[i]));
            }
        }
        return row;
    }

    /** An .ods file whose content.xml body holds {@code tables} (table:table elements). */
    public static Path ods(Path file, String tables) throws IOException {
        return ods(file, tables, "");
    }

    /** As {@link #ods(Path, String)}, with {@code manifestExtra} inside the manifest's file entry of content.xml. */
    public static Path ods(Path file, String tables, String manifestExtra) throws IOException {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<office:document-content"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                + " xmlns:of=\"urn:oasis:names:tc:opendocument:xmlns:of:1.2\" office:version=\"1.3\">"
                + "<office:body><office:spreadsheet>" + tables + "</office:spreadsheet></office:body>"
                + "</office:document-content>";
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                + " manifest:version=\"1.3\">"
                + "<manifest:file-entry manifest:full-path=\"/\""
                + " manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">"
                + manifestExtra + "</manifest:file-entry></manifest:manifest>";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            byte[] mime = WorkbookFile.ODS_MIME.getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mime.length);
            CRC32 crc = new CRC32();
            crc.update(mime);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mime);
            zip.closeEntry();
            put(zip, "content.xml", content);
            put(zip, "META-INF/manifest.xml", manifest);
        }
        return file;
    }

    /** A table:table named {@code name} with {@code rows} (table:table-row elements). */
    public static String table(String name, String rows) {
        return "<table:table table:name=\"" + name + "\">" + rows + "</table:table>";
    }

    /** A row of string cells, blank for null. */
    public static String textRow(String... cells) {
        StringBuilder row = new StringBuilder("<table:table-row>");
        for (String cell : cells) {
            row.append(
                    cell == null
                            ? "<table:table-cell/>"
                            : "<table:table-cell office:value-type=\"string\"><text:p>" + cell
                                    + "</text:p></table:table-cell>");
        }
        return row.append("</table:table-row>").toString();
    }

    /** A numeric cell as LibreOffice writes it: the typed value and the text it shows. */
    public static String number(String value, String shown) {
        return "<table:table-cell office:value-type=\"float\" office:value=\"" + value + "\"><text:p>" + shown
                + "</text:p></table:table-cell>";
    }

    public static String text(String value) {
        return "<table:table-cell office:value-type=\"string\"><text:p>" + value + "</text:p></table:table-cell>";
    }

    /** Writes a part's XML to a stream, so a test can write one far larger than it keeps in memory. */
    public interface PartWriter {
        void write(OutputStream out) throws IOException;
    }

    /**
     * An .xlsx written by hand, as the smallest workbook Excel opens: one sheet "Scores" whose worksheet XML is
     * {@code sheetData} (the rows inside sheetData) and a shared-strings part written by {@code sharedStrings}.
     */
    public static Path xlsxByHand(Path file, String sheetData, PartWriter sharedStrings) throws IOException {
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        String type = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            put(
                    zip,
                    "[Content_Types].xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Default Extension=\"rels\""
                            + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + type + "sheet.main+xml\"/>"
                            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + type
                            + "worksheet+xml\"/>"
                            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" + type
                            + "sharedStrings+xml\"/></Types>");
            put(
                    zip,
                    "_rels/.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "<Relationship Id=\"rId1\" Type=\"" + relations + "/officeDocument\""
                            + " Target=\"xl/workbook.xml\"/></Relationships>");
            put(
                    zip,
                    "xl/workbook.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + relations + "\">"
                            + "<sheets><sheet name=\"Scores\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(
                    zip,
                    "xl/_rels/workbook.xml.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "<Relationship Id=\"rId1\" Type=\"" + relations + "/worksheet\""
                            + " Target=\"worksheets/sheet1.xml\"/>"
                            + "<Relationship Id=\"rId2\" Type=\"" + relations + "/sharedStrings\""
                            + " Target=\"sharedStrings.xml\"/></Relationships>");
            put(
                    zip,
                    "xl/worksheets/sheet1.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + "<worksheet xmlns=\"" + main + "\"><sheetData>"
                            + sheetData + "</sheetData></worksheet>");
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            sharedStrings.write(zip);
            zip.closeEntry();
        }
        return file;
    }

    static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
