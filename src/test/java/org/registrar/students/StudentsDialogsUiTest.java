package org.registrar.students;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.testing.ScriptedDialogs;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Students screen's questions and file choice answered by a scripted dialog service; the page-number check. */
class StudentsDialogsUiTest {
    @TempDir
    Path folder;

    private final FxRobot robot = new FxRobot();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private TestSession session;

    @BeforeEach
    void showScreen() throws Exception {
        FxToolkit.registerPrimaryStage();
        session = TestSession.fresh();
        var jdbi = session.database().jdbi();
        var tasks = session.fxTasks();
        FxToolkit.setupStage(window -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            StudentsView view = new StudentsView(
                    new StudentsViewModel(tasks, new StudentRepository(jdbi)),
                    new StudentEditorViewModel(tasks, new StudentRecordRepository(jdbi)),
                    new StudentExportViewModel(tasks, new StudentExportService(jdbi), Platform::runLater),
                    dialogs);
            window.setScene(new Scene(view.root(), 1280, 780));
            window.show();
        });
        waitUntil(() -> text("#page-position").equals("Page 1 of 12")
                && !text("#detail-title").equals("Select a student"));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void agreeingToDropUnsavedEditsPagesOnAndForgetsThem() throws Exception {
        robot.doubleClickOn("#edit-family-name").eraseText(40).write("Unsaved");
        dialogs.thenConfirm();

        robot.clickOn("#page-next");

        assertThat(dialogs.asked()).singleElement().asString().contains("unsaved changes");
        waitUntil(() -> text("#page-position").equals("Page 2 of 12"));
        waitUntil(() -> !field("#edit-family-name").getText().equals("Unsaved"));
    }

    @Test
    void keepingUnsavedEditsStaysOnThePage() throws Exception {
        robot.doubleClickOn("#edit-family-name").eraseText(40).write("Unsaved");
        dialogs.thenDecline();

        robot.clickOn("#page-next");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.asked()).hasSize(1);
        assertThat(text("#page-position")).isEqualTo("Page 1 of 12");
        assertThat(field("#edit-family-name").getText()).isEqualTo("Unsaved");
    }

    @Test
    void keepingUnsavedEditsKeepsTheClassFilteredBy() throws Exception {
        TextField cohort = field("#filter-cohort");
        pickClass(cohort, "1b", "1B-00014");
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<StudentRow> table =
                robot.lookup("#students-table").queryAs(javafx.scene.control.TableView.class);
        waitUntil(() -> !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(row -> "1B-00014".equals(row.cohortName())));
        String count = text("#students-count");
        robot.doubleClickOn("#edit-family-name").eraseText(40).write("Unsaved");
        dialogs.thenDecline();

        pickClass(cohort, "2a", "2A-00002");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.asked()).hasSize(1);
        assertThat(cohort.getText()).isEqualTo("1B-00014");
        assertThat(text("#students-count")).isEqualTo(count);
        assertThat(table.getItems()).allMatch(row -> "1B-00014".equals(row.cohortName()));
        assertThat(field("#edit-family-name").getText()).isEqualTo("Unsaved");
    }

    /** Types {@code typed} into the class filter and presses Enter once {@code label} is the highlighted match. */
    @SuppressWarnings("unchecked")
    private void pickClass(TextField cohort, String typed, String label) throws TimeoutException {
        robot.clickOn(cohort).write(typed);
        waitUntil(() -> robot.lookup("#filter-cohort-list")
                .tryQueryAs(javafx.scene.control.ListView.class)
                .map(list -> list.getSelectionModel().getSelectedItem() instanceof Choice choice
                        && choice.label().equals(label))
                .orElse(false));
        robot.type(KeyCode.ENTER);
    }

    @Test
    void theFileChosenThroughTheServiceReceivesTheExport() throws Exception {
        Path file = folder.resolve("chosen.csv");
        dialogs.thenFile(file);

        robot.clickOn("#students-export");

        assertThat(dialogs.asked()).containsExactly("Export students to CSV");
        waitUntil(() -> text("#export-status").startsWith("Exported 600 students to chosen.csv"));
        assertThat(Files.readAllLines(file)).hasSize(601);
    }

    @Test
    void aPageNumberThatIsNotOneIsMarkedWithTheReasonAndNothingMoves() throws Exception {
        TextField jump = field("#jump-page");
        robot.clickOn(jump).write("twelve").type(KeyCode.ENTER);

        assertThat(jump.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("danger"));
        assertThat(jump.getTooltip().getText()).isEqualTo(StudentsViewModel.NOT_A_PAGE);
        assertThat(text("#page-position")).isEqualTo("Page 1 of 12");

        robot.doubleClickOn(jump).eraseText(10).write("3").type(KeyCode.ENTER);

        waitUntil(() -> text("#page-position").equals("Page 3 of 12"));
        assertThat(jump.getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("danger"));
    }

    private TextField field(String query) {
        return robot.lookup(query).queryAs(TextField.class);
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
    }
}
