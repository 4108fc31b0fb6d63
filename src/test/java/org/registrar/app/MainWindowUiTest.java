package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.testing.LeftWindows;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The whole app, started headless on its own embedded server as {@code registrar --demo} starts it. */
class MainWindowUiTest {
    @TempDir
    static Path dataHome;

    private static RegistrarApp app;
    private static Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        RegistrarApp.configure(RegistrarApp.LaunchOptions.demo(dataHome, 600));
        app = (RegistrarApp) FxToolkit.setupApplication(RegistrarApp::new);
        WaitForAsyncUtils.waitFor(
                90,
                TimeUnit.SECONDS,
                () -> robot().lookup("#connection-state").tryQuery().isPresent());
    }

    private static FxRobot robot() {
        return new FxRobot();
    }

    @AfterAll
    static void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        app.awaitShutdown();
        LeftWindows.close();
    }

    @Test
    void startsOnTheEmbeddedServerAndShowsConnected() throws Exception {
        robot.clickOn("#nav-connection");
        Label state = robot.lookup("#connection-state").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> state.getText().equals("Connected"));
        robot.clickOn("#nav-students");
        try {
            WaitForAsyncUtils.waitFor(
                    30,
                    TimeUnit.SECONDS,
                    () -> robot.lookup("#students-count")
                            .tryQueryAs(Label.class)
                            .map(count -> count.getText().equals("600 students"))
                            .orElse(false));
        } catch (java.util.concurrent.TimeoutException e) {
            Screenshots.save(stage.getScene(), "main-window-failed");
            throw new AssertionError(
                    "count shows: "
                            + robot.lookup("#students-count")
                                    .tryQueryAs(Label.class)
                                    .map(Label::getText)
                                    .orElse("(no label)"),
                    e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "main-window");
        robot.clickOn("#nav-connection");
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> robot.lookup("#verdict").queryAs(Label.class).getText().startsWith("HEALTHY"));

        assertThat(stage.getTitle()).isEqualTo("Registrar — Embedded demo database");
        javafx.scene.layout.GridPane steps =
                robot.lookup("#diagnostic-steps").queryAs(javafx.scene.layout.GridPane.class);
        assertThat(steps.getChildren()).hasSize(6 * 4);
        Screenshots.save(stage.getScene(), "connection");
        robot.clickOn("#copy-report");
        String copied = WaitForAsyncUtils.asyncFx(
                        () -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get();
        assertThat(copied)
                .startsWith("Registrar connection report")
                .contains("Name resolution")
                .contains("Verdict:         HEALTHY");
        assertThat(robot.lookup("#data-summary").queryAs(Label.class).getText()).startsWith("600 students in");
    }

    @Test
    void theStartPhasesAreSavedForDoctorOnceTheFirstPageIsDrawn() throws Exception {
        Path saved = dataHome.resolve(FirstPageWatch.FILE);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(saved));

        assertThat(java.nio.file.Files.readString(saved))
                .contains("JVM and JavaFX start")
                .contains("PostgreSQL start (pg_ctl)")
                .contains("schema (Flyway)")
                .contains("pool opened (beside the set-up)") // ADR 0058: off the critical path
                .contains("main window build begun (from process start)")
                .contains("first page query")
                .contains("main window built (FX thread)")
                .contains("first page drawn")
                .contains("window usable (from process start)");
    }

    @Test
    void statusBarShowsWhatTheLastOperationCost() throws Exception {
        robot.clickOn("#nav-connection");
        robot.clickOn("#check-again");

        org.controlsfx.control.StatusBar bar =
                robot.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> bar.getText().startsWith("Connection checked · "));
        // in words a user reads, the counts kept: "Connection checked · 3 queries, 3 round trips · 4.5 ms"
        assertThat(bar.getText())
                .matches("Connection checked · (no query|1 query|\\d+ queries)(, (1 round trip|\\d+ round trips))"
                        + " · [0-9.]+ ms");
        assertThat(robot.lookup("#pool-state").queryAs(Label.class).getText()).matches("Pool \\d/2 in use.*");
    }

    @Test
    void statusBarTurnsAmberWithTheReasonWhenServerConnectionsAreHigh() throws Exception {
        Label alert = robot.lookup("#health-alert").queryAs(Label.class);
        assertThat(alert.isVisible()).as(alert.getText()).isFalse();

        app.context().healthAlerts().serverConnections(90, 100);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, alert::isVisible);

        assertThat(alert.getText()).isEqualTo("Server connections 90 of 100 (90 % of max_connections)");
        assertThat(alert.getGraphic().getStyleClass()).contains("state-warn");
        Screenshots.save(stage.getScene(), "status-bar-alert");
        app.context().healthAlerts().serverConnections(10, 100);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !alert.isVisible());
    }

    @Test
    void darkModeCanBeSwitchedOnAndOff() throws Exception {
        robot.clickOn("#theme-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(javafx.application.Application.getUserAgentStylesheet()).containsIgnoringCase("dark");
        Screenshots.save(stage.getScene(), "main-window-dark");

        robot.clickOn("#theme-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(javafx.application.Application.getUserAgentStylesheet()).containsIgnoringCase("light");
    }

    @Test
    void theWindowCannotBeMadeSmallerThanTheSmallestSchoolDesk() {
        // issue 18: every screen is checked at 1024×700 (ScreensFitUiTest), so the window goes no smaller
        assertThat(stage.getMinWidth()).isEqualTo(1024);
        assertThat(stage.getMinHeight()).isEqualTo(700);
    }

    @Test
    void aboutRegistrarOpensFromTheHelpMenuAndNamesTheVersionsAndFolders() throws Exception {
        javafx.scene.control.MenuBar menus = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        robot.interact(() -> menus.getMenus().stream()
                .flatMap(menu -> menu.getItems().stream())
                .filter(item -> "menu-about".equals(item.getId()))
                .findFirst()
                .orElseThrow()
                .fire());
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#about-dialog").tryQuery().isPresent());
        Screenshots.settle();

        assertThat(robot.lookup("#about-version").queryAs(Label.class).getText())
                .isEqualTo(org.registrar.db.Version.current());
        assertThat(robot.lookup("#about-javafx").queryAs(Label.class).getText()).startsWith("21.0.11");
        assertThat(robot.lookup("#about-java").queryAs(Label.class).getText())
                .startsWith(System.getProperty("java.runtime.version"));
        assertThat(robot.lookup("#about-data-folder").queryAs(Label.class).getText())
                .isEqualTo(dataHome.toAbsolutePath().toString());
        assertThat(robot.lookup("#about-log-folder").queryAs(Label.class).getText())
                .isNotBlank();
        Screenshots.save(robot.lookup("#about-dialog").query().getScene(), "about-dialog");

        robot.clickOn("Close");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#about-dialog").tryQuery().isEmpty());
    }
}
