package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.testing.LeftWindows;
import org.registrar.testing.OnFx;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 17, no silent demo: a copy with no server configured anywhere starts on the welcome card and generates no
 * demo data until the user chooses it; the choice is remembered; the demo shows its banner on every screen; a
 * machine file can forbid the demo and lock fields of the connection form.
 */
class WelcomeCardUiTest {
    @TempDir
    Path folder;

    private final FxRobot robot = new FxRobot();
    private final Preferences saved =
            Preferences.userRoot().node(System.getProperty("registrar.prefsNode", "org/registrar-test/connection"));
    private RegistrarApp app;
    private Stage stage;

    @BeforeEach
    @AfterEach
    void forgetSavedSettings() throws Exception {
        saved.clear();
        saved.flush();
    }

    @AfterEach
    void stop() throws Exception {
        closeApp();
    }

    private void closeApp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app.awaitShutdown();
            LeftWindows.close();
            app = null;
        }
    }

    private void start(RegistrarApp.LaunchOptions options) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        RegistrarApp.configure(options);
        app = (RegistrarApp) FxToolkit.setupApplication(RegistrarApp::new);
    }

    private void waitFor(String query) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> OnFx.present(robot, query));
    }

    private Path machineFile(String... lines) throws Exception {
        Path file = folder.resolve("registrar.properties");
        Files.writeString(file, String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }

    private RegistrarApp.LaunchOptions withMachineFile(Path home, Path file, boolean demo) {
        return new RegistrarApp.LaunchOptions(Map.of(), file, null, home, 600, demo);
    }

    @Test
    void noServerStartsOnTheWelcomeCardAndTheDemoIsMadeOnlyWhenChosenThenRemembered() throws Exception {
        Path home = folder.resolve("home");
        start(new RegistrarApp.LaunchOptions(null, null, home, 600));
        waitFor("#welcome-card");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "welcome-card");

        assertThat(robot.lookup("#welcome-connect").queryAs(Button.class).getText())
                .isEqualTo("_Connect to your school's server");
        assertThat(robot.lookup("#welcome-demo").queryAs(Button.class).getText())
                .isEqualTo("_Explore with demo data");
        assertThat(stage.getTitle()).isEqualTo("Registrar — welcome");
        assertThat(home.resolve("pgdata"))
                .as("no demo database before it is chosen")
                .doesNotExist();
        assertThat(saved.get("start.choice", null)).isNull();

        robot.interact(() -> robot.lookup("#welcome-demo").queryAs(Button.class).fire());
        waitFor("#connection-state");
        assertThat(home.resolve("pgdata")).exists();
        assertThat(saved.get("start.choice", null)).isEqualTo("demo");
        for (String screen : MainWindow.screensFor(app.context().privileges())) {
            robot.interact(() -> robot.lookup("#nav-" + screen.toLowerCase())
                    .queryAs(ToggleButton.class)
                    .fire());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#demo-banner-title").queryAs(Label.class))
                    .as("the banner on " + screen)
                    .satisfies(title -> {
                        assertThat(title.getText()).isEqualTo("Demo data: not your school's records");
                        assertThat(title.isVisible()).isTrue();
                        assertThat(title.getScene()).isSameAs(stage.getScene());
                    });
        }
        robot.interact(
                () -> robot.lookup("#nav-students").queryAs(ToggleButton.class).fire());
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> robot.lookup("#students-count")
                        .tryQueryAs(Label.class)
                        .map(count -> count.getText().equals("600 students"))
                        .orElse(false));
        Screenshots.save(stage.getScene(), "demo-banner");
        assertThat(robot.lookup("#demo-banner-connect").queryAs(Button.class).getText())
                .isEqualTo("Connect to your school's server…");

        closeApp();
        start(new RegistrarApp.LaunchOptions(null, null, home, 600));
        // the remembered choice: straight to the demo, no card to click
        waitFor("#connection-state");
        assertThat(robot.lookup("#welcome-card").tryQuery()).isEmpty();
        assertThat(robot.lookup("#demo-banner").tryQuery()).isPresent();
    }

    @Test
    void aMachineFileThatForbidsTheDemoLeavesOnlyTheConnection() throws Exception {
        Path file = machineFile("demo.allowed=false");
        saved.put("start.choice", "demo");
        saved.flush();

        start(withMachineFile(folder.resolve("home"), file, false));
        waitFor("#welcome-card");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "welcome-card-demo-off");

        assertThat(robot.lookup("#welcome-demo").tryQuery()).isEmpty();
        assertThat(robot.lookup("#welcome-demo-off").queryAs(Label.class).getText())
                .isEqualTo("Demo data is turned off on this computer by your school's IT department.");
        assertThat(robot.lookup("#welcome-connect").tryQuery()).isPresent();
        assertThat(folder.resolve("home").resolve("pgdata")).doesNotExist();
    }

    @Test
    void demoAskedForInTheWindowIsRefusedWhenForbidden() throws Exception {
        Path file = machineFile("demo.allowed=false");

        start(withMachineFile(folder.resolve("home"), file, true));
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> robot.lookup("#startup-message")
                        .tryQueryAs(Label.class)
                        .map(label -> label.getText().startsWith("Demo data is turned off"))
                        .orElse(false));

        assertThat(robot.lookup("#startup-message").queryAs(Label.class).getText())
                .isEqualTo("Demo data is turned off on this computer by your school's IT department"
                        + " (demo.allowed=false in " + file + ").");
        assertThat(folder.resolve("home").resolve("pgdata")).doesNotExist();
    }

    @Test
    void aMalformedMachineFileStopsTheStartNamingEachLine() throws Exception {
        Path file = machineFile("server.host=db.school.example", "server.port=abc", "locked=server.colour");

        start(withMachineFile(folder.resolve("home"), file, false));
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> robot.lookup("#startup-message")
                        .tryQueryAs(Label.class)
                        .map(label -> label.getText().startsWith("The machine-wide settings file"))
                        .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "machine-file-problems");

        assertThat(robot.lookup("#startup-message").queryAs(Label.class).getText())
                .contains(file + " line 2, server.port: “abc” is not a port number (1-65535)")
                .contains(file + " line 3, locked: names “server.colour”, which is not a Registrar setting")
                .contains("Ask your school's IT department to correct the file, then choose Retry.");
    }

    @Test
    void lockedKeysAreDisabledInTheConnectionForm() throws Exception {
        Path file = machineFile(
                "login.hint=ana",
                "server.sslmode=verify-full",
                "server.pgbouncer=true",
                "locked=login.hint,server.sslmode");

        start(withMachineFile(folder.resolve("home"), file, false));
        waitFor("#welcome-card");
        // the form waits in its own loop until closed: fired later, not inside interact, which would wait for it
        Button connect = robot.lookup("#welcome-connect").queryAs(Button.class);
        javafx.application.Platform.runLater(connect::fire);
        waitFor("#db-user");
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = robot.listWindows().stream()
                .filter(window -> window != stage)
                .findFirst()
                .orElseThrow();
        Screenshots.save(dialog.getScene(), "connection-form-locked");

        TextField user = robot.lookup("#db-user").queryAs(TextField.class);
        ComboBox<?> sslMode = robot.lookup("#ssl-mode").queryAs(ComboBox.class);
        assertThat(user.getText()).isEqualTo("ana");
        assertThat(user.isDisabled()).isTrue();
        assertThat(user.getTooltip().getText()).isEqualTo("Set by your school's IT department");
        assertThat(sslMode.isDisabled()).isTrue();
        assertThat(sslMode.getValue()).hasToString("VERIFY_FULL");
        assertThat(robot.lookup(".check-box").queryAllAs(javafx.scene.control.CheckBox.class).stream()
                        .filter(box -> box.getText().startsWith("Through PgBouncer"))
                        .findFirst()
                        .orElseThrow()
                        .isSelected())
                .as("a machine default fills the form but stays changeable")
                .isTrue();
        assertThat(robot.lookup("#db-url").queryAs(TextField.class).isDisabled())
                .isFalse();
        robot.interact(() -> robot.lookup(".button").queryAllAs(Button.class).stream()
                .filter(button -> button.getText().replace("_", "").equals("Cancel"))
                .findFirst()
                .orElseThrow()
                .fire());
    }
}
