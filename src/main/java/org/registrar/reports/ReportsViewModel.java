package org.registrar.reports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;

/**
 * The Reports screen's state: which report, for which class, assessment, student, term or year group; the classes
 * the class picker offers for what was typed (never every class: ADR 0073); the report
 * read through the {@link ReportCache} on the database worker (answers of superseded requests dropped) and turned
 * into a {@link ReportTable}; exports written on a worker too. FX thread only.
 */
public final class ReportsViewModel {
    /** The class pickers' operation on every screen: the same statement shape, the same words on the Health screen. */
    static final String FIND_CLASSES = "Find classes";

    private final Tasks tasks;
    private final ReportCache reports;
    private final ObservableList<Choices.Cohort> classMatches = FXCollections.observableArrayList();
    private final StringProperty classHint = new SimpleStringProperty("");
    private final ObservableList<Choices.Assessment> assessments = FXCollections.observableArrayList();
    private final ObservableList<Choices.Student> students = FXCollections.observableArrayList();
    private final ObservableList<Choices.YearGroup> yearGroups = FXCollections.observableArrayList();
    private final ObjectProperty<ReportKind> kind = new SimpleObjectProperty<>(ReportKind.SCORE_SHEET);
    private final ObjectProperty<Choices.Cohort> cohort = new SimpleObjectProperty<>();
    private final ObjectProperty<Choices.Assessment> assessment = new SimpleObjectProperty<>();
    private final ObjectProperty<Choices.Student> student = new SimpleObjectProperty<>();
    private final ObjectProperty<Choices.YearGroup> yearGroup = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<ReportTable> table = new SimpleObjectProperty<>();
    private final ObjectProperty<List<Integer>> bands = new SimpleObjectProperty<>(List.of());
    private final StringProperty message = new SimpleStringProperty(Messages.text("reports.choose"));
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private long latest;
    private long latestChoices;
    private long latestFind;

    public ReportsViewModel(Tasks tasks, ReportCache reports) {
        this.tasks = tasks;
        this.reports = reports;
        cohort.addListener((property, before, chosen) -> cohortChosen(chosen));
    }

    /**
     * Reads the year groups and the class to start on (the first of the newest year group) in the background; not
     * the classes, which the picker asks for by what is typed ({@link #findClasses}).
     */
    public void load() {
        tasks.run("Report choices", () -> new Opening(reports.yearGroups(), reports.firstCohort()))
                .onDone(this::openingRead)
                .onError(this::failed);
    }

    /**
     * The user typed {@code typed} into the class picker (or opened it, with ""): reads the first classes starting with
     * it in the background; an answer to an earlier prefix that arrives late is dropped.
     */
    public void findClasses(String typed) {
        String prefix = typed == null ? "" : typed.strip();
        long ticket = ++latestFind;
        tasks.run(FIND_CLASSES, () -> reports.classesStartingWith(prefix))
                .onDone(found -> {
                    if (ticket == latestFind) {
                        classesFound(prefix, found);
                    }
                })
                .onError(this::failed);
    }

    /** Reads the chosen report in the background and shows it; nothing when the choice is incomplete. */
    public void show() {
        Callable<Optional<ReportTable>> work = request();
        if (work == null) {
            message.set(Messages.text("reports.choose"));
            return;
        }
        long ticket = ++latest;
        busy.set(true);
        message.set(Messages.text("reports.busy"));
        ReportKind shown = kind.get();
        tasks.run(shown.operation(), work)
                .onDone(read -> {
                    if (ticket != latest) {
                        return;
                    }
                    busy.set(false);
                    table.set(read.orElse(null));
                    message.set(read.map(found ->
                                    Messages.text("reports.shown", found.rows().size(), found.title()))
                            .orElseGet(() -> Messages.text("reports.not-found")));
                })
                .onError(error -> {
                    if (ticket == latest) {
                        busy.set(false);
                        failed(error);
                    }
                });
    }

    /** Writes the shown report to {@code file} in the background; {@code done} hears the outcome. */
    public void export(ExportFormat format, Path file, Runnable done) {
        ReportTable shown = table.get();
        if (shown == null) {
            return;
        }
        LocalDate today = LocalDate.now();
        tasks.runLocal("Export report", () -> {
                    format.write(shown, file, today);
                    return file;
                })
                .onDone(written -> {
                    message.set(Messages.text(
                            "reports.exported", written.getFileName().toString()));
                    done.run();
                })
                .onError(error -> {
                    message.set(Messages.text(
                            "reports.export-failed",
                            file.getFileName().toString(),
                            String.valueOf(error.getMessage())));
                    done.run();
                });
    }

    /** Shows what printing (or another step outside the model) told. */
    public void report(String text) {
        message.set(text);
    }

    /** The file name a save dialog suggests for the shown report. */
    public String suggestedName(ExportFormat format) {
        ReportTable shown = table.get();
        String base = shown == null ? "report" : shown.fileName().replaceAll("[^\\p{L}\\p{N}._-]+", "-");
        return base + "." + format.extension();
    }

