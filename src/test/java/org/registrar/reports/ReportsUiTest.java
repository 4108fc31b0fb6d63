package org.registrar.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.app.Screenshots;
import org.registrar.testing.ClassPicks;
import org.registrar.testing.Clipping;
import org.registrar.testing.OnFx;
import org.registrar.testing.ScriptedDialogs;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Reports screen driven like a user, headless, on a fresh demo database; a screenshot of each report. */
class ReportsUiTest {
    private final FxRobot robot = new FxRobot();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private TestSession session;
    private Stage stage;

    @TempDir
    Path folder;

    @BeforeEach
    void show() throws Exception {
        session = TestSession.fresh();
        stage = FxToolkit.registerPrimaryStage();
        ReportScreens.show(session, dialogs);
        waitUntil(() -> !combo("#report-assessment").getItems().isEmpty());
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void eachReportShowsAsATableAndTheScoreSheetWithItsHistogram() throws Exception {
        robot.clickOn("#report-show");
        waitUntil(() -> shown() != null);
        assertThat(text("#report-title")).startsWith("Score sheet: ");
        assertThat(text("#report-details")).contains("mean").contains("median");
        assertThat(robot.lookup("#report-histogram").queryAs(BarChart.class).isVisible())
                .isTrue();
        assertThat(table().getItems())
                .hasSize(combo("#report-student").getItems().size());
        settle("reports-score-sheet");

        for (ReportKind kind : List.of(ReportKind.CLASS_OVERVIEW, ReportKind.TRANSCRIPT, ReportKind.YEAR_OVERVIEW)) {
            WaitForAsyncUtils.asyncFx(() -> combo("#report-kind").setValue(kind))
                    .get();
            Object before = shown();
            robot.clickOn("#report-show");
            // a report comes in a new table, marked once all its rows are in
            waitUntil(() -> shown() != null && shown() != before);
            assertThat(robot.lookup("#report-histogram").queryAs(BarChart.class).isVisible())
                    .isFalse();
            settle("reports-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        assertThat(text("#report-title")).startsWith("Year overview: ");
    }

    @Test
    void aClassPickedByTypingItsNameAndEnterGetsItsReport() throws Exception {
        TextField field = robot.lookup("#report-cohort").queryAs(TextField.class);
        assertThat(field.getText()).isNotEqualTo("1B-00014");

        robot.clickOn(field).write("1b");
        waitUntil(() -> OnFx.read(() -> classList().isPresent()
                && classList().get().getItems().size() == 1
                && classList().get().getItems().get(0).name().equals("1B-00014")));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.saveWithPopup(stage.getScene(), ClassPicks.popup(), "reports-class-typed");
        long picked = classId("1B-00014");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> OnFx.read(() -> !combo("#report-assessment").getItems().isEmpty()
                && combo("#report-assessment").getItems().stream()
                        .allMatch(each -> ((Choices.Assessment) each).cohortId() == picked)));
        assertThat(field.getText()).isEqualTo("1B-00014");
        assertThat(ClassPicks.popupShowing()).isFalse();

        robot.clickOn("#report-show");
        waitUntil(() -> shown() != null);
        assertThat(text("#report-details")).startsWith("Class 1B-00014 · ");
        assertThat(table().getItems())
                .hasSize(combo("#report-student").getItems().size());
    }

    @Test
    void theClassListOpensWithTheArrowOrAltDownAndDownThenEnterPicksTheNextClass() throws Exception {
        TextField field = robot.lookup("#report-cohort").queryAs(TextField.class);
        String first = field.getText();

        robot.clickOn("#report-cohort-arrow");
        waitUntil(() -> OnFx.read(() -> ClassPicks.popupShowing()
                && classList().isPresent()
                && classList().get().getItems().size() > 2));
        assertThat(OnFx.read(field::isFocused)).isTrue();
        robot.clickOn("#report-cohort-arrow");
        waitUntil(() -> OnFx.read(() -> !ClassPicks.popupShowing()));

        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        waitUntil(() -> OnFx.read(() -> ClassPicks.popupShowing()
                && classList().get().getSelectionModel().getSelectedItem() != null
                && classList()
                        .get()
                        .getSelectionModel()
                        .getSelectedItem()
                        .name()
                        .equals(first)));
        Choices.Cohort next = OnFx.read(() -> classList()
                .get()
                .getItems()
                .get(classList().get().getSelectionModel().getSelectedIndex() + 1));
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);

        waitUntil(() -> OnFx.read(() -> field.getText().equals(next.name())
                && !combo("#report-assessment").getItems().isEmpty()
                && ((Choices.Assessment) combo("#report-assessment").getItems().get(0)).cohortId() == next.id()));
        assertThat(ClassPicks.popupShowing()).isFalse();
    }

    @Test
    void beforeAnyReportTheTableSaysSoInWords() {
        assertThat(table().getPlaceholder()).isInstanceOf(Label.class);
        assertThat(((Label) table().getPlaceholder()).getText()).isEqualTo("No report shown yet.");
    }

    @Test
    void theClassOverviewShowsEveryAssessmentsHeaderWhole() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> combo("#report-kind").setValue(ReportKind.CLASS_OVERVIEW))
                .get();
        robot.clickOn("#report-show");
        waitUntil(() -> shown() != null);
        session.awaitWorkerIdle();
        WaitForAsyncUtils.waitForFxEvents();

