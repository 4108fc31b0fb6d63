package org.registrar.mentors;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.registrar.db.DatabaseErrors;
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;

/**
 * Choosing a mentor for students picked elsewhere (the Students screen's selection, handed over as ids): the
 * active mentors from the {@link MentorDirectory} cache, a name filter, and one assigning statement. A failed
 * write keeps the choice and says why; retrying the same change reuses its batch id. FX thread only.
 */
public final class MentorChooserViewModel {
    static final String OPEN = "Open mentor chooser";
    static final String ASSIGN = "Assign mentor to students";

    private final Tasks tasks;
    private final MentorDirectory directory;
    private final List<Long> studentIds;
    private final ObservableList<Mentor> mentors = FXCollections.observableArrayList();
    private final FilteredList<Mentor> shown = new FilteredList<>(mentors);
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BatchIds batches = new BatchIds();
    private final StringProperty moveQuestion = new SimpleStringProperty("");
    private List<CurrentMentor> current = List.of();
    private Mentor pendingTarget;
    private Consumer<String> pendingDone;

    /** The chooser for {@code studentIds}; built by the app's wiring, shown by {@link MentorChooser#show}. */
    public MentorChooserViewModel(Tasks tasks, MentorDirectory directory, List<Long> studentIds) {
        this.tasks = tasks;
        this.directory = directory;
        this.studentIds = List.copyOf(studentIds);
        filter.addListener((obs, was, now) -> applyFilter(now));
    }

    /** Loads the active mentors (a cache hit costs no statement). */
    void load() {
        busy.set(true);
        tasks.run(OPEN, () -> new Opened(directory.mentors(), directory.currentMentors(studentIds)))
                .onDone(opened -> {
                    mentors.setAll(
                            opened.mentors().stream().filter(Mentor::active).toList());
                    current = opened.current();
                    busy.set(false);
                })
                .onError(error -> {
                    message.set(DatabaseErrors.describe(error));
                    busy.set(false);
                });
    }

    /** Assigns every handed-over student to {@code target} in one statement; {@code done} hears the outcome. */
    void assign(Mentor target, Consumer<String> done) {
        if (target == null) {
            message.set(Messages.text("messages.mentors.chooseFirst"));
            return;
        }
        if (busy.get()) {
            return;
        }
        String question = CurrentMentor.moveQuestion(current, target);
        if (question != null) {
            pendingTarget = target;
            pendingDone = done;
            moveQuestion.set(question);
            return;
        }
        write(target, done);
    }

    /** The user agreed to move the students from their current mentors. */
    void confirmMove() {
        Mentor target = pendingTarget;
        Consumer<String> done = pendingDone;
        forgetMove();
        if (target != null) {
            write(target, done);
        }
    }

    /** The user kept the current mentors: nothing is written. */
    void cancelMove() {
        forgetMove();
        message.set(Messages.text("messages.chooser.nothingChanged"));
    }

    private void forgetMove() {
        pendingTarget = null;
        pendingDone = null;
        moveQuestion.set("");
    }

    private record Opened(List<Mentor> mentors, List<CurrentMentor> current) {}

    private void write(Mentor target, Consumer<String> done) {
        Object request = List.of(studentIds, target.id());
        UUID batch = batches.forRequest(request);
        busy.set(true);
        message.set("");
        tasks.run(ASSIGN, () -> directory.assign(studentIds, target.id(), batch))
                .onDone(change -> {
                    batches.succeeded();
                    busy.set(false);
                    done.accept(AssignViewModel.describe(change, studentIds.size(), target));
                })
                .onError(error -> {
                    batches.failed(request, batch);
                    busy.set(false);
                    message.set(DatabaseErrors.describe("Assign mentor", error));
                });
    }

    private void applyFilter(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        shown.setPredicate(mentor -> wanted.isEmpty()
                || mentor.displayName().toLowerCase(Locale.ROOT).contains(wanted)
                || mentor.email().toLowerCase(Locale.ROOT).contains(wanted));
    }

    /** "Assign 3 students to a mentor". */
    String title() {
        return Messages.text("messages.chooser.title", studentIds.size());
    }

    FilteredList<Mentor> mentors() {
        return shown;
    }

    StringProperty filterProperty() {
        return filter;
    }

    /** Non-empty while the user is asked whether to move students who have another mentor. */
    ReadOnlyStringProperty moveQuestionProperty() {
        return moveQuestion;
    }

    ReadOnlyStringProperty messageProperty() {
        return message;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
