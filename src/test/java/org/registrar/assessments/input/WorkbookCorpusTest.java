package org.registrar.assessments.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.registrar.assessments.input.TestWorkbooks.number;
import static org.registrar.assessments.input.TestWorkbooks.ods;
import static org.registrar.assessments.input.TestWorkbooks.row;
import static org.registrar.assessments.input.TestWorkbooks.table;
import static org.registrar.assessments.input.TestWorkbooks.text;
import static org.registrar.assessments.input.TestWorkbooks.textRow;
import static org.registrar.assessments.input.TestWorkbooks.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19: workbooks (.xlsx written by Apache POI, .ods written as LibreOffice does) read through the same entry as
 * a CSV file ({@link CsvFile#read}) and validated against the CSV corpus's cohort, with the same expectations (rows,
 * valid rows, problems by line: a workbook's line is its spreadsheet row); and hostile or unreadable workbooks refused
 * with a sentence.
 */
class WorkbookCorpusTest {
    @TempDir
    static Path folder;

    interface Writer {
        Path write(Path file) throws IOException;
    }

    record Case(String name, Writer writer, int rows, int valid, String problems, Consumer<CsvImport.Result> check) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Refusal(String name, Writer writer, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> workbooks() {
        return Stream.of(
                new Case("plain.xlsx", WorkbookCorpusTest::plain, 2, 2, "", result -> {
                    assertThat(result.rows().get(0).score()).isEqualTo("7.5");
                    assertThat(result.rows().get(0).comment()).isEqualTo("Très bien");
                    assertThat(result.rows().get(1).score()).isEqualTo("12");
                    assertThat(result.describe()).isEqualTo("Excel workbook (.xlsx), sheet “Scores” (1 of 1), 2 rows");
                    assertThat(result.warnings()).isEmpty();
                }),
                new Case("several-sheets.xlsx", WorkbookCorpusTest::severalSheets, 2, 2, "", result -> {
                    assertThat(result.sheetNames()).containsExactly("Scores", "Retake", "Empty");
                    CsvImport.Result retake = result.withSheet(1);
                    assertThat(retake.rows()).extracting(InputRow::student).containsExactly("S0000003");
                    assertThat(retake.rows().get(0).score()).isEqualTo("15");
                    assertThat(retake.describe()).contains("sheet “Retake” (2 of 3), 1 row");
                    assertThat(result.withSheet(2).rows()).isEmpty();
                }),
                new Case("formulas.xlsx", WorkbookCorpusTest::formulas, 2, 2, "", result -> {
                    assertThat(result.rows()).extracting(InputRow::score).containsExactly("7.5", "7.5");
                    assertThat(result.warnings().get(0))
                            .startsWith("2 cells hold formulas (B2 and B3): the value the spreadsheet last calculated");
                }),
                new Case(
                        "merged-title.xlsx",
                        WorkbookCorpusTest::mergedTitle,
                        2,
                        1,
                        "4:unknown student \"S9999999\"",
                        r -> {
                            assertThat(r.mapping().header()).isTrue();
                        }),
                new Case("two-row-header.xlsx", WorkbookCorpusTest::twoRowHeader, 2, 2, "", result -> {
                    assertThat(result.mapping()).isEqualTo(new ColumnMapping(0, 1, 2, true));
                    assertThat(result.rows().get(0).comment()).isEqualTo("good");
                }),
                new Case("dates-and-numbers.xlsx", WorkbookCorpusTest::datesAndNumbers, 2, 2, "", result -> {
                    assertThat(result.rows()).extracting(InputRow::score).containsExactly("7.5", "85%");
                    assertThat(result.table().rows().get(1).cell(2)).isEqualTo("2026-03-14");
                    assertThat(result.table().rows().get(2).cell(2)).isEqualTo("2026-03-14");
                }),
                new Case("empty-rows.xlsx", WorkbookCorpusTest::emptyRows, 2, 1, "6:\"abc\" is not a number", r -> {}),
                new Case(
                        "locked.xlsx",
                        WorkbookCorpusTest::locked,
                        1,
                        1,
                        "",
                        result -> assertThat(result.warnings())
                                .containsExactly(
                                        "Sheet “Scores” is protected against changes; it is read all the same.")),
                new Case("numbers-as-text.xlsx", WorkbookCorpusTest::numbersAsText, 2, 2, "", result -> {
                    assertThat(result.rows()).extracting(InputRow::score).containsExactly("7,5", "8");
                }),
                new Case("plain.ods", WorkbookCorpusTest::plainOds, 2, 2, "", result -> {
                    assertThat(result.rows()).extracting(InputRow::score).containsExactly("7.5", "EX");
                    assertThat(result.describe())
                            .isEqualTo("OpenDocument spreadsheet (.ods), sheet “Scores” (1 of 1), 2 rows");
                }),
                new Case("formulas-merged-sheets.ods", WorkbookCorpusTest::formulasOds, 2, 2, "", result -> {
                    assertThat(result.sheetNames()).containsExactly("Scores", "Other");
                    assertThat(result.rows()).extracting(InputRow::score).containsExactly("7.5", null);
                    assertThat(result.rows().get(0).comment()).isEqualTo("Fine");
                    assertThat(result.warnings())
                            .containsExactly(
                                    "2 cells hold formulas (B3 and B4): the value the spreadsheet last calculated is"
                                            + " read. Check it if the workbook was changed without being recalculated.",
                                    "Cell B4 holds a formula with no calculated value in the file, read as blank: open"
                                            + " the workbook in the spreadsheet, let it calculate and save it again.");
                    assertThat(result.withSheet(1).warnings()).anyMatch(warning -> warning.contains("protected"));
                }),
                new Case(
                        "percent-dates-repeats.ods",
                        WorkbookCorpusTest::repeatsOds,
                        3,
                        1,
                        "1003:appears twice: lines 1003 and 1004;1004:appears twice: lines 1003 and 1004",
                        result -> {
                            assertThat(result.rows().get(0).score()).isEqualTo("85%");
                            assertThat(result.table().rows().get(1).cell(2)).isEqualTo("2026-03-14");
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workbooks")
    void readsAndValidatesAsACsvFileWould(Case expected) throws IOException {
        CsvImport.Result result = CsvFile.read(expected.writer().write(folder.resolve(expected.name())));
        ValidatedInput validated = new InputValidator(CorpusTest.ROSTER, BigDecimal.valueOf(20))
                .validate(result.rows(), CorpusTest.ELSEWHERE);

        assertThat(result.rows()).hasSize(expected.rows());
        assertThat(validated.valid()).hasSize(expected.valid());
        List<String> problems = expected.problems().isEmpty()
                ? List.of()
                : Arrays.asList(expected.problems().split(";"));
        assertThat(validated.problems()).hasSize(problems.size());
        for (int i = 0; i < problems.size(); i++) {
            String[] lineAndText = problems.get(i).split(":", 2);
            Problem problem = validated.problems().get(i);
            assertThat(problem.line()).as(problem.describe()).isEqualTo(Integer.parseInt(lineAndText[0]));
            assertThat(problem.message()).contains(lineAndText[1]);
        }
        expected.check().accept(result);
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("encrypted.xlsx", WorkbookCorpusTest::encrypted, "this workbook is encrypted"),
                new Refusal("broken.xlsx", WorkbookCorpusTest::broken, "this workbook is damaged"),
                new Refusal(
                        "zip-bomb.xlsx",
                        WorkbookCorpusTest::zipBomb,
                        "the workbook's part xl/worksheets/sheet1.xml unpacks to more than 64 MB (a zip bomb?)"),
                new Refusal("old.xls", WorkbookCorpusTest::xls, "this is an Excel 97–2003 workbook (.xls)"),
                new Refusal("too-wide.xlsx", WorkbookCorpusTest::tooWide, "sheet “Scores”: cell EU2 holds text beyond"),
                new Refusal("not-a-workbook.zip", WorkbookCorpusTest::notAWorkbook, "this is neither CSV text nor"),
                new Refusal("encrypted.ods", WorkbookCorpusTest::encryptedOds, "this workbook is encrypted"),
                new Refusal(
                        "huge.ods",
                        WorkbookCorpusTest::hugeOds,
                        "sheet “Scores” has more than 50,000 rows with text; an import is one class's results"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aHostileOrUnreadableWorkbookIsRefusedWithASentence(Refusal expected) throws IOException {
        Path file = expected.writer().write(folder.resolve(expected.name()));

        assertThatThrownBy(() -> CsvFile.read(file))
                .isInstanceOf(CsvFile.Refused.class)
                .hasMessageStartingWith(expected.message());
    }

    private static XSSFWorkbook scores(String... header) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Scores");
        row(sheet, 0, (Object[]) (header.length == 0 ? new String[] {"Student number", "Score", "Comment"} : header));
        return workbook;
    }

    static Path plain(Path file) throws IOException {
        XSSFWorkbook workbook = scores();
        row(workbook.getSheet("Scores"), 1, "S0000001", 7.5, "Très bien");
        row(workbook.getSheet("Scores"), 2, "S0000002", 12);
        return xlsx(file, workbook);
    }

    static Path severalSheets(Path file) throws IOException {
        XSSFWorkbook workbook = scores();
        row(workbook.getSheet("Scores"), 1, "S0000001", 7.5);
        row(workbook.getSheet("Scores"), 2, "S0000002", 12);
        Sheet retake = workbook.createSheet("Retake");
        row(retake, 0, "Student number", "Score");
        row(retake, 1, "S0000003", 15);
        workbook.createSheet("Empty");
        return xlsx(file, workbook);
    }

    static Path formulas(Path file) throws IOException {
        XSSFWorkbook workbook = scores("Student number", "Score", "Raw");
        Sheet sheet = workbook.getSheet("Scores");
        row(sheet, 1, "S0000001", null, 15).createCell(1).setCellFormula("C2/2");
        row(sheet, 2, "S0000002", null, 75).createCell(1).setCellFormula("C3*0.1");
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        return xlsx(file, workbook);
    }

    static Path mergedTitle(Path file) throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Scores");
        row(sheet, 0, "Biology test 3, class 9B");
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
        row(sheet, 1, "Student number", "Score", "Comment");
        row(sheet, 2, "S0000001", 7);
        row(sheet, 3, "S9999999", 5);
        return xlsx(file, workbook);
    }

    static Path twoRowHeader(Path file) throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Scores");
        row(sheet, 0, "Student number", "Result");
        row(sheet, 1, null, "Score", "Comment");
        sheet.addMergedRegion(new CellRangeAddress(0, 1, 0, 0));
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 1, 2));
        row(sheet, 2, "S0000001", 8, "good");
        row(sheet, 3, "S0000002", 9);
        return xlsx(file, workbook);
    }

    static Path datesAndNumbers(Path file) throws IOException {
        XSSFWorkbook workbook = scores("Student number", "Score", "Written on");
        Sheet sheet = workbook.getSheet("Scores");
        CellStyle iso = workbook.createCellStyle();
        iso.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle builtin = workbook.createCellStyle();
        builtin.setDataFormat((short) 14);
        CellStyle percent = workbook.createCellStyle();
        percent.setDataFormat(workbook.createDataFormat().getFormat("0%"));
        Row first = row(sheet, 1, "S0000001", 7.499999999999999);
        first.createCell(2).setCellValue(LocalDate.of(2026, 3, 14));
        first.getCell(2).setCellStyle(iso);
        Row second = row(sheet, 2, "S0000002", 0.85);
        second.getCell(1).setCellStyle(percent);
        second.createCell(2).setCellValue(LocalDate.of(2026, 3, 14));
        second.getCell(2).setCellStyle(builtin);
        return xlsx(file, workbook);
    }

    static Path emptyRows(Path file) throws IOException {
        XSSFWorkbook workbook = scores();
        Sheet sheet = workbook.getSheet("Scores");
        row(sheet, 1, "S0000001", 5);
        row(sheet, 2, "", null, "  ");
        sheet.createRow(3).createCell(1).setCellStyle(workbook.createCellStyle());
        row(sheet, 5, "S0000002", "abc");
        return xlsx(file, workbook);
    }

    static Path locked(Path file) throws IOException {
        XSSFWorkbook workbook = scores();
        row(workbook.getSheet("Scores"), 1, "S0000001", 9);
        workbook.getSheet("Scores").protectSheet("secret");
        return xlsx(file, workbook);
    }

    static Path numbersAsText(Path file) throws IOException {
        XSSFWorkbook workbook = scores();
        row(workbook.getSheet("Scores"), 1, "S0000001", "7,5");
        row(workbook.getSheet("Scores"), 2, "S0000002", "8");
        return xlsx(file, workbook);
    }

    static Path plainOds(Path file) throws IOException {
        return ods(
                file,
                table(
                        "Scores",
                        textRow("Student number", "Score", "Comment")
                                + "<table:table-row>" + text("S0000001") + number("7.5", "7,50") + text("Bien")
                                + "</table:table-row>" + textRow("S0000002", "EX")
                                + "<table:table-row table:number-rows-repeated=\"1048573\">"
                                + "<table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"));
    }

    static Path formulasOds(Path file) throws IOException {
        String title = "<table:table-row><table:table-cell office:value-type=\"string\""
                + " table:number-columns-spanned=\"3\" table:number-rows-spanned=\"1\"><text:p>Biology 9B</text:p>"
                + "</table:table-cell><table:covered-table-cell table:number-columns-repeated=\"2\"/>"
                + "</table:table-row>";
        String calculated = "<table:table-row>" + text("S0000001")
                + "<table:table-cell table:formula=\"of:=[.C3]/2\" office:value-type=\"float\" office:value=\"7.5\">"
                + "<text:p>7.5</text:p></table:table-cell>"
                + "<table:table-cell office:value-type=\"string\"><office:annotation><text:p>a note</text:p>"
                + "</office:annotation><text:p>Fine</text:p></table:table-cell></table:table-row>";
        String uncalculated = "<table:table-row>" + text("S0000002")
                + "<table:table-cell table:formula=\"of:=[.C4]/2\"/></table:table-row>";
        String other = "<table:table table:name=\"Other\" table:protected=\"true\">" + textRow("Student number")
                + "</table:table>";
        return ods(
                file,
                table("Scores", title + textRow("Student number", "Score", "Comment") + calculated + uncalculated)
                        + other);
    }

    static Path repeatsOds(Path file) throws IOException {
        String percent = "<table:table-cell office:value-type=\"percentage\" office:value=\"0.85\">"
                + "<text:p>85 %</text:p></table:table-cell>";
        String date = "<table:table-cell office:value-type=\"date\" office:date-value=\"2026-03-14\">"
                + "<text:p>14/03/26</text:p></table:table-cell>";
        return ods(
                file,
                table(
                        "Scores",
                        textRow("Student number", "Score", "Written on")
                                + "<table:table-row>" + text("S0000001") + percent + date + "</table:table-row>"
                                + "<table:table-row table:number-rows-repeated=\"1000\">"
                                + "<table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
                                + "<table:table-row table:number-rows-repeated=\"2\">" + text("S0000003")
                                + number("5", "5") + "</table:table-row>"));
    }

    static Path encrypted(Path file) throws IOException {
        try (POIFSFileSystem ole = new POIFSFileSystem();
                OutputStream out = Files.newOutputStream(file)) {
            ole.createDocument(new ByteArrayInputStream(new byte[512]), "EncryptionInfo");
            ole.createDocument(new ByteArrayInputStream(new byte[4096]), "EncryptedPackage");
            ole.writeFilesystem(out);
        }
        return file;
    }

    static Path xls(Path file) throws IOException {
        try (POIFSFileSystem ole = new POIFSFileSystem();
                OutputStream out = Files.newOutputStream(file)) {
            ole.createDocument(new ByteArrayInputStream(new byte[4096]), "Workbook");
            ole.writeFilesystem(out);
        }
        return file;
    }

    static Path broken(Path file) throws IOException {
        byte[] whole = Files.readAllBytes(plain(folder.resolve("whole-for-broken.xlsx")));
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        return file;
    }

    /** 2 MB of spaces packed into a few KB: refused from the zip's directory, before anything is unpacked. */
    static Path zipBomb(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            TestWorkbooks.put(zip, "[Content_Types].xml", "<Types/>");
            TestWorkbooks.put(zip, "xl/workbook.xml", "<workbook/>");
            TestWorkbooks.put(zip, "xl/worksheets/sheet1.xml", " ".repeat(2 * 1024 * 1024));
        }
        return file;
    }

    static Path tooWide(Path file) throws IOException {
        XSSFWorkbook workbook = scores();
        row(workbook.getSheet("Scores"), 1, "S0000001", 5).createCell(150).setCellValue("far right");
        return xlsx(file, workbook);
    }

    static Path notAWorkbook(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            TestWorkbooks.put(zip, "readme.txt", "not a workbook");
        }
        return file;
    }

    static Path encryptedOds(Path file) throws IOException {
        return ods(
                file,
                table("Scores", textRow("Student number", "Score")),
                "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"x\"/>");
    }

    static Path hugeOds(Path file) throws IOException {
        return ods(
                file,
                table(
                        "Scores",
                        textRow("Student number", "Score") + "<table:table-row table:number-rows-repeated=\"60000\">"
                                + text("S0000001") + number("5", "5") + "</table:table-row>"));
    }
}
