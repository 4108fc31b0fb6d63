package org.registrar.assessments;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import org.jdbi.v3.core.Jdbi;
import org.registrar.assessments.data.Cohort;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.save.DraftStore;
import org.registrar.db.Database;
import org.registrar.db.Privileges;
import org.registrar.dialogs.DialogService;
import org.registrar.dialogs.FxDialogService;
import org.registrar.tasks.Tasks;
import org.registrar.testing.TestSession;
import org.registrar.testing.UiSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Assessments screen set up in the primary stage for a UI test, and the moves tests make on it. */
final class BulkEntryScreen {
    final BulkEntryView view;
    final BulkEntryViewModel model;
    private final FxRobot robot;

    private BulkEntryScreen(BulkEntryView view, FxRobot robot) throws Exception {
        this.view = view;
        this.robot = robot;
        var field = BulkEntryView.class.getDeclaredField("model");
        field.setAccessible(true);
        this.model = (BulkEntryViewModel) field.get(view);
    }

    /** Writes every test screen's drafts, in order (daemon: it holds no test run open). */
    private static final Executor DRAFTS = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-drafts");
        thread.setDaemon(true);
        return thread;
    });

    /** The screen wired as the app wires it: over {@code database}, drafts under {@code dataHome}, real dialogs. */
    static BulkEntryView create(Tasks tasks, Database database, Path dataHome, Privileges privileges) {
        BulkEntryView[] view = new BulkEntryView[1];
        DialogService dialogs = new FxDialogService(() -> view[0].root().getScene() == null
                ? null
                : view[0].root().getScene().getWindow());
        view[0] = create(tasks, database, dataHome, privileges, dialogs);
        return view[0];
    }

    /** As {@link #create(Tasks, Database, Path, Privileges)}, asking the user through {@code dialogs}. */
    static BulkEntryView create(
            Tasks tasks, Database database, Path dataHome, Privileges privileges, DialogService dialogs) {
        return BulkEntryView.create(
                tasks, new ResultsRepository(database.jdbi()), new DraftStore(dataHome), DRAFTS, dialogs, privileges);
    }

    /** The screen in the stage, its first cohort's second assessment open. */
    static BulkEntryScreen show(FxRobot robot, TestSession session, Path dataHome) throws Exception {
        BulkEntryScreen screen = showEmpty(robot, session, dataHome);
        screen.open(0, 1);
        return screen;
    }

    /** As {@link #show(FxRobot, TestSession, Path)}, over {@code ui}'s session and data folder. */
    static BulkEntryScreen show(FxRobot robot, UiSession ui) throws Exception {
        return show(robot, ui.session(), ui.dataHome());
    }

    /** The screen in the stage, nothing picked yet (the cohorts loaded). */
    static BulkEntryScreen showEmpty(FxRobot robot, TestSession session, Path dataHome) throws Exception {
        return showEmpty(
                robot, BulkEntryScreen.create(session.fxTasks(), session.database(), dataHome, Privileges.ALL));
    }

    /** {@code view} in the stage, nothing picked yet (the cohorts loaded). */
    static BulkEntryScreen showEmpty(FxRobot robot, BulkEntryView view) throws Exception {
        BulkEntryScreen screen = inStage(robot, view);
        robot.interact(() -> screen.model.findCohorts(""));
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> !screen.model.cohorts().isEmpty());
        return screen;
    }

    /** {@code view} in the stage as the user first sees it: nothing asked of the server until they type or open a list. */
    static BulkEntryScreen inStage(FxRobot robot, BulkEntryView view) throws Exception {
        FxToolkit.setupStage(window -> {
            window.setScene(new Scene(view.root(), 1260, 740));
            window.show();
            window.toFront();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return new BulkEntryScreen(view, robot);
    }

    /** Picks the cohort named {@code name} and its assessment {@code assessment} (index in the picker). */
    void open(String name, int assessment) throws Exception {
        Cohort named = model.cohorts().stream()
                .filter(cohort -> cohort.name().equals(name))
                .findFirst()
                .orElseThrow();
        open(model.cohorts().indexOf(named), assessment);
    }

    /** Picks cohort {@code cohort} and its assessment {@code assessment} (index in the picker) and waits for rows. */
    void open(int cohort, int assessment) throws Exception {
        robot.interact(() -> model.selectCohort(model.cohorts().get(cohort)));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> model.assessments().size() > assessment
                        && model.cohortProperty().get() == model.cohorts().get(cohort));
        ComboBox<AssessmentChoice> assessments =
                robot.lookup("#assessment-picker").queryAs(ComboBox.class);
        robot.interact(() -> assessments.setValue(model.assessments().get(assessment)));
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> !model.rows().isEmpty() && !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    TableView<GridRow> grid() {
        return robot.lookup("#results-grid").queryAs(TableView.class);
    }

    void clickScoreCell(int index) {
        TableView<GridRow> grid = grid();
        robot.interact(() -> grid.scrollTo(0));
        var cell = robot.lookup(".edit-cell")
                .match(node -> node instanceof TableCell<?, ?> edit
                        && edit.getIndex() == index
                        && edit.getTableColumn().getId().equals("score-column"))
                .queryAs(TableCell.class);
        robot.clickOn(cell);
    }

    /** The score saved for {@code row} in the open assessment, as the database shows it ("7.00"), or null. */
    static String storedScore(Jdbi fixture, BulkEntryViewModel model, GridRow row) {
        return fixture.withHandle(handle -> handle.createQuery(
                        "SELECT score::text FROM assessment_results WHERE assessment_id = :a AND student_id = :s")
                .bind("a", model.assessmentId())
                .bind("s", row.studentId())
                .mapTo(String.class)
                .findOne()
                .orElse(null));
    }

    /** The first row from {@code from} on that has a saved score. */
    int rowWithSavedScore(int from) {
        for (int i = from; i < model.rows().size(); i++) {
            if (!model.rows().get(i).savedProperty().get().isEmpty()) {
                return i;
            }
        }
        throw new IllegalStateException("no row with a saved score");
    }
}
