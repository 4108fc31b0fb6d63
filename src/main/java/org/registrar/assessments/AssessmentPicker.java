package org.registrar.assessments;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.registrar.assessments.data.Assessment;
import org.registrar.assessments.data.Cohort;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SheetRow;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.history.HistoryViewModel;
import org.registrar.assessments.save.Draft;
import org.registrar.assessments.save.DraftStore;
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;

/**
 * Which grid is open: the picked cohort's assessments, the cohort and assessment picked, and loading the grid of a
 * pick (or of a waiting draft being resumed). The cohorts to pick from are found by typing ({@link CohortSearch}). An answer a newer pick superseded is dropped. What a
 * load shows goes to the {@link Host}. FX thread only.
 */
final class AssessmentPicker {
    /** What a pick asks of the screen around it. */
    interface Host {
        /** Another grid is about to open: the typing in the old one is committed, its input work dropped. */
        void leaving();

        /** No grid is open now. */
        void cleared();

        void setBusy(boolean busy);

        void say(String text, boolean isError);

        void failed(Throwable failure);

        /** A grid was loaded: its students and the draft left of it (null: none). */
        void show(List<SheetRow> sheet, Draft draft);

        /** The draft the open grid offered belongs to the waiting draft being resumed: it goes back in. */
        void restoreDraft();
    }

    private final Tasks tasks;
    private final ResultsRepository repository;
    private final DraftStore drafts;
    private final BooleanSupplier canCreateAssessments;
    private final Host host;
    private final ObservableList<AssessmentChoice> assessments = FXCollections.observableArrayList();
    private final ObjectProperty<Cohort> cohort = new SimpleObjectProperty<>();
    private final ObjectProperty<AssessmentChoice> assessment = new SimpleObjectProperty<>();
    /** A saved assessment is open (it has a history); a new one is open (its form is shown). */
    private final BooleanBinding savedAssessmentOpen = Bindings.createBooleanBinding(
            () -> assessment.get() != null && !assessment.get().isNew(), assessment);

    private final BooleanBinding newAssessmentOpen = Bindings.createBooleanBinding(
            () -> assessment.get() != null && assessment.get().isNew(), assessment);
    /** The waiting draft being resumed: its cohort and assessment are being opened, then it is restored. */
    private WaitingDrafts.Line resuming;

    private long latest;

    AssessmentPicker(
            Tasks tasks,
            ResultsRepository repository,
            DraftStore drafts,
            BooleanSupplier canCreateAssessments,
            Host host) {
        this.tasks = tasks;
        this.repository = repository;
        this.drafts = drafts;
        this.canCreateAssessments = canCreateAssessments;
        this.host = host;
    }

    void selectCohort(Cohort chosen) {
        host.leaving();
        cohort.set(chosen);
        assessment.set(null);
        // the previous cohort's assessments must not stay pickable while this cohort's load
        assessments.clear();
        host.cleared();
        if (chosen == null) {
            return;
        }
        long ticket = ++latest;
        host.setBusy(true);
        tasks.run("Open cohort", () -> repository.assessments(chosen.id()))
                .onDone(list -> {
                    if (ticket == latest) {
                        assessments.setAll(
                                list.stream().map(AssessmentChoice::new).toList());
                        if (canCreateAssessments.getAsBoolean()) {
                            assessments.add(0, AssessmentChoice.NEW);
                        }
                        host.setBusy(false);
                        host.say(Messages.text("messages.grid.pickAssessment", chosen.name()), false);
                        openResumed(chosen);
                    }
                })
                .onError(host::failed);
    }

    /** Loads the grid of the chosen assessment and looks for a draft left of it. */
    void selectAssessment(AssessmentChoice chosen) {
        host.leaving();
        assessment.set(chosen);
        Cohort current = cohort.get();
        if (chosen == null || current == null) {
            return;
        }
        if (!chosen.isNew() && chosen.assessment().cohortId() != current.id()) {
            // an assessment of another class: its results must never be entered against this class's students
            assessment.set(null);
            return;
        }
        Long id = chosen.isNew() ? null : chosen.assessment().id();
        long ticket = ++latest;
        host.setBusy(true);
        tasks.run(
                        BulkEntryViewModel.OPEN,
                        () -> new Opened(
                                repository.sheet(current.id(), id),
                                drafts.find(current.id(), id).orElse(null)))
                .onDone(opened -> {
                    if (ticket == latest) {
                        show(opened);
                    }
                })
                .onError(host::failed);
    }

