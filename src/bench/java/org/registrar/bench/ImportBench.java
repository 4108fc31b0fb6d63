package org.registrar.bench;

import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.registrar.assessments.input.CsvFile;
import org.registrar.assessments.input.CsvImport;

/**
 * Issue 19: a 10,000-row file read to the import preview (the table, the guessed mapping and the sheet list, all that
 * the preview shows) as .xlsx (streamed), .ods (streamed) and CSV for comparison. Rows: file, rows, median_ms,
 * p90_ms, allocated_mb (bytes this thread allocated during one read: garbage included, so an upper bound on what the
 * read holds), retained_mb (heap still used after a GC while the result is held), file_kb. Needs no server.
 */
public final class ImportBench implements BenchScenario {
    private static final int ROWS = 10_000;

    @Override
    public String name() {
        return "import";
    }

    @Override
    public boolean needsServer() {
        return false;
    }

    @Override
    public boolean needsDemoSchool() {
        return false;
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        int repetitions = Math.max(5, context.repetitions());
        Path folder = Files.createTempDirectory("registrar-import-bench");
        BenchResult result =
                new BenchResult(name(), "file", "rows", "median_ms", "p90_ms", "allocated_mb", "retained_mb", "file_kb");
        try {
            measure(result, repetitions, xlsx(folder.resolve("scores.xlsx")));
            measure(result, repetitions, ods(folder.resolve("scores.ods")));
            measure(result, repetitions, csv(folder.resolve("scores.csv")));
        } finally {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(folder);
        }
        return result.note(String.format(
                "%,d rows of student number, score (7.5, 12.25 …) and comment; %d repetitions after one warm-up"
                        + " read; CsvFile.read as the screen and import-results call it. Load average at the start: %.2f.",
                ROWS,
                repetitions,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    private static void measure(BenchResult result, int repetitions, Path file) throws IOException {
        CsvImport.Result warm = CsvFile.read(file);
        double[] millis = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            CsvFile.read(file);
            millis[i] = Measurements.since(start);
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        warm = null;
        System.gc();
        long before = usedHeap();
        long allocatedBefore = threads.getThreadAllocatedBytes(id);
        CsvImport.Result held = CsvFile.read(file);
        long allocated = threads.getThreadAllocatedBytes(id) - allocatedBefore;
        System.gc();
        long retained = usedHeap() - before;
        result.row(
                file.getFileName().toString(),
                held.rows().size(),
                Measurements.median(millis),
                Measurements.percentile(millis, 90),
                Math.round(allocated / 1024.0 / 1024.0 * 10) / 10.0,
                Math.round(Math.max(0, retained) / 1024.0 / 1024.0 * 10) / 10.0,
                Files.size(file) / 1024);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String score(int i) {
        return (i % 20) + (i % 4 == 0 ? ".5" : i % 4 == 1 ? ".25" : "");
    }

    private static Path xlsx(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Scores");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Student number");
            header.createCell(1).setCellValue("Score");
            header.createCell(2).setCellValue("Comment");
            for (int i = 1; i <= ROWS; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(String.format("S%07d", i));
                row.createCell(1).setCellValue(Double.parseDouble(score(i)));
                row.createCell(2).setCellValue("Comment " + i);
            }
            workbook.write(out);
        }
        return file;
    }

    private static Path ods(Path file) throws IOException {
        StringBuilder content = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>"
                + "<table:table table:name=\"Scores\">");
        content.append(row("<text:p>Student number</text:p>", "<text:p>Score</text:p>", "<text:p>Comment</text:p>"));
        for (int i = 1; i <= ROWS; i++) {
            content.append("<table:table-row>")
                    .append(textCell(String.format("S%07d", i)))
                    .append("<table:table-cell office:value-type=\"float\" office:value=\"")
                    .append(score(i))
                    .append("\"><text:p>")
                    .append(score(i))
                    .append("</text:p></table:table-cell>")
                    .append(textCell("Comment " + i))
                    .append("</table:table-row>");
        }
        content.append("</table:table></office:spreadsheet></office:body></office:document-content>");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write("application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    private static String row(String... paragraphs) {
        StringBuilder row = new StringBuilder("<table:table-row>");
        for (String paragraph : paragraphs) {
            row.append("<table:table-cell office:value-type=\"string\">")
                    .append(paragraph)
                    .append("</table:table-cell>");
        }
        return row.append("</table:table-row>").toString();
    }

    private static String textCell(String text) {
        return "<table:table-cell office:value-type=\"string\"><text:p>" + text + "</text:p></table:table-cell>";
    }

    private static Path csv(Path file) throws IOException {
        StringBuilder text = new StringBuilder("Student number,Score,Comment\n");
        for (int i = 1; i <= ROWS; i++) {
            text.append(String.format("S%07d", i))
                    .append(',')
                    .append(score(i))
                    .append(",Comment ")
                    .append(i)
                    .append('\n');
        }
        Files.writeString(file, text);
        return file;
    }
}
