package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.TestDatabases;
import picocli.CommandLine;

/** {@code registrar export --report score-sheet} against a real database, in each format. */
class ExportCommandTest {
    @TempDir
    Path dataHome;

    private String database;
    private long assessment;
    private int students;

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
    }

    @AfterEach
    void drop() {
        TestDatabases.drop(database);
    }

    private Run export(String format, Path out, String id) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ExportCommand command = new ExportCommand();
        command.console = new PrintStream(captured, true, StandardCharsets.UTF_8);
        int exitCode = new CommandLine(command)
                .execute(
                        "--data-home",
                        dataHome.toString(),
                        "--db-url",
                        TestDatabases.jdbcUrl(database),
                        "--db-user",
                        "postgres",
                        "--ssl-mode",
                        "disable",
                        "--report",
                        "score-sheet",
                        "--assessment",
                        id,
                        "--format",
                        format,
                        "--out",
                        out.toString());
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
}
