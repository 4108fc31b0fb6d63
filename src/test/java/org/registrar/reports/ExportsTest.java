package org.registrar.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PDF, .xlsx and CSV of a report, each read back with its own library. */
class ExportsTest {
    private static final String[] ACCENTED = {"Ångström", "Łukasiewicz", "Nguyễn", "Groß"};
    private static final LocalDate PRINTED = LocalDate.of(2026, 12, 3);

    @TempDir
    Path folder;

    /** A score sheet of {@code students} students whose names carry the accents. */
    static ScoreSheet sheet(int students) {
        List<ScoreSheet.Line> lines = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            BigDecimal score = i % 10 == 9 ? null : BigDecimal.valueOf(i % 20);
            lines.add(new ScoreSheet.Line(
                    i,
                    String.format("S%07d", i),
                    ACCENTED[i % ACCENTED.length] + " " + i,
                    i % 3 == 0 ? "Zoë" : "José",
                    score,
                    score == null ? null : score.multiply(BigDecimal.valueOf(5)),
                    false,
                    i == 1 ? "=HYPERLINK(\"http://evil\")" : i == 2 ? "Très bien, ß und ł" : null,
                    "teacher"));
        }
        return new ScoreSheet(
                7,
                "7B",
                "Maths quiz 1",
                "Maths",
                BigDecimal.valueOf(20),
                LocalDate.of(2025, 10, 1),
                lines,
                new ScoreSheet.Stats(students, 0, 0, 9.5, 9.5, BigDecimal.ZERO, BigDecimal.valueOf(19), 5.7),
                Arrays.asList(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    }

    @Test
    void thePdfHasTheAccentedNamesAndOnePagePerFortyStudents() throws IOException {
        Path file = folder.resolve("sheet.pdf");
        ReportTable table = ReportTables.of(sheet(200));

        ExportFormat.PDF.write(ReportTables.of(sheet(3)), folder.resolve("first.pdf"), PRINTED);
        ExportFormat.PDF.write(table, file, PRINTED); // the second with the same parsed fonts

        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(5); // 200 rows, 40 a page (portrait: 6 columns)
            PDFTextStripper stripper = new PDFTextStripper();
            String all = stripper.getText(document);
            for (String name : ACCENTED) {
                assertThat(all).contains(name);
            }
            assertThat(all).contains("Zoë").contains("José").contains("Très bien, ß und ł");
            for (int page = 1; page <= 5; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                assertThat(text).contains("Page " + page + " of 5").contains("Score sheet: Maths quiz 1");
                assertThat(text).contains("S" + String.format("%07d", (page - 1) * 40));
                assertThat(text).contains("S" + String.format("%07d", page * 40 - 1));
            }
            PDFont font = document.getPage(0)
                    .getResources()
                    .getFont(document.getPage(0)
                            .getResources()
                            .getFontNames()
                            .iterator()
                            .next());
            assertThat(font.isEmbedded()).isTrue();
            Path png = Path.of("target", "screenshots", "reports-score-sheet-pdf.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 90), "png", png.toFile());
        }
    }

    @Test
    void aWideReportPrintsLandscapeWithTwentyFourRowsAPage() throws IOException {
        List<ClassOverview.Column> columns = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            columns.add(new ClassOverview.Column(
                    i, "Quiz " + (i + 1), "Maths", LocalDate.of(2025, 9, 8 + i), BigDecimal.TEN, 6.5, 29));
        }
        List<ClassOverview.Row> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(new ClassOverview.Row(
                    i,
                    String.format("S%07d", i),
                    ACCENTED[i % ACCENTED.length],
                    "Zoë",
                    java.util.Collections.nCopies(6, BigDecimal.valueOf(i % 11)),
                    i * 3.0));
        }
        ReportTable table = ReportTables.of(
                new ClassOverview(3, "7B", LocalDate.of(2025, 8, 1), LocalDate.of(2026, 7, 31), columns, rows));
        Path file = folder.resolve("overview.pdf");

