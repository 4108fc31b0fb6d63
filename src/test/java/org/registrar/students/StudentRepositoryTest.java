package org.registrar.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.db.TestDatabases;
import org.registrar.i18n.Messages;
import org.registrar.testing.TestSession;

/** Search literalness, optimistic concurrency, counts and the CSV export, against the real server. */
class StudentRepositoryTest {
    private TestSession session;
    private Jdbi fixture;
    private StudentRepository pages;
    private StudentRecordRepository records;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        fixture = TestDatabases.jdbi(session.databaseName());
        pages = new StudentRepository(session.database().jdbi());
        records = new StudentRecordRepository(session.database().jdbi());
        for (String family : List.of(
                "O'Hara", "100% Kowalski", "100 Kowalski", "Under_score", "Underxscore", "Back\\slash", "Backxslash")) {
            fixture.useHandle(handle -> handle.createUpdate("INSERT INTO students (student_number, family_name,"
                            + " given_name) VALUES ('X' || left(md5(:family), 20), :family, 'Test')")
                    .bind("family", family)
                    .execute());
        }
    }

    @AfterEach
    void close() {
        session.close();
    }

    private List<String> familiesFound(String search) {
        return pages
                .page(
                        StudentOrder.DEFAULT,
                        new StudentFilter(search, null, null, null, false),
                        PageRequest.first(),
                        200,
                        false)
                .rows()
                .stream()
                .map(StudentRow::familyName)
                .toList();
    }

    @Test
    void searchTextWithQuotesAndWildcardsMatchesLiterally() {
        assertThat(familiesFound("o'h")).containsExactly("O'Hara");
        assertThat(familiesFound("Under_")).containsExactly("Under_score");
        assertThat(familiesFound("Back\\")).containsExactly("Back\\slash");
        assertThat(familiesFound("%")).isEmpty();
        assertThat(familiesFound("_")).isEmpty();
    }

    @Test
    void searchWithADigitMatchesStudentNumbersCaseInsensitively() {
        assertThat(pages.page(
                                StudentOrder.DEFAULT,
                                new StudentFilter("s000012", null, null, null, false),
                                PageRequest.first(),
                                50,
                                true)
                        .count())
                .isEqualTo(new RowCount(10, true));
        assertThat(familiesFound("100%")).isEmpty();
    }

    @Test
    void everyStudentIsCountedExactlyFromTheMaintainedCountAndAFilterBeyondTheLimitIsAnEstimate() {
        fixture.useHandle(handle -> handle.execute("INSERT INTO students (student_number, family_name, given_name)"
                + " SELECT 'B' || n, 'Bulk', 'Row' FROM generate_series(1, 10500) n"));
        fixture.useHandle(handle -> handle.execute("ANALYZE students"));
        long students = fixture.withHandle(handle -> handle.createQuery("SELECT count(*) FROM students")
                .mapTo(Long.class)
                .one());
        StudentPage first = pages.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.first(), 50, true);
        assertThat(first.count()).isEqualTo(new RowCount(students, true));
        StudentPage last = pages.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.last(), 50, true);
        assertThat(last.pageNumber()).isEqualTo((students + 49) / 50);
        RowCount filtered = pages.page(
                        StudentOrder.DEFAULT,
                        new StudentFilter("bulk", null, null, null, false),
                        PageRequest.first(),
                        50,
                        true)
                .count();
        assertThat(filtered.exact()).isFalse();
        assertThat(filtered.describe()).startsWith("about ");
    }

    @Test
    void savingOverANewerVersionIsAConflictAndChangesNothing() {
        StudentProfile loaded = records.detail(1).orElseThrow().profile();
        fixture.useHandle(handle -> handle.execute("UPDATE students SET given_name = 'Theirs' WHERE id = 1"));
        StudentEdit mine = new StudentEdit(
                1,
                loaded.studentNumber(),
                loaded.familyName(),
                "Mine",
                loaded.email(),
                loaded.status(),
                loaded.version());

        SaveOutcome outcome = records.save(mine);

        assertThat(outcome).isInstanceOf(SaveOutcome.Conflict.class);
        StudentProfile theirs = ((SaveOutcome.Conflict) outcome).theirs();
        assertThat(theirs.givenName()).isEqualTo("Theirs");
        assertThat(theirs.version()).isEqualTo(loaded.version() + 1);
        assertThat(records.detail(1).orElseThrow().profile().givenName()).isEqualTo("Theirs");
        SaveOutcome retried = records.save(mine.basedOn(theirs.version()));
        assertThat(retried).isInstanceOf(SaveOutcome.Saved.class);
        assertThat(((SaveOutcome.Saved) retried).profile().version()).isEqualTo(loaded.version() + 2);
    }

    @Test
    void aDuplicateStudentNumberIsRejectedAtThatField() {
        StudentProfile loaded = records.detail(1).orElseThrow().profile();
        StudentEdit edit = new StudentEdit(
                1,
                "S0000002",
                loaded.familyName(),
                loaded.givenName(),
                loaded.email(),
                loaded.status(),
                loaded.version());

        assertThat(records.save(edit))
                .isEqualTo(new SaveOutcome.Rejected(
                        "studentNumber", "Student number S0000002 is already used by another student."));
    }

    @Test
    void aDuplicateStudentNumberIsRejectedInTheChosenLanguage() {
        StudentProfile loaded = records.detail(1).orElseThrow().profile();
        StudentEdit edit = new StudentEdit(
                1,
                "S0000002",
                loaded.familyName(),
                loaded.givenName(),
                loaded.email(),
                loaded.status(),
                loaded.version());
        Messages.use(Locale.GERMAN);
        try {
            assertThat(records.save(edit))
                    .isEqualTo(new SaveOutcome.Rejected(
                            "studentNumber", "Die Schülernummer S0000002 hat bereits ein anderer Schüler."));
            assertThat(records.save(new StudentEdit(
                            1,
                            loaded.studentNumber(),
                            "Nul\0l",
                            loaded.givenName(),
                            loaded.email(),
                            loaded.status(),
                            loaded.version())))
                    .isEqualTo(new SaveOutcome.Rejected(
                            "familyName",
                            "Nachname enthält ein NUL-Zeichen (Code 0), das die Datenbank nicht speichern kann:"
                                    + " bitte entfernen."));
        } finally {
            Messages.use(Locale.ENGLISH);
        }
    }

    @Test
    void exportWritesTheFilteredViewWithFormulaCellsEscaped() {
        fixture.useHandle(handle -> handle.execute("INSERT INTO students (student_number, family_name, given_name)"
                + " VALUES ('Z9-1', '=HYPERLINK(1)', '+cmd'), ('Z9-2', '@SUM(A1)', '-2')"));
        StringWriter out = new StringWriter();
        long written = new StudentExportService(session.database().jdbi())
                .export(
                        new StudentOrder(StudentSort.STUDENT_NUMBER, true),
                        new StudentFilter("z9-", null, null, null, false),
                        out,
                        count -> {});

        assertThat(written).as(out.toString()).isEqualTo(2);
        assertThat(out.toString().lines().toList())
                .hasSize(3)
                .startsWith("student_number,family_name,given_name,cohort,mentor,status,email,updated_at");
        assertThat(out.toString())
                .contains("Z9-1,'=HYPERLINK(1),'+cmd,,,active,,")
                .contains("Z9-2,'@SUM(A1),'-2,");
        assertThat(StudentExportService.safe("\tx")).isEqualTo("'\tx");
        assertThat(StudentExportService.safe("\rx")).isEqualTo("'\rx");
        assertThat(StudentExportService.safe("Müller")).isEqualTo("Müller");
    }
}
