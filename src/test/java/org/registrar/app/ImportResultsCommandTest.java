package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
        assertThat(run.output()).contains("line 3\t" + students.get(1) + "\t\"abc\" is not a number", "Nothing saved");
        assertThat(savedBatches()).isZero();
    }

    @Test
    void validOnlySavesTheGoodRowsAndStillExitsNonZero() throws Exception {
        Path file = csv("student number;score\n" + students.get(0) + ";1,5\n" + students.get(1) + ";abc\n");

        Run run = importResults(file, "--valid-only");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("Saved 1 results");
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
        assertThat(run.output()).containsPattern("Import results: [123] statements?, 1 transaction");
        assertThat(savedBatches()).isEqualTo(1);
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

    @Test
    void helpStatesTheLimits() {
        String help =
                new CommandLine(new ImportResultsCommand()).getUsageMessage().replaceAll("\\s+", " ");

        assertThat(help)
                .contains("--encoding", "8 MB", "50000 lines", "100 cells per line", "10000 characters per cell");
    }
}
