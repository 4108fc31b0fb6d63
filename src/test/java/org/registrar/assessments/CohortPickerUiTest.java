package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.registrar.app.Screenshots;
import org.registrar.assessments.data.Cohort;
import org.registrar.db.Privileges;
import org.registrar.tasks.Tasks;
import org.registrar.testing.ClassPicks;
import org.registrar.testing.OnFx;
import org.registrar.testing.UiSession;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Assessments screen's class picker driven like a user (ADR 0072): a class is found by typing the start of its
 * name, Enter opens its assessments; the arrow beside the field and Alt+Down open the list, Escape closes it.
 */
class CohortPickerUiTest {
    @RegisterExtension
    static final UiSession ui = new UiSession();

    private final FxRobot robot = new FxRobot();

    @Test
    void typingTheStartOfAClassThenEnterOpensItsAssessments() throws Exception {
        BulkEntryViewModel model = showScreen();
        TextField field = robot.lookup("#cohort-picker").queryAs(TextField.class);
        assertThat(field.getText()).isEmpty();
        assertThat(model.cohorts()).isEmpty();

        robot.clickOn(field).write("1b");
        waitUntil(() -> list().isPresent()
                && list().get().getItems().size() == 1
                && list().get().getItems().get(0).name().equals("1B-00014"));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.saveWithPopup(field.getScene(), ClassPicks.popup(), "bulk-entry-cohort-typed");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> model.cohortProperty().get() != null
                && model.cohortProperty().get().name().equals("1B-00014")
                && !model.assessments().isEmpty()
                && !model.busyProperty().get());
        assertThat(field.getText()).isEqualTo("1B-00014");
        assertThat(ClassPicks.popupShowing()).isFalse();
        ComboBox<AssessmentChoice> assessments =
                robot.lookup("#assessment-picker").queryAs(ComboBox.class);
        assertThat(OnFx.read(assessments::isDisabled)).isFalse();
    }

    @Test
    void enterRightAfterTypingOpensWhatWasTyped() throws Exception {
        BulkEntryViewModel model = showScreen();
        robot.clickOn("#cohort-picker");
        waitUntil(() -> list().isPresent() && !list().get().getItems().isEmpty());

        robot.write("1b").type(KeyCode.ENTER);

        waitUntil(() -> model.cohortProperty().get() != null
                && model.cohortProperty().get().name().equals("1B-00014"));
    }

    @Test
    void theArrowAndAltDownOpenTheListAndEscapeKeepsTheClassPicked() throws Exception {
        BulkEntryViewModel model = showScreen();
        TextField field = robot.lookup("#cohort-picker").queryAs(TextField.class);

        robot.clickOn("#cohort-picker-arrow");
        waitUntil(() -> ClassPicks.popupShowing()
                && list().isPresent()
                && list().get().getItems().size() == 22);
        assertThat(field.isFocused()).isTrue();
        assertThat(hint()).isEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.saveWithPopup(field.getScene(), ClassPicks.popup(), "bulk-entry-cohort-open");
        Cohort second = list().get().getItems().get(1);
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil(() -> second.equals(model.cohortProperty().get())
                && !model.busyProperty().get());
        assertThat(field.getText()).isEqualTo(second.name());

        robot.interact(field::requestFocus);
        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        waitUntil(() -> ClassPicks.popupShowing()
                && second.equals(list().get().getSelectionModel().getSelectedItem()));
        robot.write("2");
        robot.type(KeyCode.ESCAPE);
        assertThat(ClassPicks.popupShowing()).isFalse();
        assertThat(field.getText()).isEqualTo(second.name());
        assertThat(model.cohortProperty().get()).isEqualTo(second);

        robot.clickOn("#cohort-picker-arrow");
        waitUntil(ClassPicks::popupShowing);
        robot.clickOn("#cohort-picker-arrow");
        waitUntil(() -> !ClassPicks.popupShowing());
    }

    @Test
    void afterPickingAClassFocusWaitsOnTheAssessmentFieldUntilItsAssessmentsLoad() throws Exception {
        BulkEntryViewModel model = showScreen();
        ComboBox<AssessmentChoice> assessments =
                robot.lookup("#assessment-picker").queryAs(ComboBox.class);

        robot.clickOn("#cohort-picker").write("1b");
        waitUntil(() -> list().isPresent() && list().get().getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !model.assessments().isEmpty() && !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(OnFx.read(() -> focusOwner(assessments)))
                .as("the user's next step is the assessment")
                .isEqualTo("assessment-picker");
        Screenshots.save(assessments.getScene(), "bulk-entry-cohort-picked");
    }

    @Test
    void focusTheUserMovesWhileTheClassLoadsStaysWhereTheyPutIt() throws Exception {
        HeldLoads loads = new HeldLoads();
        try {
            BulkEntryViewModel model = showScreen(ui.session().fxTasks(loads));
            Node grid = robot.lookup("#results-grid").query();
            robot.clickOn("#cohort-picker").write("1b");
            waitUntil(() -> list().isPresent() && list().get().getItems().size() == 1);
            loads.hold();
            robot.type(KeyCode.ENTER);
            waitUntil(() -> model.busyProperty().get());

            robot.clickOn(grid);
            loads.release();
            waitUntil(() ->
                    !model.assessments().isEmpty() && !model.busyProperty().get());
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(OnFx.read(() -> focusOwner(grid))).isEqualTo("results-grid");
        } finally {
            loads.close();
        }
    }

    @Test
    void theListIsAsTallAsItsFewMatchesAndShowsThemWhole() throws Exception {
        showScreen();
        TextField field = robot.lookup("#cohort-picker").queryAs(TextField.class);

        robot.clickOn(field).write("1b");
        waitUntil(() -> list().isPresent() && list().get().getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(OnFx.read(() -> ClassPicks.scrollBarShown(list().get())))
                .as("one match needs no scroll bar")
                .isFalse();
        assertThat(OnFx.read(() -> ClassPicks.rowsShownWhole(list().get()))).isEqualTo(1);
        Screenshots.saveWithPopup(field.getScene(), ClassPicks.popup(), "bulk-entry-cohort-one-match");

        // 1A-00001, 10A … 13A and 1B-00014
        robot.type(KeyCode.BACK_SPACE);
        waitUntil(() -> list().get().getItems().size() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(OnFx.read(() -> ClassPicks.scrollBarShown(list().get()))).isFalse();
        assertThat(OnFx.read(() -> ClassPicks.rowsShownWhole(list().get()))).isEqualTo(6);
        Screenshots.saveWithPopup(field.getScene(), ClassPicks.popup(), "bulk-entry-cohort-few-matches");
    }

    private BulkEntryViewModel showScreen() throws Exception {
        return showScreen(ui.session().fxTasks());
    }

    /** The screen as the user first sees it, its work done by {@code tasks}. */
    private BulkEntryViewModel showScreen(Tasks tasks) throws Exception {
        BulkEntryView view = BulkEntryScreen.create(tasks, ui.session().database(), ui.dataHome(), Privileges.ALL);
        return BulkEntryScreen.inStage(robot, view).model;
    }

    private void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> OnFx.read(condition));
    }

    /** The id of the focused node in {@code node}'s scene, or of its nearest parent with one. */
    private static String focusOwner(Node node) {
        for (Node owner = node.getScene().getFocusOwner(); owner != null; owner = owner.getParent()) {
            if (owner.getId() != null) {
                return owner.getId();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private Optional<ListView<Cohort>> list() {
        return robot.lookup("#cohort-picker-list").tryQueryAs(ListView.class).map(list -> list);
    }

    private String hint() {
        return robot.lookup("#cohort-picker-hint").queryAs(Label.class).getText();
    }

    /** The screen's work on a worker thread, except while held: then it waits, as on a slow server, until released. */
    private static final class HeldLoads implements Executor, AutoCloseable {
        private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "test-held-loads");
            thread.setDaemon(true);
            return thread;
        });
        private final List<Runnable> held = new ArrayList<>();
        private boolean holding;

        @Override
        public synchronized void execute(Runnable work) {
            if (holding) {
                held.add(work);
            } else {
                worker.execute(work);
            }
        }

        synchronized void hold() {
            holding = true;
        }

        synchronized void release() {
            holding = false;
            held.forEach(worker::execute);
            held.clear();
        }

        @Override
        public void close() {
            worker.shutdownNow();
        }
    }
}
