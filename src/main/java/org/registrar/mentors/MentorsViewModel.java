package org.registrar.mentors;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.registrar.db.DatabaseErrors;
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;

/**
 * State of the Mentors screen's list: every mentor (from the {@link MentorDirectory} cache), a text and
 * "active only" filter, the count of students without a mentor, and the chosen mentor whose detail
 * {@link MentorDetailViewModel} shows. Loads off the FX thread and drops superseded answers. FX thread only.
 */
public final class MentorsViewModel {
    static final String OPEN = "Open mentors";
    static final String RENAME = "Rename mentor";
    static final String FIND_CLASS = "Find mentors of class";

    private final Tasks tasks;
    private final MentorDirectory directory;
    private final ObservableList<Mentor> mentors = FXCollections.observableArrayList();
    private final FilteredList<Mentor> shown = new FilteredList<>(mentors);
    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty activeOnly = new SimpleBooleanProperty();
    private final ObjectProperty<Mentor> selected = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty(Messages.text("messages.mentors.loading"));
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty canEdit = new SimpleBooleanProperty(true);
    private final MentorDetailViewModel detail;
    private long latest;
    private long cohortTicket;
    /** The filter text whose mentors-of-class answer {@link #inCohort} holds; none yet: null. */
    private String cohortAnswered;

    private Set<Long> inCohort = Set.of();

    public MentorsViewModel(Tasks tasks, MentorDirectory directory) {
        this.tasks = tasks;
        this.directory = directory;
        this.detail = new MentorDetailViewModel(tasks, directory, this::refresh);
        filter.addListener((obs, was, now) -> applyFilter());
        activeOnly.addListener((obs, was, now) -> applyFilter());
        selected.addListener((obs, was, now) -> detail.show(now));
    }

    /** Reloads the list and the count (a cache hit costs no statement) and then the chosen mentor's roster. */
    public void refresh() {
        long ticket = ++latest;
        busy.set(true);
        tasks.run(OPEN, () -> new Loaded(directory.mentors(), directory.countWithoutMentor()))
                .onDone(loaded -> {
                    if (ticket == latest) {
                        show(loaded);
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

    /** Whether this login may rename, activate and deactivate mentors (read from its privileges at start). */
    public void allowEditing(boolean permitted) {
        canEdit.set(permitted);
    }

    /**
     * Renames the chosen mentor; {@code renamed} runs once it is stored and the list reloads. A refusal lands in
     * {@link #messageProperty()} and {@code renamed} does not run, so a dialog can stay open with the typed name.
     */
    public void rename(String familyName, String givenName, Runnable renamed) {
        Mentor mentor = selected.get();
        if (mentor == null) {
            message.set(Messages.text("messages.mentors.chooseFirst"));
            return;
        }
        if (familyName == null || familyName.isBlank()) {
            message.set(Messages.text("messages.mentors.needsFamilyName"));
            return;
        }
        String given = givenName == null ? "" : givenName;
        write(RENAME, () -> directory.rename(mentor.id(), familyName, given), renamed);
    }

    /** Deactivates an active chosen mentor, or activates an inactive one. */
    public void toggleActive() {
        Mentor mentor = selected.get();
        if (mentor != null) {
            String operation = mentor.active() ? "Deactivate mentor" : "Activate mentor";
            write(operation, () -> directory.setActive(mentor.id(), !mentor.active()), () -> {});
        }
    }

    private void write(String operation, java.util.concurrent.Callable<Boolean> work, Runnable done) {
        busy.set(true);
        message.set("");
        tasks.run(operation, work)
                .onDone(changed -> {
                    busy.set(false);
                    if (changed) {
                        done.run();
                    } else {
                        message.set(Messages.text("messages.mentors.gone"));
                    }
                    refresh();
                })
                .onError(error -> {
                    busy.set(false);
                    message.set(DatabaseErrors.describe(operation, error));
                });
    }

    private void show(Loaded loaded) {
        Long keep = selected.get() == null ? null : selected.get().id();
        mentors.setAll(loaded.mentors());
        if (!filterText().isEmpty()) {
            askMentorsOfClass(filterText()); // the list moved, so may the class's mentors (a cache hit if not)
        }
        message.set("");
        summary.set(Messages.text("messages.mentors.summary", loaded.mentors().size(), loaded.withoutMentor()));
        detail.setMentors(loaded.mentors());
        Mentor again = keep == null
                ? null
                : loaded.mentors().stream()
                        .filter(m -> m.id() == keep)
                        .findFirst()
                        .orElse(null);
        if (again != null && again.equals(selected.get())) {
            detail.show(again);
        } else {
            selected.set(again != null ? again : shown.isEmpty() ? null : shown.get(0));
        }
    }

    /**
     * Name and e-mail match on this desktop at once; a class name is asked of the server (the list no longer
     * carries every mentor's classes), and its mentors join the shown ones when the answer for this text arrives.
     */
    private void applyFilter() {
        String text = filterText();
        boolean onlyActive = activeOnly.get();
        Set<Long> ofClass = text.equals(cohortAnswered) ? inCohort : Set.of();
        Predicate<Mentor> matches = mentor -> (!onlyActive || mentor.active())
                && (text.isEmpty()
                        || mentor.displayName().toLowerCase(Locale.ROOT).contains(text)
                        || mentor.email().toLowerCase(Locale.ROOT).contains(text)
                        || ofClass.contains(mentor.id()));
        shown.setPredicate(matches);
        if (!text.isEmpty() && !text.equals(cohortAnswered)) {
            askMentorsOfClass(text);
        }
    }

    private String filterText() {
        return filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
    }

    private void askMentorsOfClass(String text) {
        long ticket = ++cohortTicket;
        tasks.run(FIND_CLASS, () -> directory.mentorsInCohort(text))
                .onDone(ids -> {
                    if (ticket == cohortTicket) {
                        cohortAnswered = text;
                        inCohort = ids;
                        applyFilter();
                    }
                })
                .onError(error -> {
                    if (ticket == cohortTicket) {
                        message.set(DatabaseErrors.describe(FIND_CLASS, error));
                    }
                });
    }

    /** Mentors passing the filter; the view sorts them. */
    public FilteredList<Mentor> mentors() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty activeOnlyProperty() {
        return activeOnly;
    }

    public ObjectProperty<Mentor> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty canEditProperty() {
        return canEdit;
    }

    public MentorDetailViewModel detail() {
        return detail;
    }

    private record Loaded(java.util.List<Mentor> mentors, long withoutMentor) {}
}
