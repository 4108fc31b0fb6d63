package org.registrar.assessments;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.registrar.assessments.data.DraftNames;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.save.Draft;
import org.registrar.assessments.save.DraftStore;
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;

/**
 * Drafts waiting in the user data folder for any cohort and assessment, other than the open grid's, named for the
 * user ("Unsaved scores: Biology test 3 · 10A-00010 · 7 students · kept 2026-12-02 08:14"). FX thread only; the
 * folder and the names are read through {@link Tasks}.
 */
final class WaitingDrafts {
    static final String FIND = "Find drafts";
    private static final DateTimeFormatter KEPT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One waiting draft as listed. */
    record Line(long cohortId, Long assessmentId, String text) {}

    private final Tasks tasks;
    private final ResultsRepository repository;
    private final DraftStore drafts;
    private final Executor draftWriter;
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private long latest;

    WaitingDrafts(Tasks tasks, ResultsRepository repository, DraftStore drafts, Executor draftWriter) {
        this.tasks = tasks;
        this.repository = repository;
        this.drafts = drafts;
        this.draftWriter = draftWriter;
    }

    /**
     * Reads the list again, leaving out the draft of the grid open now ({@code openCohort}/{@code openAssessment};
     * null cohort: none open). Reads after the draft writes asked for so far, so it sees them.
     */
    void refresh(Long openCohort, Long openAssessment, boolean openIsNew) {
        long ticket = ++latest;
        draftWriter.execute(() -> tasks.run(FIND, () -> named(drafts.list()))
                .onDone(found -> {
                    if (ticket == latest) {
                        lines.setAll(found.stream()
                                .filter(line -> !isOpen(line, openCohort, openAssessment, openIsNew))
                                .toList());
                    }
                })
                .onError(failure -> {}));
    }

    private static boolean isOpen(Line line, Long cohort, Long assessment, boolean isNew) {
        return cohort != null
                && line.cohortId() == cohort
                && (isNew ? line.assessmentId() == null : java.util.Objects.equals(line.assessmentId(), assessment));
    }

    /** Blocking (a query for the names): on a worker. */
    private List<Line> named(List<Draft> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        DraftNames names = repository.draftNames(
                found.stream().mapToLong(Draft::cohortId).distinct().toArray(),
                found.stream()
                        .map(Draft::assessmentId)
                        .filter(java.util.Objects::nonNull)
                        .mapToLong(Long::longValue)
                        .distinct()
                        .toArray());
        return found.stream()
                .map(draft -> new Line(draft.cohortId(), draft.assessmentId(), describe(draft, names)))
                .toList();
    }

    static String describe(Draft draft, DraftNames names) {
        String assessment = draft.assessmentId() == null
                ? (draft.newAssessment() == null
                        ? Messages.text("messages.drafts.newAssessment")
                        : Messages.text(
                                "messages.drafts.titledNew",
                                draft.newAssessment().title()))
                : names.assessments()
                        .getOrDefault(
                                draft.assessmentId(),
                                Messages.text("messages.drafts.assessment", String.valueOf(draft.assessmentId())));
        String cohort = names.cohorts()
                .getOrDefault(
                        draft.cohortId(), Messages.text("messages.drafts.cohort", String.valueOf(draft.cohortId())));
        return Messages.text(
                "messages.drafts.line",
                assessment,
                cohort,
                draft.entries().size(),
                KEPT.withLocale(Messages.locale()).format(draft.updatedAt().atZone(ZoneId.systemDefault())));
    }

    /** Deletes the listed draft and takes it off the list. */
    void discard(Line line) {
        lines.remove(line);
        draftWriter.execute(() -> drafts.delete(line.cohortId(), line.assessmentId()));
    }

    ObservableList<Line> lines() {
        return lines;
    }
}
