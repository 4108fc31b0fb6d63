package org.registrar.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import org.jdbi.v3.core.Jdbi;
import org.registrar.assessments.BulkEntryView;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.save.DraftStore;
import org.registrar.db.Privileges;
import org.registrar.dialogs.DialogService;
import org.registrar.health.ConnectionView;
import org.registrar.health.ConnectionViewModel;
import org.registrar.health.Diagnostics;
import org.registrar.health.HealthSettings;
import org.registrar.health.HealthView;
import org.registrar.health.HealthViewModel;
import org.registrar.health.ServerActivityRepository;
import org.registrar.health.ServerViewModel;
import org.registrar.mentors.MentorChooser;
import org.registrar.mentors.MentorChooserViewModel;
import org.registrar.mentors.MentorsView;
import org.registrar.mentors.MentorsViewModel;
import org.registrar.reports.ReportsView;
import org.registrar.reports.ReportsViewModel;
import org.registrar.students.StudentEditorViewModel;
import org.registrar.students.StudentExportService;
import org.registrar.students.StudentExportViewModel;
import org.registrar.students.StudentRecordRepository;
import org.registrar.students.StudentRepository;
import org.registrar.students.StudentsView;
import org.registrar.students.StudentsViewModel;
import org.registrar.tasks.Tasks;

/**
 * The composition root of the features: builds every screen with its ViewModels and repositories from the app's
 * one context, one {@link Tasks} (on the context's database worker) and one {@link DialogService}. No feature
 * constructs another's parts or its own executor; they meet only here. FX thread only.
 */
final class Screens {
    private final AppContext context;
    private final Tasks tasks;
    private final DialogService dialogs;
    private final Runnable editConnection;
    private final HealthSettings health;
    /** The Assessments screen once built: asked about unsaved scores when the window closes. */
    private BulkEntryView bulkEntry;

    Screens(AppContext context, DialogService dialogs, Runnable editConnection) {
        this(context, dialogs, editConnection, HealthSettings.load());
    }

    /** @param health the Health screen's thresholds from the effective settings (ADR 0050) */
    Screens(AppContext context, DialogService dialogs, Runnable editConnection, HealthSettings health) {
        this.context = context;
        this.dialogs = dialogs;
        this.editConnection = editConnection;
        this.health = health;
        this.tasks = tasksFor(context);
    }

    /** Work on the context's database worker, results on the FX thread, each run reported to the monitor. */
    static Tasks tasksFor(AppContext context) {
        return new Tasks(
                context.databaseWorker(), Platform::runLater, context.database().queryMetrics(), new Tasks.Observer() {
                    @Override
                    public void beforeRun() throws Exception {
                        context.monitor().requireAvailable();
                    }

                    @Override
                    public void succeeded() {
                        context.monitor().reportSuccess();
                    }

                    @Override
                    public void failed(Throwable error) {
                        context.monitor().reportFailure(error);
                    }
                });
    }

    /** The screens this login sees, in navigation order, each built on first call of its supplier. */
    Map<String, Supplier<Node>> forLogin() {
        Map<String, Supplier<Node>> screens = new LinkedHashMap<>();
        screens.put("Students", this::students);
        screens.put("Assessments", () -> {
            bulkEntry = BulkEntryView.create(
                    tasks,
                    new ResultsRepository(context.database().jdbi()),
                    new DraftStore(context.dataHome()),
                    context.draftWriter(),
                    dialogs,
                    context.privileges());
            return bulkEntry.root();
        });
        screens.put("Mentors", this::mentors);
        screens.put("Health", this::health);
        screens.put("Connection", this::connection);
        screens.put("Reports", this::reports);
        screens.keySet().retainAll(screensFor(context.privileges()));
        return screens;
    }

    /**
     * The screens a login sees, in navigation order: one that may not read student data (support) sees only
     * Health and Connection.
     */
    static List<String> screensFor(Privileges privileges) {
        List<String> names = new ArrayList<>();
        if (privileges.canSeeStudentData()) {
            names.addAll(List.of("Students", "Assessments", "Mentors"));
        }
        names.addAll(List.of("Health", "Connection"));
        if (privileges.canSeeStudentData()) {
            names.add("Reports");
        }
        return names;
    }

    /** The Assessments screen, or null while it was not opened. */
    BulkEntryView bulkEntry() {
        return bulkEntry;
    }

    /** Asks in the background whether drafts of an earlier session wait; {@code waiting} hears the answer. */
    void findWaitingDrafts(Consumer<Boolean> waiting) {
        tasks.runLocal(
                        "Find drafts",
                        () -> !new DraftStore(context.dataHome()).list().isEmpty())
                .onDone(waiting::accept);
    }

    /** The Students screen, with "Assign mentor…" opening the mentors' chooser for the selected ids. */
    private Node students() {
        StudentsView view = studentsView(tasks, context.database().jdbi(), dialogs, context.privileges());
        view.offerMentorAssignment(
                (studentIds, assigned) -> MentorChooser.show(
                        dialogs, new MentorChooserViewModel(tasks, context.mentors(), studentIds), assigned),
                context.privileges().canAssignMentors());
        return view.root();
    }

    /**
     * The Students screen's view and models over {@code jdbi}, as the window builds it; {@link WindowRehearsal}
     * builds the same off-screen while the server starts.
     */
    static StudentsView studentsView(Tasks tasks, Jdbi jdbi, DialogService dialogs, Privileges privileges) {
        StudentEditorViewModel editor = new StudentEditorViewModel(tasks, new StudentRecordRepository(jdbi));
        editor.apply(privileges);
        return new StudentsView(
                new StudentsViewModel(tasks, new StudentRepository(jdbi)),
                editor,
                new StudentExportViewModel(tasks, new StudentExportService(jdbi), Platform::runLater),
                dialogs);
    }

    private Node mentors() {
        MentorsViewModel mentors = new MentorsViewModel(tasks, context.mentors());
        mentors.allowEditing(context.privileges().canEditMentors());
        return new MentorsView(mentors, dialogs).root();
    }

    private Node health() {
        return new HealthView(
                        new HealthViewModel(
                                tasks,
                                context.sampler().history(),
                                context.database().queryMetrics(),
                                context.sampler().hasCaches()),
                        new ServerViewModel(
                                tasks,
                                new ServerActivityRepository(context.database().jdbi()),
                                health,
                                context.healthAlerts()),
                        dialogs)
                .root();
    }

    private Node reports() {
        return new ReportsView(new ReportsViewModel(tasks, context.reports()), dialogs).root();
    }

    private Node connection() {
        return new ConnectionView(
                        new ConnectionViewModel(tasks, new Diagnostics(context.database()), context.database()),
                        editConnection)
                .root();
    }
}
