package org.registrar.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.db.TestDatabases;
import org.registrar.testing.HeldWork;
import org.registrar.testing.TestSession;

/** The detail pane's ViewModel with inline tasks, no JavaFX: open, field messages, save, and a save conflict. */
class StudentEditorViewModelTest {
    private TestSession session;
    private Jdbi other;
    private StudentEditorViewModel editor;
    private List<Long> ids;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        other = TestDatabases.jdbi(session.databaseName());
        ids = other.withHandle(handle -> handle.createQuery("SELECT id FROM students ORDER BY id LIMIT 2")
                .mapTo(Long.class)
                .list());
        editor = new StudentEditorViewModel(
                session.inlineTasks(),
                new StudentRecordRepository(session.database().jdbi()));
    }

    @AfterEach
    void close() {
        session.close();
    }

    private String stored(String column, long id) {
        return other.withHandle(handle -> handle.createQuery("SELECT " + column + "::text FROM students WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .one());
    }

    @Test
    void opensTheStudentIntoTheFormUnchanged() {
        editor.open(ids.get(0));

        assertThat(editor.familyName.get()).isEqualTo(stored("family_name", ids.get(0)));
        assertThat(editor.studentNumber.get()).isEqualTo(stored("student_number", ids.get(0)));
        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.busyProperty().get()).isFalse();
    }

    @Test
    void badFieldsAreNamedAtTheFieldAndNothingIsSaved() {
        editor.open(ids.get(0));
        String version = stored("version", ids.get(0));
        editor.familyName.set("  ");
        editor.email.set("not-an-address");
        editor.studentNumber.set("S 1");

        editor.save();

        assertThat(editor.familyErrorProperty().get()).isEqualTo("Family name is required.");
        assertThat(editor.emailErrorProperty().get()).isEqualTo("Email looks wrong, e.g. ana@school.org");
        assertThat(editor.numberErrorProperty().get()).startsWith("Student number: letters, digits and '-' only");
        assertThat(editor.givenErrorProperty().get()).isEmpty();
        assertThat(editor.messageProperty().get()).isEqualTo("Please fix the marked fields.");
        assertThat(stored("version", ids.get(0))).isEqualTo(version);
        assertThat(editor.isDirty()).as("what the user typed stays").isTrue();
    }

    @Test
    void aSaveStoresTheChangeAndReportsIt() {
        editor.open(ids.get(0));
        editor.givenName.set("Marie-Claire");

        editor.save();

        assertThat(editor.messageProperty().get()).isEqualTo("Saved.");
        assertThat(editor.savedProperty().get().givenName()).isEqualTo("Marie-Claire");
        assertThat(stored("given_name", ids.get(0))).isEqualTo("Marie-Claire");
        assertThat(editor.isDirty()).isFalse();
    }

    @Test
    void aSaveOverSomeoneElsesNewerVersionAsksAndKeepMineSavesOverIt() {
        editor.open(ids.get(0));
        other.useHandle(handle -> handle.createUpdate("UPDATE students SET email = 'theirs@example.org' WHERE id = :id")
                .bind("id", ids.get(0))
                .execute());
        editor.givenName.set("Mine");

        editor.save();

        SaveOutcome.Conflict conflict = editor.conflictProperty().get();
        assertThat(conflict).isNotNull();
        assertThat(conflict.theirs().email()).isEqualTo("theirs@example.org");
        assertThat(stored("given_name", ids.get(0)))
                .as("nothing overwritten yet")
                .isNotEqualTo("Mine");

        editor.keepMine();

        assertThat(editor.conflictProperty().get()).isNull();
        assertThat(editor.messageProperty().get()).isEqualTo("Saved.");
        assertThat(stored("given_name", ids.get(0))).isEqualTo("Mine");
    }

    @Test
    void takingTheirVersionAfterAConflictShowsItAndSavesNothing() {
        editor.open(ids.get(0));
        other.useHandle(handle -> handle.createUpdate("UPDATE students SET given_name = 'Theirs' WHERE id = :id")
                .bind("id", ids.get(0))
                .execute());
        editor.givenName.set("Mine");
        editor.save();

        editor.takeTheirs();

        assertThat(editor.givenName.get()).isEqualTo("Theirs");
        assertThat(editor.isDirty()).isFalse();
        assertThat(stored("given_name", ids.get(0))).isEqualTo("Theirs");
    }

    @Test
    void theStudentOpenedLastIsShownEvenWhenAnEarlierOpenAnswersLater() {
        HeldWork work = new HeldWork();
        StudentEditorViewModel held = new StudentEditorViewModel(
                work.tasks(session.metrics()),
                new StudentRecordRepository(session.database().jdbi()));
        held.open(ids.get(0));
        held.open(ids.get(1));

        work.release(1);
        work.release(0);

        assertThat(held.detailProperty().get().profile().id()).isEqualTo(ids.get(1));
        assertThat(held.familyName.get()).isEqualTo(stored("family_name", ids.get(1)));
        assertThat(held.busyProperty().get()).isFalse();
    }
}