    private record Opened(List<SheetRow> sheet, Draft draft) {}

    private void show(Opened opened) {
        host.show(opened.sheet(), opened.draft());
        WaitingDrafts.Line resumed = resuming;
        resuming = null;
        Draft offered = opened.draft();
        if (resumed != null
                && offered != null
                && offered.cohortId() == resumed.cohortId()
                && Objects.equals(offered.assessmentId(), resumed.assessmentId())) {
            host.restoreDraft();
        }
    }

    /**
     * Opens the cohort and assessment of a waiting draft and restores it there. The cohort is read by its id: the
     * picker holds only the classes last found by typing.
     */
    void resume(WaitingDrafts.Line line) {
        Cohort open = cohort.get();
        if (open != null && open.id() == line.cohortId() && !assessments.isEmpty()) {
            resuming = line;
            openResumed(open);
            return;
        }
        long ticket = ++latest;
        host.setBusy(true);
        tasks.run("Open cohort", () -> repository.cohortFinder().byId(line.cohortId()))
                .onDone(found -> {
                    if (ticket != latest) {
                        return;
                    }
                    host.setBusy(false);
                    if (found.isEmpty()) {
                        host.say(Messages.text("messages.grid.draftCohortGone"), true);
                        return;
                    }
                    resuming = line;
                    selectCohort(found.get());
                })
                .onError(host::failed);
    }

    /** The cohort of the draft being resumed has its assessments: opens the draft's one. */
    private void openResumed(Cohort opened) {
        WaitingDrafts.Line line = resuming;
        if (line == null || line.cohortId() != opened.id()) {
            return;
        }
        AssessmentChoice choice = assessments.stream()
                .filter(each -> line.assessmentId() == null
                        ? each.isNew()
                        : !each.isNew() && each.assessment().id() == line.assessmentId())
                .findFirst()
                .orElse(null);
        if (choice == null) {
            resuming = null;
            host.say(Messages.text("messages.grid.draftAssessmentGone"), true);
            return;
        }
        selectAssessment(choice);
    }

    /** The batch had been applied before (a lost acknowledgement): drop its draft and show what is stored. */
    void reopenAfterAppliedBatch(String message) {
        Cohort current = cohort.get();
        Long id = assessmentId();
        long ticket = ++latest;
        host.setBusy(true);
        tasks.run(BulkEntryViewModel.OPEN, () -> {
                    drafts.delete(current.id(), id);
                    return new Opened(repository.sheet(current.id(), id), null);
                })
                .onDone(opened -> {
                    if (ticket == latest) {
                        show(opened);
                        host.say(message, false);
                    }
                })
                .onError(host::failed);
    }

    /** After a new assessment's first save: it is now an existing one, selected without reloading the grid. */
    void created(Assessment made) {
        AssessmentChoice choice = new AssessmentChoice(made);
        assessments.add(1, choice);
        assessment.set(choice);
    }

    /**
     * The history of the open (saved) assessment, with {@code row}'s student as the one picked (null: none).
     *
     * @return null when no saved assessment is open (a new one has no history yet)
     */
    HistoryViewModel history(GridRow row) {
        if (!savedAssessmentOpen.get()) {
            return null;
        }
        AssessmentChoice chosen = assessment.get();
        return new HistoryViewModel(
                tasks,
                repository.history(),
                ZoneId.systemDefault(),
                chosen.assessment().id(),
                chosen.assessment().title(),
                row == null
                        ? null
                        : new HistoryViewModel.Student(row.studentId(), row.studentNumber() + " " + row.name()));
    }

    /** The open assessment's id; null when none is open or a new one is. */
    Long assessmentId() {
        AssessmentChoice chosen = assessment.get();
        return chosen == null || chosen.isNew() ? null : chosen.assessment().id();
    }

    /** True while a grid is open: a cohort and an assessment (saved or new) are picked. */
    boolean gridOpen() {
        return cohort.get() != null && assessment.get() != null;
    }

    ObservableList<AssessmentChoice> assessments() {
        return assessments;
    }

    ObjectProperty<Cohort> cohort() {
        return cohort;
    }

    ObjectProperty<AssessmentChoice> assessment() {
        return assessment;
    }

    BooleanBinding savedAssessmentOpen() {
        return savedAssessmentOpen;
    }

    BooleanBinding newAssessmentOpen() {
        return newAssessmentOpen;
    }
}
