package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.TestDatabases;
import org.registrar.i18n.Messages;
import picocli.CommandLine;

/** {@code registrar export} against a real database: each report, in each format, and the refusals. */
class ExportCommandTest {
    @TempDir
    Path dataHome;

    private String database;
    private long assessment;
    private int students;
    private long cohort;
    private long student;
    private int gradeLevel;

    private record Run(int exitCode, String output) {}

    @BeforeEach
    void data() {
        database = TestDatabases.freshDatabase();
        Jdbi fixture = TestDatabases.jdbi(database);
        assessment = fixture.withHandle(handle -> handle.createQuery("SELECT min(id) FROM assessments")
                .mapTo(Long.class)
                .one());
        students = fixture.withHandle(handle -> handle.createQuery("SELECT count(*) FROM students s"
                        + " JOIN assessments a ON a.cohort_id = s.cohort_id WHERE a.id = :a")
                .bind("a", assessment)
                .mapTo(Integer.class)
                .one());
        cohort = fixture.withHandle(handle -> handle.createQuery("SELECT cohort_id FROM assessments WHERE id = :a")
                .bind("a", assessment)
                .mapTo(Long.class)
                .one());
        student = fixture.withHandle(handle -> handle.createQuery("SELECT min(id) FROM students WHERE cohort_id = :c")
                .bind("c", cohort)
                .mapTo(Long.class)
                .one());
        gradeLevel = fixture.withHandle(handle -> handle.createQuery("SELECT grade_level FROM cohorts WHERE id = :c")
                .bind("c", cohort)
                .mapTo(Integer.class)
                .one());
    }

    @AfterEach
    void drop() {
        TestDatabases.drop(database);
    }

    private Run export(String format, Path out, String id) {
        return run("--report", "score-sheet", "--assessment", id, "--format", format, "--out", out.toString());
    }

