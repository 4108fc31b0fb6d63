package org.registrar.students;

import java.util.Objects;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.registrar.db.DatabaseErrors;
import org.registrar.db.Privileges;
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;

/**
 * The detail pane: one student's profile and recent results, the edit fields with their validation messages,
 * and saving with optimistic concurrency. A conflict is published for the view to show both versions; nothing
 * typed is dropped until the user chooses. Use on the FX thread only.
 */
public final class StudentEditorViewModel {
    static final String OPEN = "Open student";
    static final String SAVE = "Save student";
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final Pattern NUMBER = Pattern.compile("^[A-Za-z0-9-]{1,32}$");

    private final Tasks tasks;
    private final StudentRecordRepository repository;
    private final ObjectProperty<StudentDetail> detail = new SimpleObjectProperty<>();
    private final ObjectProperty<SaveOutcome.Conflict> conflict = new SimpleObjectProperty<>();
    private final ObjectProperty<StudentProfile> saved = new SimpleObjectProperty<>();
    final StringProperty studentNumber = new SimpleStringProperty("");
    final StringProperty familyName = new SimpleStringProperty("");
    final StringProperty givenName = new SimpleStringProperty("");
    final StringProperty email = new SimpleStringProperty("");
    final StringProperty status = new SimpleStringProperty("active");
    private final StringProperty numberError = new SimpleStringProperty("");
    private final StringProperty familyError = new SimpleStringProperty("");
    private final StringProperty givenError = new SimpleStringProperty("");
    private final StringProperty emailError = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty opening = new SimpleBooleanProperty();
    private final BooleanProperty canEdit = new SimpleBooleanProperty(true);
    private final BooleanProperty canEditNumber = new SimpleBooleanProperty(true);
    private final BooleanBinding dirty;
    private final ObservableList<ResultLine> results = FXCollections.observableArrayList();
    private long latest;

    public StudentEditorViewModel(Tasks tasks, StudentRecordRepository repository) {
        this.tasks = tasks;
        this.repository = repository;
        dirty = Bindings.createBooleanBinding(
                () -> detail.get() != null
                        && !currentEdit().sameContentAs(detail.get().profile()),
                detail,
                studentNumber,
                familyName,
                givenName,
                email,
                status);
    }

    /** What the login may change (read from the server at start): the form offers only that. */
    public void apply(Privileges privileges) {
        canEdit.set(privileges.canEditStudents());
        canEditNumber.set(privileges.canEditStudentNumber());
    }

    public ReadOnlyBooleanProperty canEditProperty() {
        return canEdit;
    }

    public ReadOnlyBooleanProperty canEditNumberProperty() {
        return canEditNumber;
    }

    /** Loads student {@code id} into the pane; the caller asks the user first when {@link #isDirty()}. */
    public void open(long id) {
        long ticket = ++latest;
        busy.set(true);
        opening.set(true);
        tasks.run(OPEN, () -> repository.detail(id))
                .onDone(found -> {
                    if (ticket == latest) {
                        busy.set(false);
                        found.ifPresentOrElse(this::fill, () -> message.set(Messages.text("messages.student.gone")));
                        opening.set(false);
                    }
                })
                .onError(error -> failed(ticket, error));
    }

    /** Validates and saves; messages land at the fields, a conflict in {@link #conflictProperty()}. */
    public void save() {
        if (detail.get() == null || !validate()) {
            return;
        }
        submit(currentEdit());
    }

    /** After a conflict: save what the user typed over the other version. */
    public void keepMine() {
        SaveOutcome.Conflict seen = conflict.get();
        conflict.set(null);
        if (seen != null && seen.theirs() != null) {
            submit(currentEdit().basedOn(seen.theirs().version()));
        }
    }

    /** After a conflict: drop what the user typed and show the other version. */
    public void takeTheirs() {
        SaveOutcome.Conflict seen = conflict.get();
        conflict.set(null);
        if (seen != null && seen.theirs() != null) {
            fill(new StudentDetail(seen.theirs(), results));
        } else {
            message.set(Messages.text("messages.student.deleted"));
        }
    }

    /** After a conflict: go on editing; nothing is saved or dropped. */
    public void keepEditing() {
        conflict.set(null);
    }

    /** Puts the stored values back into the fields. */
    public void discard() {
        if (detail.get() != null) {
            fill(detail.get());
        }
    }