    private Callable<Optional<ReportTable>> request() {
        Choices.Cohort chosenCohort = cohort.get();
        return switch (kind.get()) {
            case SCORE_SHEET -> {
                Choices.Assessment chosen = assessment.get();
                yield chosen == null
                        ? null
                        : () -> reports.scoreSheet(chosen.id()).map(this::withBands);
            }
            case CLASS_OVERVIEW -> {
                LocalDate start =
                        from.get() != null ? from.get() : chosenCohort == null ? null : chosenCohort.yearStart();
                LocalDate end = to.get() != null ? to.get() : chosenCohort == null ? null : chosenCohort.yearEnd();
                yield chosenCohort == null
                        ? null
                        : () -> reports.classOverview(chosenCohort.id(), start, end)
                                .map(this::withoutBands);
            }
            case TRANSCRIPT -> {
                Choices.Student chosen = student.get();
                yield chosen == null
                        ? null
                        : () -> reports.transcript(chosen.id()).map(this::withoutBands);
            }
            case YEAR_OVERVIEW -> {
                Choices.YearGroup chosen = yearGroup.get();
                yield chosen == null
                        ? null
                        : () -> Optional.of(
                                withoutBands(reports.yearOverview(chosen.gradeLevel(), chosen.schoolYear())));
            }
        };
    }

    private ReportTable withBands(ScoreSheet sheet) {
        List<Integer> read = sheet.bands();
        tasks.later(() -> bands.set(read));
        return ReportTables.of(sheet);
    }

    private ReportTable withoutBands(Object report) {
        tasks.later(() -> bands.set(List.of()));
        if (report instanceof ClassOverview overview) {
            return ReportTables.of(overview);
        }
        if (report instanceof Transcript transcript) {
            return ReportTables.of(transcript);
        }
        return ReportTables.of((YearOverview) report);
    }

    private void openingRead(Opening read) {
        yearGroups.setAll(read.yearGroups());
        if (cohort.get() == null) {
            read.firstCohort().ifPresent(cohort::set);
        }
        if (yearGroup.get() == null && !yearGroups.isEmpty()) {
            yearGroup.set(yearGroups.get(0));
        }
    }

    private void classesFound(String prefix, Choices.ClassMatches found) {
        classMatches.setAll(found.cohorts());
        if (found.more() > 0) {
            classHint.set(Messages.text(
                    found.atLeast() ? "reports.cohort.moreAtLeast" : "reports.cohort.more", found.more()));
        } else if (found.cohorts().isEmpty()) {
            classHint.set(Messages.text("reports.cohort.none", prefix));
        } else {
            classHint.set("");
        }
    }

    private void cohortChosen(Choices.Cohort chosen) {
        long ticket = ++latestChoices;
        assessments.clear();
        students.clear();
        assessment.set(null);
        student.set(null);
        if (chosen == null) {
            return;
        }
        from.set(chosen.yearStart());
        to.set(chosen.yearEnd());
        tasks.run(
                        "Report choices",
                        () -> new ClassChoices(reports.assessments(chosen.id()), reports.students(chosen.id())))
                .onDone(read -> {
                    if (ticket != latestChoices) {
                        return;
                    }
                    assessments.setAll(read.assessments());
                    students.setAll(read.students());
                    if (!read.assessments().isEmpty()) {
                        assessment.set(read.assessments().get(0));
                    }
                    if (!read.students().isEmpty()) {
                        student.set(read.students().get(0));
                    }
                })
                .onError(this::failed);
    }

    private void failed(Throwable error) {
        message.set(String.valueOf(error.getMessage()));
    }

    private record ClassChoices(List<Choices.Assessment> assessments, List<Choices.Student> students) {}

    /** What the screen opens with: its year groups and the class it starts on. */
    private record Opening(List<Choices.YearGroup> yearGroups, Optional<Choices.Cohort> firstCohort) {}

    /** The classes found for the prefix typed last; empty until the class picker is first opened. */
    public ObservableList<Choices.Cohort> classMatches() {
        return classMatches;
    }

    /** "N more classes: keep typing" when the list was cut, "No class starts with …" when none matched, else "". */
    public ReadOnlyStringProperty classHint() {
        return classHint;
    }

    public ObservableList<Choices.Assessment> assessments() {
        return assessments;
    }

    public ObservableList<Choices.Student> students() {
        return students;
    }

    public ObservableList<Choices.YearGroup> yearGroups() {
        return yearGroups;
    }

    public ObjectProperty<ReportKind> kind() {
        return kind;
    }

    public ObjectProperty<Choices.Cohort> cohort() {
        return cohort;
    }

    public ObjectProperty<Choices.Assessment> assessment() {
        return assessment;
    }

    public ObjectProperty<Choices.Student> student() {
        return student;
    }

    public ObjectProperty<Choices.YearGroup> yearGroup() {
        return yearGroup;
    }

    public ObjectProperty<LocalDate> from() {
        return from;
    }

    public ObjectProperty<LocalDate> to() {
        return to;
    }

    public ReadOnlyObjectProperty<ReportTable> table() {
        return table;
    }

    public ReadOnlyObjectProperty<List<Integer>> bands() {
        return bands;
    }

    public ReadOnlyStringProperty message() {
        return message;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy;
    }
}