    private Run run(String... arguments) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ExportCommand command = new ExportCommand();
        command.console = new PrintStream(captured, true, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of(
                "--data-home",
                dataHome.toString(),
                "--db-url",
                TestDatabases.jdbcUrl(database),
                "--db-user",
                "postgres",
                "--ssl-mode",
                "disable"));
        all.addAll(List.of(arguments));
        int exitCode = new CommandLine(command).execute(all.toArray(String[]::new));
        return new Run(exitCode, captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesTheScoreSheetInEachFormatWithOneStatement() throws Exception {
        for (String format : new String[] {"pdf", "xlsx", "csv"}) {
            Path out = dataHome.resolve("sheet." + format);

            Run run = export(format, out, String.valueOf(assessment));

            assertThat(run.exitCode()).as(run.output()).isEqualTo(ExportCommand.WRITTEN);
            assertThat(run.output())
                    .contains("Wrote " + out + " (" + students + " students)")
                    .contains("1 statement");
            assertThat(Files.size(out)).isPositive();
        }
        assertThat(Files.readAllLines(dataHome.resolve("sheet.csv"))).hasSize(students + 1);
    }

    @Test
    void anUnknownAssessmentOrFormatWritesNothing() {
        Path out = dataHome.resolve("none.pdf");

        assertThat(export("pdf", out, "999999").exitCode()).isEqualTo(ExportCommand.NOT_FOUND);
        assertThat(export("docx", out, String.valueOf(assessment)).exitCode()).isEqualTo(ExportCommand.BAD_ARGUMENTS);
        assertThat(out).doesNotExist();
    }

    @Test
    void writesTheOtherReportsInEachFormat() throws Exception {
        for (String format : new String[] {"pdf", "xlsx", "csv"}) {
            Run overview = run(
                    "--report",
                    "class-overview",
                    "--cohort",
                    String.valueOf(cohort),
                    "--format",
                    format,
                    "--out",
                    dataHome.resolve("overview." + format).toString());
            Run transcript = run(
                    "--report",
                    "transcript",
                    "--student",
                    String.valueOf(student),
                    "--format",
                    format,
                    "--out",
                    dataHome.resolve("transcript." + format).toString());
            Run year = run(
                    "--report",
                    "year-overview",
                    "--year",
                    String.valueOf(gradeLevel),
                    "--format",
                    format,
                    "--out",
                    dataHome.resolve("year." + format).toString());

            assertThat(overview.exitCode()).as(overview.output()).isEqualTo(ExportCommand.WRITTEN);
            assertThat(overview.output())
                    .contains("(" + students + " students)")
                    .contains("3 statements");
            assertThat(transcript.exitCode()).as(transcript.output()).isEqualTo(ExportCommand.WRITTEN);
            assertThat(transcript.output()).contains("2 statements");
            assertThat(year.exitCode()).as(year.output()).isEqualTo(ExportCommand.WRITTEN);
            assertThat(year.output()).contains("2 statements");
            for (String name : new String[] {"overview.", "transcript.", "year."}) {
                assertThat(Files.size(dataHome.resolve(name + format))).isPositive();
            }
        }
        // the header, a row per student, the row of assessment means
        assertThat(Files.readAllLines(dataHome.resolve("overview.csv"))).hasSize(students + 2);
    }

    @Test
    void aGivenTermSavesTheCohortLookUp() {
        Run run = run(
                "--report",
                "class-overview",
                "--cohort",
                String.valueOf(cohort),
                "--term",
                "2000-01-01..2099-12-31",
                "--format",
                "csv",
                "--out",
                dataHome.resolve("term.csv").toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExportCommand.WRITTEN);
        assertThat(run.output()).contains("2 statements");
    }

    @Test
    void badOptionsAreRefusedBeforeAnyConnectionAndWriteNothing() {
        Path out = dataHome.resolve("refused.csv");
        String file = out.toString();

        assertThat(run("--report", "marks", "--format", "csv", "--out", file).output())
                .contains("Unknown report marks: give score-sheet, class-overview, transcript or year-overview.");
        assertThat(run("--report", "class-overview", "--format", "csv", "--out", file)
                        .output())
                .contains("The report class-overview needs --cohort.");
        assertThat(run("--report", "score-sheet", "--student", "3", "--format", "csv", "--out", file)
                        .output())
                .contains("--student does not apply to the report score-sheet (give --assessment).");
        assertThat(run("--report", "transcript", "--student", "x7", "--format", "csv", "--out", file)
                        .output())
                .contains("--student must be a whole number above 0, not x7.");
        assertThat(run(
                                "--report",
                                "class-overview",
                                "--cohort",
                                "1",
                                "--term",
                                "2026-02-01..2025-08-01",
                                "--format",
                                "csv",
                                "--out",
                                file)
                        .output())
                .contains("Cannot read the term 2026-02-01..2025-08-01");
        assertThat(run("--report", "year-overview", "--year", "5", "--format", "doc", "--out", file)
                        .exitCode())
                .isEqualTo(ExportCommand.BAD_ARGUMENTS);
        assertThat(out).doesNotExist();
        assertThat(dataHome.resolve("logs")).as("no start-up happened").doesNotExist();
    }

    @Test
    void unknownIdsAreNotFound() {
        String file = dataHome.resolve("none.csv").toString();

        Run noCohort = run("--report", "class-overview", "--cohort", "999999", "--format", "csv", "--out", file);
        Run noStudent = run("--report", "transcript", "--student", "999999", "--format", "csv", "--out", file);
        Run noYear = run("--report", "year-overview", "--year", "99", "--format", "csv", "--out", file);

        assertThat(noCohort.exitCode()).isEqualTo(ExportCommand.NOT_FOUND);
        assertThat(noCohort.output()).contains("No class 999999.");
        assertThat(noStudent.exitCode()).isEqualTo(ExportCommand.NOT_FOUND);
        assertThat(noStudent.output()).contains("No student 999999.");
        assertThat(noYear.exitCode()).isEqualTo(ExportCommand.NOT_FOUND);
        assertThat(noYear.output()).contains("No class is in year group 99.");
        assertThat(Path.of(file)).doesNotExist();
    }

    @Test
    void refusalsSpeakTheChosenLanguage() {
        Locale before = Locale.getDefault();
        try {
            String file = dataHome.resolve("none.csv").toString();
            assertThat(run("--language", "de", "--report", "transcript", "--format", "csv", "--out", file)
                            .output())
                    .contains("Der Bericht transcript braucht --student.");
            assertThat(run("--language", "fr", "--report", "x", "--format", "csv", "--out", file)
                            .output())
                    .contains("Rapport inconnu x : indiquez score-sheet");
            assertThat(run(
                                    "--language",
                                    "es",
                                    "--report",
                                    "class-overview",
                                    "--cohort",
                                    "999999",
                                    "--format",
                                    "csv",
                                    "--out",
                                    file)
                            .output())
                    .contains("No existe la clase 999999.");
        } finally {
            Locale.setDefault(before);
            Messages.use(before);
        }
    }
}
