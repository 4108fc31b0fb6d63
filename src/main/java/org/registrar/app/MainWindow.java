package org.registrar.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.registrar.assessments.BulkEntryView;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.save.DraftStore;
import org.registrar.db.Privileges;
import org.registrar.dialogs.FxDialogService;
import org.registrar.health.ConnectionView;
import org.registrar.health.ConnectionViewModel;
import org.registrar.health.Diagnostics;
import org.registrar.health.HealthSettings;
import org.registrar.health.HealthView;
import org.registrar.health.HealthViewModel;
import org.registrar.health.ServerActivityRepository;
import org.registrar.health.ServerViewModel;
import org.registrar.mentors.MentorChooser;
import org.registrar.mentors.MentorsView;
import org.registrar.mentors.MentorsViewModel;
import org.registrar.students.StudentEditorViewModel;
import org.registrar.students.StudentExportService;
import org.registrar.students.StudentExportViewModel;
import org.registrar.students.StudentRecordRepository;
import org.registrar.students.StudentRepository;
import org.registrar.students.StudentsView;
import org.registrar.students.StudentsViewModel;
import org.registrar.tasks.Tasks;

/**
 * The shell: navigation on the left, the chosen screen in the middle, the status bar below. Screens are built on
 * first visit and kept, so their state survives switching. Composition root for the features.
 */
