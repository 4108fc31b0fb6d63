package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.TestDatabases;
import org.registrar.testing.LeftWindows;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Item 12 of "Shared PCs and hostile logins" (docs/reliability.md): saved connection settings that cannot make a
 * profile (a URL with driver options, an unknown TLS mode) used to stop the window from opening at all. The window
 * opens on the start-up screen naming the problem, with the connection settings open for repair.
 */
class UnusableSavedSettingsUiTest {
    @TempDir
    Path folder;

    private final FxRobot robot = new FxRobot();
    private final Preferences saved =
            Preferences.userRoot().node(System.getProperty("registrar.prefsNode", "org/registrar-test/connection"));
    private RegistrarApp app;
    private String database;

    @BeforeEach
    void database() {
        database = TestDatabases.freshDatabase();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app.awaitShutdown();
            LeftWindows.close();
        }
        saved.clear();
        saved.flush();
    }

    private void start(String url, String sslMode) throws Exception {
        saved.put("url", url);
        saved.put("user", "postgres");
        saved.put("sslMode", sslMode);
        saved.flush();
        FxToolkit.registerPrimaryStage();
        RegistrarApp.configure(new RegistrarApp.LaunchOptions(null, null, folder, 600));
        app = (RegistrarApp) FxToolkit.setupApplication(RegistrarApp::new);
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> robot.lookup("#connection-error")
                        .tryQueryAs(Label.class)
                        .map(label -> !label.getText().isEmpty())
                        .orElse(false));
    }

    @Test
    void aSavedUrlWithDriverOptionsOpensTheSettingsNamingItAndCanBeRepaired() throws Exception {
        String url = TestDatabases.jdbcUrl(database);
        start(url + "?sslmode=require", "disable");

        assertThat(robot.lookup("#startup-message").queryAs(Label.class).getText())
                .startsWith("The saved connection settings cannot be used: The database URL may not carry driver "
                        + "options");
        assertThat(robot.lookup("#connection-error").queryAs(Label.class).getText())
                .contains("may not carry driver options");
        assertThat(robot.lookup("#db-host").queryAs(TextField.class).getText()).isEqualTo("localhost");
        assertThat(robot.lookup("#db-name").queryAs(TextField.class).getText()).isEqualTo(database);
        assertThat(robot.lookup("#db-url").queryAs(TextField.class).getText()).isEmpty();

        robot.interact(() -> robot.lookup(".button").queryAllAs(Button.class).stream()
                .filter(button -> button.getText().replace("_", "").equals("Save"))
                .findFirst()
                .orElseThrow()
                .fire());
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> robot.lookup("#password").tryQuery().isPresent());
        robot.interact(() -> {
            PasswordField password = robot.lookup("#password").queryAs(PasswordField.class);
            password.setText("not-checked-by-trust-auth");
            robot.lookup(".button").queryAllAs(Button.class).stream()
                    .filter(button -> button.getText().replace("_", "").equals("OK"))
                    .findFirst()
                    .orElseThrow()
                    .fire();
        });
        WaitForAsyncUtils.waitFor(
                40,
                TimeUnit.SECONDS,
                () -> robot.lookup("#connection-state")
                        .tryQueryAs(Label.class)
                        .map(label -> label.getText().equals("Connected"))
                        .orElse(false));
        assertThat(((Stage) robot.listWindows().get(0)).getTitle()).contains("postgres@localhost");
        assertThat(saved.get("server.url", null)).isEqualTo(url);
        assertThat(saved.get("url", null))
                .as("the name before issue 17, replaced")
                .isNull();
    }

    @Test
    void aSavedUnknownTlsModeOpensTheSettingsNamingItWithNoModeChosen() throws Exception {
        start(TestDatabases.jdbcUrl(database), "bogus");

        assertThat(robot.lookup("#startup-message").queryAs(Label.class).getText())
                .startsWith("The saved connection settings cannot be used: The TLS mode (sslmode) “bogus” is not one "
                        + "of");
        assertThat(robot.lookup("#ssl-mode").queryAs(ComboBox.class).getValue()).isNull();
    }
}
