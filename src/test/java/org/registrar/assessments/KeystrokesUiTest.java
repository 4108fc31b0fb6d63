package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.event.EventTarget;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.assessments.grid.GridRow;
import org.registrar.db.Privileges;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every key typed into the grid reaches its cell, in order, while the FX thread is busy: keys are delivered as the
 * window system delivers them, queued on the FX thread behind work that blocks it for 20-40 ms, not one at a time
 * after the thread went idle (as {@code robot.write} does, which hides the race).
 */
class KeystrokesUiTest {
    private static final int VALUES = 200;
    private static final String[] WHOLE = {"EX", "17/20", "ex"};
    private static final String CHARACTERS = "0123456789,.";

    @TempDir
    Path dataHome;

    private static Stage stage;
    private final FxRobot robot = new FxRobot();
    private TestSession session;

    @BeforeAll
    static void stage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @BeforeEach
    void open() {
        session = TestSession.fresh();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void everyKeyTypedIntoTheGridWhileTheFxThreadIsBusyReachesItsCell() throws Exception {
        long seed = Long.getLong("keystrokes.seed", System.nanoTime()); // -Dkeystrokes.seed=N replays a failure
        Random random = new Random(seed);
        BulkEntryViewModel model = show();
        TableView<GridRow> grid = robot.lookup("#results-grid").queryAs(TableView.class);
        List<GridRow> rows = List.copyOf(grid.getItems());
        List<String> wrong = new ArrayList<>();
        int typed = 0;
        while (typed < VALUES) {
            int round = Math.min(rows.size(), VALUES - typed);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < round; i++) {
                values.add(value(random));
            }
            focusScoreCell(grid, 0);
            for (String value : values) {
                for (char character : value.toCharArray()) {
                    busyThenKey(random, character, KeyCode.UNDEFINED);
                }
                busyThenKey(random, '\r', KeyCode.ENTER);
            }
            WaitForAsyncUtils.waitForFxEvents();
            for (int i = 0; i < round; i++) {
                String entry = rows.get(i).entryProperty().get();
                if (!entry.equals(values.get(i))) {
                    wrong.add("row " + i + ": typed \"" + values.get(i) + "\", cell holds \"" + entry + "\"");
                }
            }
            typed += round;
        }
        assertThat(wrong).as("values typed key by key (random seed %d)", seed).isEmpty();
        assertThat(model.rows()).isEqualTo(rows);
    }

    /** 1-5 characters of digits, comma and dot, or one of the whole words a user types ("EX", "17/20"). */
    private static String value(Random random) {
        if (random.nextInt(5) == 0) {
            return WHOLE[random.nextInt(WHOLE.length)];
        }
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(5);
        for (int i = 0; i < length; i++) {
            text.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
        }
        return text.toString();
    }

    /**
     * Posts work that blocks the FX thread for 20-40 ms, then the key's events, each to whatever has the focus when
     * the FX thread reaches it (as the window system's queue does); the test thread moves on at a typist's pace
     * without waiting for the FX thread.
     */
    private void busyThenKey(Random random, char character, KeyCode code) {
        long busy = TimeUnit.MILLISECONDS.toNanos(20 + random.nextInt(21));
        Platform.runLater(() -> {
            long until = System.nanoTime() + busy;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        });
        String text = code == KeyCode.UNDEFINED ? String.valueOf(character) : "";
        KeyCode pressed = code == KeyCode.UNDEFINED ? KeyCode.getKeyCode(String.valueOf(character)) : code;
        KeyCode keyCode = pressed == null ? KeyCode.UNDEFINED : pressed;
        Platform.runLater(() -> deliver(KeyEvent.KEY_PRESSED, "", text, keyCode, character));
        if (code == KeyCode.UNDEFINED) {
            Platform.runLater(() -> deliver(KeyEvent.KEY_TYPED, text, "", KeyCode.UNDEFINED, character));
        }
        Platform.runLater(() -> deliver(KeyEvent.KEY_RELEASED, "", text, keyCode, character));
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(8));
    }

    private static void deliver(
            javafx.event.EventType<KeyEvent> type, String character, String text, KeyCode code, char typed) {
        Scene scene = stage.getScene();
        EventTarget target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene;
        boolean shift = Character.isUpperCase(typed);
        Event.fireEvent(
                target,
                new KeyEvent(
                        type,
                        type == KeyEvent.KEY_TYPED ? character : KeyEvent.CHAR_UNDEFINED,
                        text,
                        code,
                        shift,
                        false,
                        false,
                        false));
    }

    private void focusScoreCell(TableView<GridRow> grid, int index) {
        robot.interact(() -> {
            grid.scrollTo(0);
            TableView.TableViewSelectionModel<GridRow> selection = grid.getSelectionModel();
            var column = grid.getColumns().stream()
                    .filter(c -> "score-column".equals(c.getId()))
                    .findFirst()
                    .orElseThrow();
            selection.clearAndSelect(index, column);
            grid.getFocusModel().focus(index, column);
            grid.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private BulkEntryViewModel show() throws Exception {
        BulkEntryView view = BulkEntryScreen.create(session.fxTasks(), session.database(), dataHome, Privileges.ALL);
        FxToolkit.setupStage(window -> {
            window.setScene(new Scene(view.root(), 1260, 740));
            window.show();
            window.toFront();
        });
        var field = BulkEntryView.class.getDeclaredField("model");
        field.setAccessible(true);
        BulkEntryViewModel model = (BulkEntryViewModel) field.get(view);
        robot.interact(() -> model.findCohorts(""));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.cohorts().isEmpty());
        robot.interact(() -> model.selectCohort(model.cohorts().get(0)));
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> model.assessments().size() > 1);
        ComboBox<AssessmentChoice> assessments =
                robot.lookup("#assessment-picker").queryAs(ComboBox.class);
        robot.interact(() -> assessments.setValue(model.assessments().get(1)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return model;
    }
}