        ExportFormat.PDF.write(table, file, PRINTED);

        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2); // 30 students + the means row, 24 a page
            assertThat(document.getPage(0).getMediaBox().getWidth())
                    .isGreaterThan(document.getPage(0).getMediaBox().getHeight());
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(stripper.getText(document)).contains("Page 2 of 2").contains("Assessment mean");
            Path png = Path.of("target", "screenshots", "reports-class-overview-pdf.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 90), "png", png.toFile());
        }
    }

    @Test
    void theWorkbookReadsBackWithTheSameCellsNumbersAndDates() throws IOException {
        Transcript transcript = new Transcript(
                1,
                "S0000001",
                "Nguyễn",
                "Åsa",
                "7B",
                "Jan Łoś",
                List.of(
                        new Transcript.Entry(
                                "Maths",
                                "Quiz",
                                LocalDate.of(2025, 9, 8),
                                BigDecimal.TEN,
                                new BigDecimal("7.5"),
                                new BigDecimal("75.0"),
                                false,
                                "Groß"),
                        new Transcript.Entry(
                                "Physics",
                                "Test",
                                LocalDate.of(2025, 10, 13),
                                BigDecimal.valueOf(50),
                                null,
                                null,
                                true,
                                null)));
        ReportTable table = ReportTables.of(transcript);
        Path file = folder.resolve("transcript.xlsx");

        ExportFormat.XLSX.write(table, file, PRINTED);

        try (InputStream in = Files.newInputStream(file);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            Row header = sheet.getRow(0);
            for (int column = 0; column < table.columns().size(); column++) {
                assertThat(header.getCell(column).getStringCellValue())
                        .isEqualTo(table.columns().get(column).header());
                assertThat(sheet.getColumnWidth(column))
                        .isEqualTo(XlsxExport.width(table.columns().get(column).header()));
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(table.rows().size());
            for (int index = 0; index < table.rows().size(); index++) {
                List<Object> expected = table.rows().get(index);
                Row row = sheet.getRow(index + 1);
                for (int column = 0; column < expected.size(); column++) {
                    Object value = expected.get(column);
                    Cell cell = row.getCell(column);
                    if (value == null) {
                        assertThat(cell).isNull();
                    } else if (value instanceof BigDecimal number) {
                        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                        assertThat(cell.getNumericCellValue()).isEqualTo(number.doubleValue());
                    } else if (value instanceof LocalDate day) {
                        assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
                        assertThat(cell.getLocalDateTimeCellValue().toLocalDate())
                                .isEqualTo(day);
                    } else {
                        assertThat(cell.getStringCellValue()).isEqualTo(value);
                    }
                }
            }
            assertThat(workbook.getSheetAt(1).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Transcript: Åsa Nguyễn");
        }
    }

    @Test
    void theCsvHasABomTheRowsAndFormulasGuarded() throws IOException {
        Path file = folder.resolve("sheet.csv");

        ExportFormat.CSV.write(ReportTables.of(sheet(3)), file, PRINTED);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("Number,Name,Score,%,Comment,Entered by");
        assertThat(lines.get(1)).isEqualTo("S0000000,\"Ångström 0, Zoë\",0,0,,teacher");
        assertThat(lines.get(2))
                .isEqualTo("S0000001,\"Łukasiewicz 1, José\",1,5,\"'=HYPERLINK(\"\"http://evil\"\")\",teacher");
        assertThat(CsvExport.guard("+1")).isEqualTo("'+1");
        assertThat(CsvExport.guard("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.guard("Müller")).isEqualTo("Müller");
    }

    @Test
    void aFailedExportLeavesNoFile() {
        Path file = folder.resolve("missing-folder").resolve("sheet.pdf");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ExportFormat.PDF.write(ReportTables.of(sheet(1)), file, PRINTED))
                .isInstanceOf(IOException.class);
        assertThat(file).doesNotExist();
    }
}
