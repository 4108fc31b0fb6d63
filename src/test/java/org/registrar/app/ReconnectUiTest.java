package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.PasswordServer;
import org.registrar.testing.LeftWindows;
import org.registrar.testing.OnFx;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 17: settings saved in the running window apply at once, without a restart. The old pool is closed, the new
 * one opened, the screens built afresh. It used to say "Registrar will use … from its next start".
 */
class ReconnectUiTest {
    private static PasswordServer server;

    @TempDir
    Path folder;

    private final FxRobot robot = new FxRobot();
    private final Preferences saved =
            Preferences.userRoot().node(System.getProperty("registrar.prefsNode", "org/registrar-test/connection"));
    private RegistrarApp app;

    @BeforeAll
    static void startServer() {
        server = PasswordServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
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

    private void waitConnected(Stage stage, String title) throws Exception {
        WaitForAsyncUtils.waitFor(
                90,
                TimeUnit.SECONDS,
                () -> title.equals(stage.getTitle())
                        && robot.lookup("#connection-state")
                                .tryQueryAs(Label.class)
                                .map(label -> label.getText().equals("Connected"))
                                .orElse(false));
    }

    private void fire(String id) {
        Platform.runLater(() -> robot.lookup(id).queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void savedSettingsReconnectAtOnceClosingTheOldPool() throws Exception {
        String second = "second_" + System.nanoTime();
        server.createDatabase(second);
        Stage stage = FxToolkit.registerPrimaryStage();
        RegistrarApp.configure(new RegistrarApp.LaunchOptions(
                new ConnectionProfile(
                        server.url(), PasswordServer.USER, ConnectionProfile.SslMode.DISABLE, null, false, 2),
                server.password(),
                folder,
                600));
        app = (RegistrarApp) FxToolkit.setupApplication(RegistrarApp::new);
        waitConnected(stage, "Registrar — ana@localhost:" + server.port() + "/registrar");
        AppContext first = app.context();

        robot.interact(() ->
                robot.lookup("#nav-connection").queryAs(ToggleButton.class).fire());
        fire("#open-connection-settings");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> OnFx.present(robot, "#db-name"));
        robot.interact(() -> robot.lookup("#db-name").queryAs(TextField.class).setText(second));
        fire("#save-connection");

        waitConnected(stage, "Registrar — ana@localhost:" + server.port() + "/" + second);
        assertThat(app.context()).isNotSameAs(first);
        assertThat(((HikariDataSource) first.database().dataSource()).isClosed())
                .as("the old pool")
                .isTrue();
        assertThat(saved.get("server.url", null)).endsWith("/" + second);
        Screenshots.save(stage.getScene(), "reconnected");
    }
}