    private void submit(StudentEdit edit) {
        long ticket = ++latest;
        opening.set(false);
        busy.set(true);
        tasks.run(SAVE, () -> repository.save(edit))
                .onDone(outcome -> {
                    if (ticket == latest) {
                        busy.set(false);
                        apply(outcome);
                    }
                })
                .onError(error -> failed(ticket, error));
    }

    private void apply(SaveOutcome outcome) {
        if (outcome instanceof SaveOutcome.Saved stored) {
            fill(new StudentDetail(stored.profile(), results));
            saved.set(stored.profile());
            message.set(Messages.text("messages.student.saved"));
        } else if (outcome instanceof SaveOutcome.Conflict newer) {
            conflict.set(newer);
        } else if (outcome instanceof SaveOutcome.Rejected refused) {
            errorFor(refused.field()).set(refused.message());
            message.set(refused.message());
        }
    }

    private StringProperty errorFor(String field) {
        return switch (field) {
            case "studentNumber" -> numberError;
            case "familyName" -> familyError;
            case "email" -> emailError;
            default -> message;
        };
    }

    private void failed(long ticket, Throwable error) {
        if (ticket == latest) {
            busy.set(false);
            opening.set(false);
            message.set(DatabaseErrors.describe(error));
        }
    }

    boolean validate() {
        numberError.set(
                NUMBER.matcher(studentNumber.get().strip()).matches()
                        ? ""
                        : Messages.text("messages.student.numberRule"));
        familyError.set(familyName.get().isBlank() ? Messages.text("messages.student.familyRequired") : "");
        givenError.set(givenName.get().isBlank() ? Messages.text("messages.student.givenRequired") : "");
        String mail = email.get().strip();
        emailError.set(
                mail.isEmpty() || EMAIL.matcher(mail).matches() ? "" : Messages.text("messages.student.emailRule"));
        boolean valid = numberError.get().isEmpty()
                && familyError.get().isEmpty()
                && givenError.get().isEmpty()
                && emailError.get().isEmpty();
        message.set(valid ? "" : Messages.text("messages.student.fixFields"));
        return valid;
    }

    StudentEdit currentEdit() {
        StudentProfile stored = detail.get().profile();
        String mail = email.get().strip();
        return new StudentEdit(
                stored.id(),
                studentNumber.get().strip(),
                familyName.get().strip(),
                givenName.get().strip(),
                mail.isEmpty() ? null : mail,
                status.get(),
                stored.version());
    }

    private void fill(StudentDetail loaded) {
        StudentProfile profile = loaded.profile();
        detail.set(loaded);
        results.setAll(loaded.recentResults());
        studentNumber.set(profile.studentNumber());
        familyName.set(profile.familyName());
        givenName.set(profile.givenName());
        email.set(Objects.requireNonNullElse(profile.email(), ""));
        status.set(profile.status());
        numberError.set("");
        familyError.set("");
        givenError.set("");
        emailError.set("");
        message.set("");
    }

    /**
     * Whether the pane shows {@code row}'s student with the values the row now has. A refreshed page may carry
     * newer ones (a class renamed, a mentor or name changed elsewhere); then the pane should be read again.
     */
    boolean showsAsIn(StudentRow row) {
        StudentDetail shown = detail.get();
        if (shown == null || shown.profile().id() != row.id()) {
            return false;
        }
        StudentProfile profile = shown.profile();
        return profile.version() == row.version()
                && Objects.equals(profile.studentNumber(), row.studentNumber())
                && Objects.equals(profile.familyName(), row.familyName())
                && Objects.equals(profile.givenName(), row.givenName())
                && Objects.equals(profile.email(), row.email())
                && Objects.equals(profile.status(), row.status())
                && Objects.equals(profile.cohortName(), row.cohortName())
                && Objects.equals(profile.mentorName(), row.mentorName());
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public ReadOnlyObjectProperty<StudentDetail> detailProperty() {
        return detail;
    }

    /** The profile as last saved from this pane (a new value after each save), for the table to show it. */
    public ReadOnlyObjectProperty<StudentProfile> savedProperty() {
        return saved;
    }

    public ReadOnlyObjectProperty<SaveOutcome.Conflict> conflictProperty() {
        return conflict;
    }

    public ObservableList<ResultLine> results() {
        return results;
    }

    public ReadOnlyStringProperty numberErrorProperty() {
        return numberError;
    }

    public ReadOnlyStringProperty familyErrorProperty() {
        return familyError;
    }

    public ReadOnlyStringProperty givenErrorProperty() {
        return givenError;
    }

    public ReadOnlyStringProperty emailErrorProperty() {
        return emailError;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** True while a student is being loaded into the fields (what is in them now is about to be replaced). */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
