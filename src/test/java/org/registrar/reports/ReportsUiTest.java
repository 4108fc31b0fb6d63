package org.registrar.reports;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.app.Screenshots;
import org.registrar.cache.CacheSettings;
import org.registrar.cache.ChangeStamps;
import org.registrar.testing.Clipping;
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
        ReportCache cache = new ReportCache(
                new ReportsRepository(session.database().jdbi()),
                new ChangeStamps(session.database().jdbi()),
                new CacheSettings(Duration.ofMinutes(5), Duration.ofSeconds(10), 100));
        ReportsViewModel model = new ReportsViewModel(session.fxTasks(), cache);
        FxToolkit.setupStage(window -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            window.setScene(new Scene((javafx.scene.Parent) new ReportsView(model, dialogs).root(), 1270, 790));
            window.show();
        });
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

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