final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final ExecutorService worker;
    /** Writes the Assessments screen's drafts, one at a time in order; shut down (queued drafts written) on close. */
    private final ExecutorService draftWriter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "registrar-drafts");
        thread.setDaemon(true);
        return thread;
    });

    private final StatusBarView statusBar;
    private final Map<String, Supplier<Node>> screens = new LinkedHashMap<>();
    private final Map<String, Node> built = new LinkedHashMap<>();
    private final ToggleGroup navigation = new ToggleGroup();
    private final AppContext context;
    /** The Assessments screen once built: asked about unsaved scores when the window closes. */
    private BulkEntryView bulkEntry;

    MainWindow(AppContext context, Runnable editConnection) {
        this.context = context;
        worker = newWorker(context.database().profile().poolSize());
        Tasks tasks = new Tasks(worker, Platform::runLater, context.database().queryMetrics(), new Tasks.Observer() {
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
        statusBar = new StatusBarView(context);
        screens.put("Students", () -> studentsScreen(tasks, context));
        screens.put("Assessments", () -> {
            bulkEntry = BulkEntryView.create(
                    tasks,
                    new ResultsRepository(context.database().jdbi()),
                    new DraftStore(context.dataHome()),
                    draftWriter,
                    new FxDialogService(() ->
                            root.getScene() == null ? null : root.getScene().getWindow()),
                    context.privileges());
            return bulkEntry.root();
        });
        screens.put("Mentors", () -> {
            MentorsViewModel mentors = new MentorsViewModel(tasks, context.mentors());
            mentors.allowEditing(context.privileges().canEditMentors());
            return new MentorsView(mentors).root();
        });
        context.sampler().start();
        screens.put("Health", () -> new HealthView(
                        new HealthViewModel(
                                tasks,
                                context.sampler().history(),
                                context.database().queryMetrics(),
                                context.sampler().hasCaches()),
                        new ServerViewModel(
                                tasks,
                                new ServerActivityRepository(context.database().jdbi()),
                                HealthSettings.load(),
                                context.healthAlerts()))
                .root());
        screens.put("Connection", () -> new ConnectionView(
                        new ConnectionViewModel(tasks, new Diagnostics(context.database()), context.database()),
                        editConnection)
                .root());
        screens.keySet().retainAll(screensFor(context.privileges()));
        root.setLeft(navigationBar());
        root.setBottom(statusBar.root());
        root.getStyleClass().add("main-window");
        show(screens.keySet().iterator().next());
        openOnWaitingDrafts(tasks, context);
    }

    /**
     * Unsaved scores kept from an earlier session: the window opens on the Assessments screen, which lists them with
     * Resume and Discard, unless the user has already gone elsewhere.
     */
    private void openOnWaitingDrafts(Tasks tasks, AppContext context) {
        if (!screens.containsKey("Assessments")) {
            return;
        }
        String first = screens.keySet().iterator().next();
        tasks.runLocal(
                        "Find drafts",
                        () -> !new DraftStore(context.dataHome()).list().isEmpty())
                .onDone(waiting -> {
                    if (waiting && built.size() == 1 && built.containsKey(first)) {
                        show("Assessments");
                    }
                });
    }

    /**
     * The screens this login sees, in navigation order: one that may not read student data (support) sees only
     * Health and Connection.
     */
    static List<String> screensFor(Privileges privileges) {
        List<String> names = new ArrayList<>();
        if (privileges.canSeeStudentData()) {
            names.addAll(List.of("Students", "Assessments", "Mentors"));
        }
        names.addAll(List.of("Health", "Connection"));
        return names;
    }

    /** The Students screen, with "Assign mentor…" handing the selected ids to the mentors' chooser. */
    private Node studentsScreen(Tasks tasks, AppContext context) {
        StudentsView view = new StudentsView(
                new StudentsViewModel(
                        tasks, new StudentRepository(context.database().jdbi())),
                editor(tasks, context),
                new StudentExportViewModel(
                        tasks, new StudentExportService(context.database().jdbi()), Platform::runLater));
        view.offerMentorAssignment(
                (studentIds, assigned) ->
                        MentorChooser.show(root.getScene().getWindow(), tasks, context.mentors(), studentIds, assigned),
                context.privileges().canAssignMentors());
        return view.root();
    }

    private static StudentEditorViewModel editor(Tasks tasks, AppContext context) {
        StudentEditorViewModel editor = new StudentEditorViewModel(
                tasks, new StudentRecordRepository(context.database().jdbi()));
        editor.apply(context.privileges());
        return editor;
    }

    private static ExecutorService newWorker(int threads) {
        AtomicInteger counter = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "registrar-db-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private Node navigationBar() {
        Label brand = new Label("Registrar");
        brand.getStyleClass().addAll("title-3", "brand");
        VBox bar = new VBox(4, brand);
        bar.getStyleClass().add("navigation");
        bar.setPadding(new Insets(16, 8, 16, 8));
        for (String name : screens.keySet()) {
            ToggleButton button = new ToggleButton(name);
            button.setId("nav-" + name.toLowerCase());
            button.setToggleGroup(navigation);
            button.setMaxWidth(Double.MAX_VALUE);
            button.getStyleClass().add("nav-button");
            button.setOnAction(event -> show(name));
            bar.getChildren().add(button);
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        bar.getChildren().addAll(spacer, themeToggle());
        bar.setPrefWidth(180);
        return bar;
    }

    private static Node themeToggle() {
        ToggleButton dark = new ToggleButton("Dark mode");
        dark.setId("theme-toggle");
        dark.setMaxWidth(Double.MAX_VALUE);
        dark.getStyleClass().add("nav-button");
        dark.setSelected(Theme.saved() == Theme.DARK);
        dark.setOnAction(event -> (dark.isSelected() ? Theme.DARK : Theme.LIGHT).apply());
        return dark;
    }

    private void show(String name) {
        Node screen = built.computeIfAbsent(name, key -> screens.get(key).get());
        root.setCenter(screen);
        navigation.getToggles().stream()
                .filter(toggle -> ((ToggleButton) toggle).getText().equals(name))
                .findFirst()
                .ifPresent(toggle -> toggle.setSelected(true));
    }

    /**
     * The window is asked to close: the cell being typed into is committed to the draft first; with scores not
     * saved the user chooses save now, keep as a draft or discard, and {@code close} runs once that is done (after a
     * save only if it left nothing unsaved). Cancel keeps the window open.
     */
    void closeRequested(Runnable close) {
        if (bulkEntry == null || bulkEntry.unsavedStudents() == 0) {
            close.run();
            return;
        }
        UnsavedPrompt.ask(root.getScene().getWindow(), bulkEntry.unsavedSummary(), choice -> {
            switch (choice) {
                case SAVE -> {
                    show("Assessments");
                    bulkEntry.saveNow(close);
                }
                case KEEP_DRAFT -> bulkEntry.keepAsDraft(close);
                case DISCARD -> bulkEntry.discardEdits(close);
                case CANCEL -> {}
            }
        });
    }

    Parent root() {
        return root;
    }

    void dispose() {
        statusBar.dispose();
        context.sampler().close();
        worker.shutdownNow();
        draftWriter.shutdown();
    }
}
