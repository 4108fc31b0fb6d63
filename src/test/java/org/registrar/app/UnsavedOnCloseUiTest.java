package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.assessments.AssessmentChoice;
import org.registrar.assessments.save.Draft;
import org.registrar.assessments.save.DraftStore;
import org.registrar.db.Privileges;
import org.registrar.db.TestDatabases;
import org.registrar.testing.ClassPicks;
import org.registrar.testing.OnFx;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Closing the main window while a score is half typed: the typed value reaches the draft, and with scores not saved
 * the user is asked to save now, keep a draft or discard; the window closes only once that is done.
 */
class UnsavedOnCloseUiTest {
    @TempDir
    Path dataHome;

    private static Stage stage;
    private final FxRobot robot = new FxRobot();
    private TestSession session;
    private MainWindow window;
    private AppContext context;
    private final AtomicBoolean closed = new AtomicBoolean();

    @BeforeAll
    static void stage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @BeforeEach
    void open() throws Exception {
        session = TestSession.fresh();
        context = new AppContext(
                null,
                session.database(),
                TestDatabases.jdbcUrl(session.databaseName()),
                "test",
                null,
                dataHome,
                Privileges.ALL);
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(context, () -> {});
            stage.setScene(new Scene(window.root(), 1280, 780));
            stage.show();
        });
        robot.clickOn("#nav-assessments");
        ClassPicks.first(robot, "#cohort-picker");
        ComboBox<AssessmentChoice> assessments =
                robot.lookup("#assessment-picker").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> assessments.getItems().size() > 1);
        robot.interact(() -> assessments.setValue(assessments.getItems().get(1)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !grid().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> window.dispose());
        FxToolkit.cleanupStages();
        context.close();
        session.close();
    }

    @Test
    void aHalfTypedScoreIsKeptInTheDraftWhenTheUserKeepsADraft() throws Exception {
        robot.clickOn(scoreCell(3));
        robot.write("17"); // no Enter: the cell is still being edited when the window closes

        robot.interact(() -> window.closeRequested(() -> closed.set(true)));
        Node keep = dialogButton("#close-keep-draft");
        assertThat(closed).as("nothing closes before the answer").isFalse();
        Screenshots.save(keep.getScene(), "close-unsaved-scores");
        robot.interact(keep::requestFocus);
        robot.clickOn(keep);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, closed::get);
        Draft draft = draft().orElseThrow();
        long student = grid().getItems().get(3).studentId();
        assertThat(draft.entries())
                .filteredOn(entry -> entry.studentId() == student)
                .extracting(Draft.Entry::score)
                .containsExactly("17");
    }

    @Test
    void discardDeletesTheDraftAndCloses() throws Exception {
        robot.clickOn(scoreCell(2));
        robot.write("9");

        robot.interact(() -> window.closeRequested(() -> closed.set(true)));
        Node discard = dialogButton("#close-discard");
        robot.interact(discard::requestFocus);
        robot.clickOn(discard);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, closed::get);
        assertThat(draft()).isEmpty();
    }

    @Test
    void saveNowSavesTheHalfTypedScoreThenCloses() throws Exception {
        int row = rowWithoutSavedScore();
        robot.clickOn(scoreCell(row));
        robot.write("4");

        robot.interact(() -> window.closeRequested(() -> closed.set(true)));
        Node save = dialogButton("#close-save-now");
        robot.interact(save::requestFocus);
        robot.clickOn(save);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, closed::get);
        long student = grid().getItems().get(row).studentId();
        String stored = TestDatabases.jdbi(session.databaseName())
                .withHandle(handle -> handle.createQuery(
                                "SELECT score::text FROM assessment_results WHERE assessment_id = :a AND student_id = :s")
                        .bind("a", assessment().assessment().id())
                        .bind("s", student)
                        .mapTo(String.class)
                        .one());
        assertThat(stored).isEqualTo("4.00");
        assertThat(draft()).isEmpty();
    }

    @Test
    void withNothingUnsavedTheWindowClosesWithoutAsking() throws Exception {
        robot.interact(() -> window.closeRequested(() -> closed.set(true)));
        assertThat(closed).isTrue();
        assertThat(robot.lookup("#unsaved-scores-dialog").tryQuery()).isEmpty();
    }

    private Node dialogButton(String id) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> OnFx.present(robot, id));
        return robot.lookup(id).query();
    }

    private Optional<Draft> draft() throws Exception {
        // the open grid's class is its assessment's
        return new DraftStore(dataHome)
                .find(
                        assessment().assessment().cohortId(),
                        assessment().assessment().id());
    }

    private AssessmentChoice assessment() {
        return (AssessmentChoice)
                robot.lookup("#assessment-picker").queryAs(ComboBox.class).getValue();
    }

    private int rowWithoutSavedScore() {
        TableView<?> grid = grid();
        TableView<?> table = grid;
        for (int i = 0; i < Math.min(12, table.getItems().size()); i++) {
            Object saved = table.getColumns().get(2).getCellData(i);
            if (saved == null || saved.toString().isEmpty()) {
                return i;
            }
        }
        throw new IllegalStateException("no row without a saved score among the first 12");
    }

    @SuppressWarnings("unchecked")
    private TableView<org.registrar.assessments.grid.GridRow> grid() {
        return robot.lookup("#results-grid").queryAs(TableView.class);
    }

    private Node scoreCell(int index) {
        return robot.lookup("#results-grid .table-cell")
                .match((TableCell<?, ?> cell) -> cell.getIndex() == index
                        && "score-column".equals(cell.getTableColumn().getId()))
                .query();
    }
}
