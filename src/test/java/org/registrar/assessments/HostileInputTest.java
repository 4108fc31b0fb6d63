package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.data.Assessment;
import org.registrar.assessments.data.Cohort;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.data.SheetRow;
import org.registrar.assessments.grid.GridColumn;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.grid.RowState;
import org.registrar.assessments.save.DraftStore;
import org.registrar.db.DatabaseErrors;
import org.registrar.db.TestDatabases;
import org.registrar.mentors.MentorRepository;
import org.registrar.mentors.RosterEntry;
import org.registrar.students.PageRequest;
import org.registrar.students.SaveOutcome;
import org.registrar.students.StudentEdit;
import org.registrar.students.StudentFilter;
import org.registrar.students.StudentOrder;
import org.registrar.students.StudentProfile;
import org.registrar.students.StudentRecordRepository;
import org.registrar.students.StudentRepository;
import org.registrar.students.StudentRow;
import org.registrar.testing.TestSession;

/**
 * Bad input (docs/reliability.md): injection-shaped, markup, emoji and right-to-left text goes through the real
 * repositories (student edit, student search, mentor search, bulk comments) and is stored and found verbatim; NUL,
 * which PostgreSQL text cannot hold, is refused with a sentence naming the field; the schema is intact afterwards.
 */
class HostileInputTest {
    static final List<String> HOSTILE = List.of(
            "O'Brien \"the quoted\" ''",
            "Robert'); DROP TABLE students; --",
            "<img src=x onerror=alert('x')> <attr> &amp;",
            "Zoë 😀 👩‍🎓 Łukasz",
            "שלום עולם مرحبا",
            "back\\slash %wild_card%",
            "=cmd|' /C calc'!A0");

    private TestSession session;
    private Jdbi fixture;
    private StudentRecordRepository records;
    private StudentRepository students;
    private MentorRepository mentors;
    private long studentId;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        fixture = TestDatabases.jdbi(session.databaseName());
        records = new StudentRecordRepository(session.database().jdbi());
        students = new StudentRepository(session.database().jdbi());
        mentors = new MentorRepository(session.database().jdbi());
        studentId = fixture.withHandle(handle -> handle.createQuery("SELECT min(id) FROM students")
                .mapTo(Long.class)
                .one());
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void hostileTextIsStoredAndFoundVerbatimInEveryField() {
        String schemaBefore = schema();
        for (String text : HOSTILE) {
            StudentProfile stored = edit(text, text, text);
            assertThat(stored.familyName()).isEqualTo(text);
            assertThat(stored.givenName()).isEqualTo(text);
            assertThat(records.detail(studentId).orElseThrow().profile().familyName())
                    .isEqualTo(text);

            List<StudentRow> found = students.page(
                            StudentOrder.DEFAULT, StudentFilter.NONE.withSearch(text), PageRequest.first(), 50, true)
                    .rows();
            List<RosterEntry> candidates =
                    mentors.candidates(text, false, null, 50).entries();
            if (text.chars().noneMatch(Character::isDigit)) {
                assertThat(found).as(text).extracting(StudentRow::id).contains(studentId);
                assertThat(candidates)
                        .as(text)
                        .extracting(RosterEntry::studentId)
                        .contains(studentId);
            }
        }
        assertThat(schema()).isEqualTo(schemaBefore);
        assertThat(count("SELECT count(*) FROM students")).isEqualTo(TestDatabases.TEMPLATE_STUDENTS);
    }

    @Test
    void hostileBulkCommentsAreStoredVerbatim() {
        ResultsRepository results = new ResultsRepository(session.database().jdbi());
        Cohort cohort = results.cohorts().get(0);
        Assessment assessment = results.assessments(cohort.id()).get(0);
        List<SheetRow> sheet = results.sheet(cohort.id(), assessment.id());
        List<ResultChange> changes = new java.util.ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            SheetRow row = sheet.get(i);
            changes.add(new ResultChange(row.studentId(), BigDecimal.ONE, false, HOSTILE.get(i), row.version()));
        }

