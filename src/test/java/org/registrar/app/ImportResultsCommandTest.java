package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.TestDatabases;
import picocli.CommandLine;

/** {@code registrar import-results} against a real database: report, all-or-nothing, --valid-only, --dry-run. */
class ImportResultsCommandTest {
    @TempDir
    Path dataHome;

    private String database;
    private Jdbi fixture;
    private long assessment;
    private List<String> students;

    private record Run(int exitCode, String output) {}

    @BeforeEach
    void data() {
        database = TestDatabases.freshDatabase();
        fixture = TestDatabases.jdbi(database);
        assessment = fixture.withHandle(handle -> handle.createQuery("SELECT min(id) FROM assessments")
                .mapTo(Long.class)
                .one());
        students = fixture.withHandle(handle -> handle.createQuery("SELECT s.student_number FROM students s"
                        + " JOIN assessments a ON a.cohort_id = s.cohort_id WHERE a.id = :a ORDER BY s.id LIMIT 3")
                .bind("a", assessment)
                .mapTo(String.class)
                .list());
    }

    private Run importResults(Path file, String... extra) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ImportResultsCommand command = new ImportResultsCommand();
        command.out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        String[] base = {
            "--data-home",
            dataHome.toString(),
            "--db-url",
            TestDatabases.jdbcUrl(database),
            "--db-user",
            "postgres",
            "--ssl-mode",
            "disable",
            "--assessment",
            String.valueOf(assessment),
            "--file",
            file.toString()
        };
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        int exitCode = new CommandLine(command).execute(all);
        return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
    }

    private Path csv(String text) throws Exception {
        Path file = dataHome.resolve("scores.csv");
        Files.writeString(file, text);
        return file;
    }

    private long savedBatches() {
        return fixture.withHandle(handle -> handle.createQuery("SELECT count(*) FROM saved_batches")
                .mapTo(Long.class)
                .one());
    }

    @Test
    void aBadRowSavesNothingAndIsReportedWithItsLine() throws Exception {
        Path file = csv("student number;score\n" + students.get(0) + ";1\n" + students.get(1) + ";abc\n");

        Run run = importResults(file);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains(
                        "line 3\tcolumn 2 (score)\t" + students.get(1) + "\t\"abc\"\t\"abc\" is not a number",
                        "Nothing saved");
        assertThat(savedBatches()).isZero();
    }

    @Test
    void aTabInsideACellIsShownEscapedAndDoesNotSplitTheReportsColumns() throws Exception {
        Path file = csv("student number;score\n" + students.get(0) + ";1\n" + students.get(1) + ";\"2\tx\"\n");

        Run run = importResults(file);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("line 3\tcolumn 2 (score)\t" + students.get(1) + "\t\"2\\tx\"\t\"2\\tx\" is not a number")
                .doesNotContain("2\tx");
    }

    @Test
    void validOnlySavesTheGoodRowsAndStillExitsNonZero() throws Exception {
        Path file = csv("student number;score\n" + students.get(0) + ";1,5\n" + students.get(1) + ";abc\n");

        Run run = importResults(file, "--valid-only");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("Saved 1 result (");
        assertThat(savedBatches()).isEqualTo(1);
    }

    @Test
    void everythingGoodSavesInOneBatchAndExitsZero() throws Exception {
        Path file = csv("student number,score\n" + students.get(0) + ",2\n" + students.get(1) + ",3\n" + students.get(2)
                + ",EX\n");

        Run dry = importResults(file, "--dry-run");
        Run run = importResults(file);

        assertThat(dry.exitCode()).as(dry.output()).isZero();
        assertThat(dry.output()).contains("Dry run: nothing saved.");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .containsPattern("Import results: [123] statements?, [1-9] round trips?, 1 transaction");
        assertThat(savedBatches()).isEqualTo(1);
    }

    /** V73: an import is a save, so the year overview's tally of the assessment equals its results recounted. */
    @Test
    void anImportKeepsTheAssessmentsTallyEqualToItsResults() throws Exception {
        Path file = csv("student number,score\n" + students.get(0) + ",2\n" + students.get(1) + ",EX\n"
                + students.get(2) + ",\n");

        Run run = importResults(file);

        assertThat(run.exitCode()).as(run.output()).isZero();
        String tally = "SELECT scored || ' ' || total || ' ' || done FROM assessment_tallies WHERE assessment_id = :a";
        String recount = "SELECT count(r.score) || ' ' || CAST(coalesce(sum(r.score), 0) AS numeric(16, 2)) || ' '"
                + " || count(*) FILTER (WHERE (r.score IS NOT NULL OR r.excused) AND s.cohort_id = a.cohort_id)"
                + " FROM assessment_results r JOIN assessments a ON a.id = r.assessment_id"
                + " JOIN students s ON s.id = r.student_id WHERE r.assessment_id = :a";
        String maintained = fixture.withHandle(handle -> handle.createQuery(tally)
                .bind("a", assessment)
                .mapTo(String.class)
                .one());
        String counted = fixture.withHandle(handle -> handle.createQuery(recount)
                .bind("a", assessment)
                .mapTo(String.class)
                .one());
        assertThat(maintained).isEqualTo(counted);
    }

    @Test
    void aUtf8FileWithAStrayByteIsRefusedNamingItsLineUntilTheEncodingIsGiven() throws Exception {
        Path file = dataHome.resolve("mixed.csv");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(
                ("student number;score;comment\n" + students.get(0) + ";7;Très bien\n" + students.get(1) + ";8;Tr")
                        .getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE8);
        bytes.writeBytes("s\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());

        Run refused = importResults(file);
        Run chosen = importResults(file, "--encoding", "UTF-8");

        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
        assertThat(refused.output())
                .contains(
                        "the file is UTF-8 except for 1 byte on line 3", "--encoding UTF-8", "--encoding windows-1252");
        assertThat(chosen.exitCode()).as(chosen.output()).isZero();
        String saved = fixture.withHandle(handle -> handle.createQuery(
                        "SELECT r.comment FROM assessment_results r"
                                + " JOIN students s ON s.id = r.student_id WHERE r.assessment_id = :a AND s.student_number = :s")
                .bind("a", assessment)
                .bind("s", students.get(0))
                .mapTo(String.class)
                .one());
        assertThat(saved).isEqualTo("Très bien");
    }

    /** Issue 19: a workbook goes through the same command; --sheet picks its sheet; formula cells are named. */
    @Test
    void anXlsxSheetChosenByNameIsImportedWithItsFormulaWarning() throws Exception {
        org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        var first = workbook.createSheet("Notes");
        org.registrar.assessments.input.TestWorkbooks.row(first, 0, "nothing to import here");
        var scores = workbook.createSheet("Scores");
        org.registrar.assessments.input.TestWorkbooks.row(scores, 0, "Student number", "Score", "Raw");
        org.registrar.assessments.input.TestWorkbooks.row(scores, 1, students.get(0), 2.5);
        org.registrar.assessments.input.TestWorkbooks.row(scores, 2, students.get(1), null, 6)
                .createCell(1)
                .setCellFormula("C3/2");
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        Path file = org.registrar.assessments.input.TestWorkbooks.xlsx(dataHome.resolve("scores.xlsx"), workbook);

        Run unknown = importResults(file, "--sheet", "Marks", "--dry-run");
        Run run = importResults(file, "--sheet", "Scores");

        assertThat(unknown.exitCode()).isEqualTo(ImportResultsCommand.BAD_ARGUMENTS);
        assertThat(unknown.output()).contains("the workbook has no sheet Marks; its sheets: Notes, Scores");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("Excel workbook (.xlsx), sheet “Scores” (2 of 2), 2 rows")
                .contains("warning\tCell B3 holds a formula: the value the spreadsheet last calculated is read.");
        assertThat(savedBatches()).isEqualTo(1);
    }

    /** Issue 18: the lines naming the assessment and the file, and a warning's tag, in the messages' language. */
    @Test
    void theAssessmentTheFileAndAWarningAreNamedInGerman() throws Exception {
        org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        var scores = workbook.createSheet("Scores");
        org.registrar.assessments.input.TestWorkbooks.row(scores, 0, "Student number", "Score", "Raw");
        org.registrar.assessments.input.TestWorkbooks.row(scores, 1, students.get(0), null, 6)
                .createCell(1)
                .setCellFormula("C2/2");
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        Path file = org.registrar.assessments.input.TestWorkbooks.xlsx(dataHome.resolve("scores.xlsx"), workbook);
        java.util.Locale before = org.registrar.i18n.Messages.locale();
        Run run;
        try {
            org.registrar.i18n.Messages.use(java.util.Locale.GERMAN);
            run = importResults(file, "--dry-run");
        } finally {
            org.registrar.i18n.Messages.use(before);
        }

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("Leistungsnachweis " + assessment + ": ", "Datei scores.xlsx: ", "\nWarnung\t")
                .doesNotContain("Assessment ", "File ", "\nwarning\t");
    }

    @Test
    void helpStatesTheLimits() {
        String help = Launcher.commandLine()
                .getSubcommands()
                .get("import-results")
                .getUsageMessage()
                .replaceAll("\\s+", " ");

        assertThat(help)
                .contains("--encoding", "8 MB", "50000 lines", "100 cells per line", "10000 characters per cell");
    }

    @Test
    void aShortLineKeepsTheSavedCommentADashClearsItAndBothAreReportedAtTheirLine() throws Exception {
        String first = students.get(0);
        String second = students.get(1);
        assertThat(importResults(csv(
                                "student number,score,comment\n" + first + ",3,keep me\n" + second + ",4,drop me\n"))
                        .exitCode())
                .isZero();

        Run run = importResults(csv("Student number,Score,Comment\n" + first + ",5\n" + second + ",4,-,extra\n"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(comment(first)).isEqualTo("keep me");
        assertThat(score(first)).isEqualByComparingTo("5");
        assertThat(comment(second)).isNull();
        assertThat(run.output())
                .contains(
                        "line 2\tcolumn 3 (comment)\t" + first
                                + "\t(missing)\twarning: line 2 has 2 cells, the header has 3:"
                                + " the missing comment keeps the saved one",
                        "line 3\tcolumn 4\t" + second + "\t\"extra\"\twarning: line 3 has 4 cells: the 4th is ignored");
    }

    @Test
    void aQuoteThatNeverClosesIsReportedAtItsLineAndColumn() throws Exception {
        Run run = importResults(csv(
                "Student number,Score,Comment\n" + students.get(0) + ",17,\"Good\n" + students.get(1) + ",12,ok\n"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("line 2: a quote opens at column 13 and never closes");
        assertThat(savedBatches()).isZero();
    }

    @Test
    void dryRunListsEachChangeOldToNewAndARealRunListsWhatItSaved() throws Exception {
        String first = students.get(0);
        String second = students.get(1);
        fixture.useHandle(handle -> handle.createUpdate("DELETE FROM assessment_results WHERE assessment_id = :a")
                .bind("a", assessment)
                .execute());
        importResults(csv("student number,score,comment\n" + first + ",3,first\n" + second + ",4,same\n"));
        Path file = csv("student number,score,comment\n" + first + ",5,second\n" + second + ",4,same\n"
                + students.get(2) + ",EX\n");

        Run dry = importResults(file, "--dry-run");
        BigDecimal afterDryRun = score(first);
        Run run = importResults(file);

        String changeOfFirst = "change\t" + first + "\tscore 3 → 5\tcomment \"first\" → \"second\"";
        String changeOfThird = "change\t" + students.get(2) + "\tscore (none) → EX\tcomment (none) (kept)";
        assertThat(dry.output())
                .contains("Would change 2 results:", changeOfFirst, changeOfThird)
                .doesNotContain("change\t" + second);
        assertThat(afterDryRun).as("the dry run saved nothing").isEqualByComparingTo("3");
        assertThat(run.output())
                .contains("Saved 2 results", changeOfFirst, changeOfThird)
                .doesNotContain("change\t" + second);
    }

    private String comment(String student) {
        return result(student, "comment", String.class);
    }

    private BigDecimal score(String student) {
        return result(student, "score", BigDecimal.class);
    }

    private <T> T result(String student, String column, Class<T> type) {
        return fixture.withHandle(handle -> handle.createQuery(
                        "SELECT r." + column + " FROM assessment_results r"
                                + " JOIN students s ON s.id = r.student_id WHERE r.assessment_id = :a AND s.student_number = :s")
                .bind("a", assessment)
                .bind("s", student)
                .mapTo(type)
                .one());
    }
}
