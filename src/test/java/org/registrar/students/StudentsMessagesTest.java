package org.registrar.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.TestDatabases;
import org.registrar.tasks.Tasks;
import org.registrar.testing.TestSession;

/** What the Students screen says (position, count, placeholder, export outcome), without JavaFX. */
class StudentsMessagesTest {
    private TestSession session;
    private Jdbi other;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        other = TestDatabases.jdbi(session.databaseName());
    }

    @AfterEach
    void close() {
        session.close();
    }

    private StudentsViewModel started(Tasks tasks) {
        StudentsViewModel model = new StudentsViewModel(
                tasks, new StudentRepository(session.database().jdbi()));
        model.start();
        return model;
    }

    @Test
    void theTableSaysLoadingUntilTheFirstPageArrivesAndNoMatchOnlyAfterAnAnswer() {
        List<Runnable> queued = new ArrayList<>();
        Tasks held = new Tasks(queued::add, Runnable::run, session.metrics(), new Tasks.Observer() {
            @Override
            public void succeeded() {}

            @Override
            public void failed(Throwable error) {}
        });
        StudentsViewModel model = started(held);

        assertThat(model.placeholderProperty().get()).isEqualTo("Loading…");
        runAll(queued);
        assertThat(model.rows()).hasSize(50);

        model.search("Zzzzzz");
        assertThat(model.placeholderProperty().get()).isEqualTo("Loading…");
        runAll(queued);
        assertThat(model.rows()).isEmpty();
        assertThat(model.placeholderProperty().get()).isEqualTo("No students match.");
    }

    private static void runAll(List<Runnable> queued) {
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
    }

    @Test
    void lastResolvesItsPageNumberAndTheCountWhenTheCountWasAnEstimate() {
        other.useHandle(handle -> {
            handle.execute("INSERT INTO students (student_number, family_name, given_name)"
                    + " SELECT 'E' || g, 'Extra' || g, 'Student' FROM generate_series(1, 10523) g");
            handle.execute("ANALYZE students");
        });
        StudentsViewModel model = started(session.inlineTasks());
        // every student: the maintained count (V65) is exact from the first page on
        assertThat(model.countTextProperty().get()).isEqualTo("11,123 students");
        model.search("Extra");
        assertThat(model.countTextProperty().get()).startsWith("about ");

        model.last();

        // 10,523 matches, 50 a page: the last page is page 211, and now the count is exact
        assertThat(model.positionProperty().get()).isEqualTo("Page 211 of 211");
        assertThat(model.countTextProperty().get()).isEqualTo("10,523 students");
        model.previous();
        assertThat(model.positionProperty().get()).isEqualTo("Page 210 of 211");
    }

    @Test
    void refreshKeepsThePageReadsItAgainAndRecounts() {
        StudentsViewModel model = started(session.inlineTasks());
        model.next();
        model.next();
        List<Long> shown = model.rows().stream().map(StudentRow::id).toList();
        other.useHandle(handle -> handle.execute(
                "INSERT INTO students (student_number, family_name, given_name) VALUES ('N1', 'Zz', 'New')"));

        model.refresh();

        assertThat(model.positionProperty().get()).isEqualTo("Page 3 of 13");
        assertThat(model.rows()).extracting(StudentRow::id).containsExactlyElementsOf(shown);
        assertThat(model.countTextProperty().get()).isEqualTo("601 students");
    }

    @Test
    void aSavedStudentIsShownInItsRowAtOnce() {
        StudentsViewModel model = started(session.inlineTasks());
        model.next();
        StudentRow before = model.rows().get(7);
        StudentRecordRepository records =
                new StudentRecordRepository(session.database().jdbi());
        StudentProfile stored = records.detail(before.id()).orElseThrow().profile();
        SaveOutcome outcome = records.save(new StudentEdit(
                stored.id(),
                stored.studentNumber(),
                "Renamed",
                stored.givenName(),
                stored.email(),
                "on_leave",
                stored.version()));

        model.showSaved(((SaveOutcome.Saved) outcome).profile());

        StudentRow after = model.rows().get(7);
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.familyName()).isEqualTo("Renamed");
        assertThat(after.status()).isEqualTo("on_leave");
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.cohortName()).isEqualTo(before.cohortName());
        assertThat(model.positionProperty().get()).isEqualTo("Page 2 of 12");
    }

    @Test
    void anExportOfOneStudentSaysStudentAndNamesTheFolder(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("one.csv");
        StudentExportViewModel exporter = new StudentExportViewModel(
                session.inlineTasks(),
                new StudentExportService(session.database().jdbi()),
                Runnable::run);

        exporter.export(
                file,
                StudentOrder.DEFAULT,
                new StudentFilter("S0000001", null, null, null, false),
                new RowCount(1, true));

        assertThat(Files.readAllLines(file)).hasSize(2);
        assertThat(exporter.statusProperty().get())
                .isEqualTo("Exported 1 student to one.csv in " + folder.toAbsolutePath() + ".");
    }

    @Test
    void anExportOfManyStudentsSaysStudents(@TempDir Path folder) {
        Path file = folder.resolve("all.csv");
        StudentExportViewModel exporter = new StudentExportViewModel(
                session.inlineTasks(),
                new StudentExportService(session.database().jdbi()),
                Runnable::run);

        exporter.export(file, StudentOrder.DEFAULT, StudentFilter.NONE, new RowCount(600, true));

        assertThat(exporter.statusProperty().get())
                .isEqualTo("Exported 600 students to all.csv in " + folder.toAbsolutePath() + ".");
    }

    @Test
    void anExportStartsWithAByteOrderMarkSoExcelReadsUtf8(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("bom.csv");
        StudentExportViewModel exporter = new StudentExportViewModel(
                session.inlineTasks(),
                new StudentExportService(session.database().jdbi()),
                Runnable::run);

        exporter.export(
                file,
                StudentOrder.DEFAULT,
                new StudentFilter("S0000001", null, null, null, false),
                new RowCount(1, true));

        byte[] bytes = Files.readAllBytes(file);
        assertThat(java.util.Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(Files.readAllLines(file).get(0))
                .isEqualTo("\uFEFFstudent_number,family_name,given_name," + "cohort,mentor,status,email,updated_at");
    }

    @Test
    void semicolonsSeparateTheCellsWhenChosenAndSuitWhereTheDecimalSeparatorIsAComma(@TempDir Path folder)
            throws Exception {
        assertThat(StudentExportViewModel.semicolonsSuit(java.util.Locale.GERMANY))
                .isTrue();
        assertThat(StudentExportViewModel.semicolonsSuit(java.util.Locale.FRANCE))
                .isTrue();
        assertThat(StudentExportViewModel.semicolonsSuit(java.util.Locale.UK)).isFalse();
        Path file = folder.resolve("excel.csv");
        StudentExportViewModel exporter = new StudentExportViewModel(
                session.inlineTasks(),
                new StudentExportService(session.database().jdbi()),
                Runnable::run);
        assertThat(exporter.semicolonsProperty().get())
                .as("tests run in English")
                .isFalse();
        exporter.semicolonsProperty().set(true);

        exporter.export(
                file,
                StudentOrder.DEFAULT,
                new StudentFilter("S0000001", null, null, null, false),
                new RowCount(1, true));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("\uFEFFstudent_number;family_name;given_name;");
        assertThat(lines.get(1)).startsWith("S0000001;");
    }
}
