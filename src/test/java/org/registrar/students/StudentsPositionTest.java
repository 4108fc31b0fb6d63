package org.registrar.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.TestDatabases;
import org.registrar.testing.TestSession;

/** The page number after a jump to a name, the current page read again after a change, and cancelled exports. */
class StudentsPositionTest {
    private TestSession session;
    private StudentRepository repository;
    private OffsetPages offsets;
    private StudentsViewModel model;
    private Jdbi other;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        other = TestDatabases.jdbi(session.databaseName());
        repository = new StudentRepository(session.database().jdbi());
        offsets = new OffsetPages(session.database().jdbi());
        model = new StudentsViewModel(session.inlineTasks(), repository);
        model.start();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aJumpToANameShowsThePageHoldingItsFirstRow() {
        List<StudentRow> all = offsets.page(StudentOrder.DEFAULT, StudentFilter.NONE, 0, 600);
        for (String prefix : List.of("Mü", "S", "K", "W")) {
            model.jumpToName(prefix);
            int index = all.indexOf(model.rows().get(0));
            assertThat(index).as(prefix).isPositive();
            assertThat(model.positionProperty().get()).as(prefix).isEqualTo("Page " + (index / 50 + 1) + " of 12");
        }
    }

    @Test
    void rowsBeforeCountsWithFiltersAndDescendingOrders() {
        StudentFilter filter = new StudentFilter(null, null, "active", null, false);
        for (StudentOrder order :
                List.of(new StudentOrder(StudentSort.UPDATED, false), new StudentOrder(StudentSort.COHORT, true))) {
            List<StudentRow> all = offsets.page(order, filter, 0, 600);
            assertThat(all).hasSizeGreaterThan(100);
            assertThat(repository.rowsBefore(order, filter, all.get(77).key())).isEqualTo(77);
            assertThat(repository.rowsBefore(order, filter, all.get(0).key())).isZero();
        }
    }

    @Test
    void refreshingThePageShowsAChangeMadeElsewhereAndKeepsThePosition() {
        model.next();
        List<Long> ids = model.rows().stream().map(StudentRow::id).toList();
        long mentor = other.withHandle(
                handle -> handle.createQuery("SELECT id FROM mentors ORDER BY family_name DESC, id LIMIT 1")
                        .mapTo(Long.class)
                        .one());
        other.useHandle(handle -> handle.createUpdate(
                        "INSERT INTO mentor_assignments (student_id, mentor_id, assigned_by)"
                                + " VALUES (:student, :mentor, session_user) ON CONFLICT (student_id) DO UPDATE SET mentor_id = :mentor")
                .bind("student", ids.get(0))
                .bind("mentor", mentor)
                .execute());

        model.refreshPage();

        assertThat(model.rows()).extracting(StudentRow::id).containsExactlyElementsOf(ids);
        assertThat(model.rows().get(0).mentorId()).isEqualTo(mentor);
        assertThat(model.positionProperty().get()).isEqualTo("Page 2 of 12");
        assertThat(model.hasPreviousProperty().get()).isTrue();
    }

    @Test
    void anExportStopsAtTheRowWhereItWasToldToStop() {
        StringWriter out = new StringWriter();
        AtomicInteger asked = new AtomicInteger();
        long written = new StudentExportService(session.database().jdbi())
                .export(
                        StudentOrder.DEFAULT,
                        StudentFilter.NONE,
                        out,
                        count -> {},
                        () -> asked.incrementAndGet() > 100);

        assertThat(written).isEqualTo(100);
        assertThat(out.toString().lines()).hasSize(101);
    }

    @Test
    void aCancelledExportLeavesNoFileAndSaysSo(@TempDir Path folder) {
        Path file = folder.resolve("students.csv");
        StudentExportViewModel[] exporter = new StudentExportViewModel[1];
        // cancel when the first progress report arrives (600 rows: after the last row, before the file is closed)
        exporter[0] = new StudentExportViewModel(
                session.inlineTasks(),
                new StudentExportService(session.database().jdbi()),
                report -> {
                    exporter[0].cancel();
                    report.run();
                });

        exporter[0].export(file, StudentOrder.DEFAULT, StudentFilter.NONE, new RowCount(600, true));

        assertThat(exporter[0].statusProperty().get()).isEqualTo("Export cancelled; no file was written.");
        assertThat(exporter[0].runningProperty().get()).isFalse();
        assertThat(Files.exists(file)).isFalse();
    }
}
