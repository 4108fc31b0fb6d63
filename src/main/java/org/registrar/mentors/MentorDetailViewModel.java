package org.registrar.mentors;

import java.util.List;
import java.util.UUID;
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
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;

/**
 * One mentor's detail: their students page by page (cached per page), unassigning some, moving all to another
 * mentor, and the {@link AssignViewModel} to add students. After a write the list is refreshed through
 * {@code changed}, which shows this mentor again. FX thread only.
 */
final class MentorDetailViewModel {
    static final String OPEN = "Open mentor";

    private final Tasks tasks;
    private final MentorDirectory directory;
    private final Runnable changed;
    private final ObjectProperty<Mentor> mentor = new SimpleObjectProperty<>();
    private final ObservableList<RosterEntry> roster = FXCollections.observableArrayList();
    private final ObservableList<Mentor> moveTargets = FXCollections.observableArrayList();
    private final BooleanProperty hasMore = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BatchIds batches = new BatchIds();
    private final AssignViewModel assign;
    private PageKey next;
    private long latest;

    MentorDetailViewModel(Tasks tasks, MentorDirectory directory, Runnable changed) {
        this.tasks = tasks;
        this.directory = directory;
        this.changed = changed;
        this.assign = new AssignViewModel(tasks, directory, mentor, changed);
    }

    /** Shows {@code chosen} (null: nothing) from its first roster page. */
    void show(Mentor chosen) {
        mentor.set(chosen);
        roster.clear();
        next = null;
        hasMore.set(false);
        if (chosen != null) {
            load(chosen.id(), null);
        }
    }

    void setMentors(List<Mentor> all) {
        moveTargets.setAll(all.stream().filter(Mentor::active).toList());
    }

    /** Appends the next roster page. */
    public void loadMore() {
        if (mentor.get() != null && next != null) {
            load(mentor.get().id(), next);
        }
    }

    private void load(long mentorId, PageKey after) {
        long ticket = ++latest;
        busy.set(true);
        tasks.run(OPEN, () -> directory.roster(mentorId, after))
                .onDone(page -> {
                    if (ticket == latest) {
                        roster.addAll(page.entries());
                        next = page.next();
                        hasMore.set(page.hasMore());
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

    /** Removes the mentor of the chosen students (one statement). */
    public void unassign(List<RosterEntry> chosen) {
        if (chosen.isEmpty()) {
            message.set(Messages.text("messages.mentors.chooseToUnassign"));
            return;
        }
        List<Long> ids = chosen.stream().map(RosterEntry::studentId).toList();
        Object request = List.of("unassign", ids);
        UUID batch = batches.forRequest(request);
        write(
                "Unassign students",
                request,
                batch,
                () -> directory.unassign(ids, batch),
                count -> Messages.text("messages.mentors.unassigned", count));
    }

    /** Moves every student of the shown mentor to {@code target} (one statement). */
    public void moveAllTo(Mentor target) {
        Mentor from = mentor.get();
        if (from == null || target == null || target.id() == from.id()) {
            message.set(Messages.text("messages.mentors.chooseTarget"));
            return;
        }
        Object request = List.of("move", from.id(), target.id());
        UUID batch = batches.forRequest(request);
        write(
                "Move students",
                request,
                batch,
                () -> directory.moveAll(from.id(), target.id(), batch),
                count -> Messages.text("messages.mentors.moved", count, target.displayName()));
    }

    private void write(
            String operation,
            Object request,
            UUID batch,
            java.util.concurrent.Callable<AssignmentChange> work,
            java.util.function.IntFunction<String> done) {
        busy.set(true);
        tasks.run(operation, work)
                .onDone(change -> {
                    batches.succeeded();
                    busy.set(false);
                    message.set(done.apply(change.students()));
                    changed.run();
                })
                .onError(error -> {
                    batches.failed(request, batch);
                    busy.set(false);
                    message.set(DatabaseErrors.describe(error));
                });
    }

    public ReadOnlyObjectProperty<Mentor> mentorProperty() {
        return mentor;
    }

    public ObservableList<RosterEntry> roster() {
        return roster;
    }

    public ObservableList<Mentor> moveTargets() {
        return moveTargets;
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public AssignViewModel assign() {
        return assign;
    }
}
