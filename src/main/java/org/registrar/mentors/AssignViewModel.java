package org.registrar.mentors;

import java.util.List;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.registrar.db.DatabaseErrors;
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;

/**
 * Picking students for the shown mentor: search by name prefix, student number or cohort name, optionally only
 * students without a mentor; then assign the chosen ones (or all found) in one statement. FX thread only.
 */
final class AssignViewModel {
    static final String SEARCH = "Find students";
    static final String ASSIGN = "Assign students";

    private final Tasks tasks;
    private final MentorDirectory directory;
    private final ReadOnlyObjectProperty<Mentor> mentor;
    private final Runnable changed;
    private final StringProperty query = new SimpleStringProperty("");
    private final BooleanProperty withoutMentorOnly = new SimpleBooleanProperty();
    private final ObservableList<RosterEntry> candidates = FXCollections.observableArrayList();
    private final BooleanProperty hasMore = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty moveQuestion = new SimpleStringProperty("");
    private List<Long> pendingIds = List.of();
    private final BatchIds batches = new BatchIds();
    private PageKey next;
    private long latest;

    AssignViewModel(Tasks tasks, MentorDirectory directory, ReadOnlyObjectProperty<Mentor> mentor, Runnable changed) {
        this.tasks = tasks;
        this.directory = directory;
        this.mentor = mentor;
        this.changed = changed;
    }

    /** Runs the search from its first page. */
    public void search() {
        if (query.get().isBlank() && !withoutMentorOnly.get()) {
            candidates.clear();
            hasMore.set(false);
            message.set(Messages.text("messages.assign.typeSomething"));
            return;
        }
        candidates.clear();
        message.set("");
        load(null);
    }

    /** Lists the students without a mentor (the gaps to fix). */
    public void showWithoutMentor() {
        query.set("");
        withoutMentorOnly.set(true);
        search();
    }

    public void loadMore() {
        if (next != null) {
            load(next);
        }
    }

    private void load(PageKey after) {
        long ticket = ++latest;
        busy.set(true);
        String text = query.get();
        boolean onlyWithout = withoutMentorOnly.get();
        tasks.run(SEARCH, () -> directory.candidates(text, onlyWithout, after))
                .onDone(page -> {
                    if (ticket == latest) {
                        candidates.addAll(page.entries());
                        next = page.next();
                        hasMore.set(page.hasMore());
                        if (candidates.isEmpty()) {
                            message.set(Messages.text("messages.students.noMatch"));
                        }
                        busy.set(false);
                    }
                })
                .onError(error -> {
                    if (ticket == latest) {
                        message.set(DatabaseErrors.describe(error));
                        busy.set(false);
                    }
                });
    }

    /** Assigns the chosen students to the shown mentor in one statement, then searches again. */
    public void assign(List<RosterEntry> chosen) {
        Mentor target = mentor.get();
        if (target == null) {
            message.set(Messages.text("messages.assign.chooseMentorLeft"));
            return;
        }
        if (chosen.isEmpty()) {
            message.set(Messages.text("messages.assign.chooseStudents"));
            return;
        }
        List<Long> ids = chosen.stream().map(RosterEntry::studentId).distinct().toList();
        String question = CurrentMentor.moveQuestion(
                chosen.stream()
                        .map(entry -> new CurrentMentor(
                                entry.studentId(), entry.displayName(), entry.mentorId(), entry.mentorName()))
                        .toList(),
                target);
        if (question != null) {
            pendingIds = ids;
            moveQuestion.set(question);
            return;
        }
        write(ids, target);
    }

    /** The user agreed to move students from their current mentor: assigns what was asked about. */
    public void confirmMove() {
        List<Long> ids = pendingIds;
        pendingIds = List.of();
        moveQuestion.set("");
        Mentor target = mentor.get();
        if (!ids.isEmpty() && target != null) {
            write(ids, target);
        }
    }

    /** The user kept the current mentors: nothing changes. */
    public void cancelMove() {
        pendingIds = List.of();
        moveQuestion.set("");
        message.set(Messages.text("messages.assign.nothingChanged"));
    }

    private void write(List<Long> ids, Mentor target) {
        Object request = List.of(ids, target.id());
        UUID batch = batches.forRequest(request);
        busy.set(true);
        tasks.run(ASSIGN, () -> directory.assign(ids, target.id(), batch))
                .onDone(change -> {
                    batches.succeeded();
                    busy.set(false);
                    message.set(describe(change, ids.size(), target));
                    changed.run();
                    reloadFound();
                })
                .onError(error -> {
                    batches.failed(request, batch);
                    busy.set(false);
                    message.set(DatabaseErrors.describe(error));
                });
    }

    private void reloadFound() {
        candidates.clear();
        load(null);
    }

    static String describe(AssignmentChange change, int chosen, Mentor target) {
        String text = Messages.text("messages.assign.done", change.students(), target.displayName());
        int unchanged = chosen - change.students();
        return unchanged > 0 ? Messages.text("messages.assign.doneSomeHad", text, unchanged) : text;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public BooleanProperty withoutMentorOnlyProperty() {
        return withoutMentorOnly;
    }

    public ObservableList<RosterEntry> candidates() {
        return candidates;
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Non-empty while the user is asked whether to move students who have another mentor. */
    public ReadOnlyStringProperty moveQuestionProperty() {
        return moveQuestion;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyObjectProperty<Mentor> mentorProperty() {
        return mentor;
    }
}
