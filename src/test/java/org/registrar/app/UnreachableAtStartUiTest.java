package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.EmbeddedServer;
import org.registrar.testing.LeftWindows;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Fault 6 of docs/reliability.md: the server is down when the app starts; the app says so and connects later. */
class UnreachableAtStartUiTest {
    @TempDir
    Path folder;

    private final FxRobot robot = new FxRobot();
    private RegistrarApp app;
    private EmbeddedServer server;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app.awaitShutdown();
            LeftWindows.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void opensSaysTheServerIsUnavailableAndConnectsWhenItAppears() throws Exception {
        server = EmbeddedServer.startDurable(folder.resolve("pgdata"), step -> {});
        int port = server.port();
        String password = server.superuser().password();
        server.close();
        ConnectionProfile profile = new ConnectionProfile(
                "jdbc:postgresql://localhost:" + port + "/postgres",
                "postgres",
                ConnectionProfile.SslMode.DISABLE,
                null,
                false,
                2);
        Stage stage = FxToolkit.registerPrimaryStage();
        RegistrarApp.configure(new RegistrarApp.LaunchOptions(profile, password, folder, 600));
        app = (RegistrarApp) FxToolkit.setupApplication(RegistrarApp::new);

        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> robot.lookup("#startup-message")
                        .tryQueryAs(Label.class)
                        .map(label -> label.getText().contains("tries again every"))
                        .orElse(false));
        Label message = robot.lookup("#startup-message").queryAs(Label.class);
        assertThat(message.getText())
                .startsWith("Nothing is listening on localhost port " + port + ": the server is stopped")
                .doesNotContain("postmaster");
        assertThat(robot.lookup("#retry").tryQuery()).isPresent();
        Screenshots.save(stage.getScene(), "startup-server-unavailable");

        server = EmbeddedServer.startDurable(folder.resolve("pgdata"), step -> {});
        WaitForAsyncUtils.waitFor(
                40,
                TimeUnit.SECONDS,
                () -> robot.lookup("#connection-state")
                        .tryQueryAs(Label.class)
                        .map(label -> label.getText().equals("Connected"))
                        .orElse(false));
        assertThat(stage.getTitle()).isEqualTo("Registrar — postgres@localhost:" + port + "/postgres");
    }
}
