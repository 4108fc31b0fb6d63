package org.registrar.assessments.history;

import java.time.ZoneId;
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
import org.registrar.db.DatabaseErrors;
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;

/**
 * The result history of one assessment, or of one student in it or in all assessments: newest first, 200 at a time,
 * "Load more" for older ones. Answers a newer request superseded are dropped. FX thread only.
 */
public final class HistoryViewModel {
    public static final String OPEN = "Open result history";

    private final Tasks tasks;
    private final HistoryRepository repository;
    private final ZoneId zone;
    private final long assessmentId;
    private final String assessmentTitle;
    /** The student picked (id and "number name"), or null for the whole assessment only. */
    private final Student student;

    private final ObservableList<HistoryLine> lines = FXCollections.observableArrayList();
    private final ObjectProperty<HistoryScope> scope = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty more = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private HistoryCursor next;
    private long latest;

    /**
     * One student's history can be shown: their id and how the title names them ("10A-00010 Smith, Ann"). Immutable.
     */
    public record Student(long id, String label) {}

    /** @param student the student picked, or null for the whole assessment only */
    public HistoryViewModel(
            Tasks tasks,
            HistoryRepository repository,
            ZoneId zone,
            long assessmentId,
            String assessmentTitle,
            Student student) {
        this.tasks = tasks;
        this.repository = repository;
        this.zone = zone;
        this.assessmentId = assessmentId;
        this.assessmentTitle = assessmentTitle;
        this.student = student;
    }

    /** The scopes this history can show: the student's only when a student was picked. */
    HistoryScope[] scopes() {
        return student == null
                ? new HistoryScope[] {HistoryScope.ASSESSMENT}
                : new HistoryScope[] {HistoryScope.STUDENT_IN_ASSESSMENT, HistoryScope.STUDENT, HistoryScope.ASSESSMENT
                };
    }

    /** Shows the newest page of {@code chosen}. */
    void show(HistoryScope chosen) {
        if (chosen == null || (chosen.needsStudent() && student == null)) {
            return;
        }
        scope.set(chosen);
        lines.clear();
        next = null;
        more.set(false);
        load();
    }

    /** Appends the next older page. */
    void loadMore() {
        if (more.get() && !busy.get()) {
            load();
        }
    }

    private void load() {
        long ticket = ++latest;
        HistoryScope current = scope.get();
        HistoryCursor after = next;
        long studentId = student == null ? -1 : student.id();
        busy.set(true);
        status.set(Messages.text("messages.loading"));
        tasks.run(OPEN, () -> repository.page(current, assessmentId, studentId, after, HistoryRepository.PAGE))
                .onDone(page -> {
                    if (ticket == latest) {
                        page.entries().forEach(entry -> lines.add(HistoryLine.of(entry, zone)));
                        next = page.next() == null ? next : page.next();
                        more.set(page.more());
                        busy.set(false);
                        status.set(describe());
                    }
                })
                .onError(error -> {
                    if (ticket == latest) {
                        busy.set(false);
                        status.set(DatabaseErrors.describe(error));
                    }
                });
    }

    private String describe() {
        if (lines.isEmpty()) {
            return Messages.text("messages.history.none");
        }
        return Messages.text(more.get() ? "messages.history.newestMore" : "messages.history.newestFirst", lines.size());
    }

    /** The window's title line: whose history this is. */
    String title() {
        HistoryScope current = scope.get();
        if (current == null || current == HistoryScope.ASSESSMENT || student == null) {
            return Messages.text("messages.history.of", assessmentTitle);
        }
        String who = student.label();
        return current == HistoryScope.STUDENT
                ? Messages.text("messages.history.of", who)
                : Messages.text("messages.history.ofIn", who, assessmentTitle);
    }

    ObservableList<HistoryLine> lines() {
        return lines;
    }

    ObjectProperty<HistoryScope> scopeProperty() {
        return scope;
    }

    ReadOnlyStringProperty statusProperty() {
        return status;
    }

    ReadOnlyBooleanProperty moreProperty() {
        return more;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