        List<String> cut = WaitForAsyncUtils.asyncFx(() -> {
                    table().applyCss();
                    table().layout();
                    return table().lookupAll(".column-header .label").stream()
                            .filter(javafx.scene.control.Labeled.class::isInstance)
                            .map(node -> Clipping.truncation((javafx.scene.control.Labeled) node))
                            .flatMap(java.util.Optional::stream)
                            .toList();
                })
                .get();
        assertThat(table().getColumns()).hasSizeGreaterThan(3);
        assertThat(cut).isEmpty();
    }

    @Test
    void keyboardFocusInTheTableStaysInTheTableOfTheNextReport() throws Exception {
        robot.clickOn("#report-show");
        waitUntil(() -> shown() != null);
        WaitForAsyncUtils.asyncFx(() -> table().requestFocus()).get();
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> table().isFocused()).get());
        WaitForAsyncUtils.asyncFx(() -> combo("#report-kind").setValue(ReportKind.CLASS_OVERVIEW))
                .get();
        Object before = shown();

        // Show fired as the keyboard's Enter does it (the default button), the focus left where it was
        WaitForAsyncUtils.asyncFx(
                        () -> robot.lookup("#report-show").queryButton().fire())
                .get();

        waitUntil(() -> shown() != null && shown() != before);
        assertThat(WaitForAsyncUtils.asyncFx(() -> table().isFocused()).get()).isTrue();
    }

    @Test
    void theShownReportSavesAsPdfOffTheFxThread() throws Exception {
        robot.clickOn("#report-show");
        waitUntil(() -> shown() != null);
        Path file = folder.resolve("sheet.pdf");
        dialogs.thenFile(file);

        robot.clickOn("#report-export-pdf");

        waitUntil(() -> text("#report-message").equals("Saved sheet.pdf"));
        assertThat(Files.size(file)).isPositive();
        assertThat(new String(Files.readAllBytes(file), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
    }

    private void settle(String name) throws Exception {
        session.awaitWorkerIdle();
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), name);
    }

    /**
     * The report the table shows once all its rows are in (the screen fills it over a few pulses), read on the FX
     * thread: a lookup from the test thread can meet the screen's children while a new table goes in.
     */
    private Object shown() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table().getProperties().get(ReportsView.SHOWN))
                .get();
    }

    @SuppressWarnings("unchecked")
    private TableView<List<Object>> table() {
        return robot.lookup("#report-table").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private Optional<ListView<Choices.Cohort>> classList() {
        return robot.lookup("#report-cohort-list").tryQueryAs(ListView.class).map(list -> list);
    }

    private long classId(String name) {
        return session.database()
                .jdbi()
                .withHandle(handle -> handle.createQuery("SELECT id FROM cohorts WHERE name = :name")
                        .bind("name", name)
                        .mapTo(Long.class)
                        .one());
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