        var outcome = results.save(SaveRequest.existing(UUID.randomUUID(), assessment.id(), changes));

        assertThat(outcome.savedVersions()).hasSize(HOSTILE.size());
        List<String> stored = results.sheet(cohort.id(), assessment.id()).subList(0, HOSTILE.size()).stream()
                .map(SheetRow::comment)
                .toList();
        assertThat(stored).containsExactlyElementsOf(HOSTILE);
    }

    @Test
    void nulIsRefusedWithASentenceNamingTheFieldAndSearchesIgnoreIt() {
        StudentProfile before = records.detail(studentId).orElseThrow().profile();

        SaveOutcome outcome = records.save(new StudentEdit(
                studentId,
                before.studentNumber(),
                "Ann\0e",
                before.givenName(),
                before.email(),
                before.status(),
                before.version()));

        assertThat(outcome).isInstanceOf(SaveOutcome.Rejected.class);
        SaveOutcome.Rejected rejected = (SaveOutcome.Rejected) outcome;
        assertThat(rejected.field()).isEqualTo("familyName");
        assertThat(rejected.message())
                .isEqualTo(
                        "Family name contains a NUL character (code 0), which the database cannot store: remove it.");
        assertThat(records.detail(studentId).orElseThrow().profile().familyName())
                .isEqualTo(before.familyName());
        String prefix = before.familyName().substring(0, 2);
        assertThat(students.page(
                                StudentOrder.DEFAULT,
                                StudentFilter.NONE.withSearch(prefix + "\0"),
                                PageRequest.first(),
                                50,
                                true)
                        .rows())
                .extracting(StudentRow::id)
                .contains(studentId);
        assertThat(mentors.candidates(prefix + "\0", false, null, 50).entries())
                .extracting(RosterEntry::studentId)
                .contains(studentId);
    }

    @Test
    void aNulCommentIsAProblemAtItsRowAndTheDatabaseRefusalReadsClearlyToo() {
        ResultsRepository results = new ResultsRepository(session.database().jdbi());
        BulkEntryViewModel model = new BulkEntryViewModel(
                session.inlineTasks(),
                results,
                new DraftStore(java.nio.file.Path.of("target", "hostile-drafts")),
                Runnable::run);
        model.start();
        model.findCohorts("");
        model.selectCohort(model.cohorts().get(0));
        model.selectAssessment(model.assessments().get(1));
        GridRow row = model.rows().get(0);

        model.grid().edit(row, GridColumn.COMMENT, "late\0");

        assertThat(row.stateProperty().get()).isEqualTo(RowState.ERROR);
        assertThat(row.messageProperty().get())
                .isEqualTo("comment contains a NUL character (code 0), which the database cannot store: remove it");
        ResultChange nul = new ResultChange(row.studentId(), BigDecimal.ONE, false, "late\0", null);
        assertThatThrownBy(
                        () -> results.save(SaveRequest.existing(UUID.randomUUID(), model.assessmentId(), List.of(nul))))
                .satisfies(
                        error -> assertThat(DatabaseErrors.describe(error))
                                .isEqualTo(
                                        "The text contains a NUL character (code 0), which the database cannot store: remove it."));
    }

    private StudentProfile edit(String familyName, String givenName, String comment) {
        StudentProfile before = records.detail(studentId).orElseThrow().profile();
        SaveOutcome outcome = records.save(new StudentEdit(
                studentId,
                before.studentNumber(),
                familyName,
                givenName,
                before.email(),
                before.status(),
                before.version()));
        assertThat(outcome).as(comment).isInstanceOf(SaveOutcome.Saved.class);
        return ((SaveOutcome.Saved) outcome).profile();
    }

    private String schema() {
        return fixture.withHandle(handle -> handle.createQuery(
                        "SELECT string_agg(table_name || '.' || column_name, ',' ORDER BY table_name, column_name)"
                                + " FROM information_schema.columns WHERE table_schema = current_schema()")
                .mapTo(String.class)
                .one());
    }

    private long count(String sql) {
        return fixture.withHandle(
                handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
