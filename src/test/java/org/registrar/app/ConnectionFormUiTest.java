package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.PasswordServer;
import org.registrar.testing.OnFx;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 17, the connection form: host, port, database, login and TLS in people's words; a message beside each wrong
 * field with what was typed kept; a Test that shows each stage with its time and verdict while it runs, against a
 * real PostgreSQL with password authentication, a refused port, a wrong password and a server that never answers
 * the login (cancelled mid-test). Fields the machine-wide settings lock are disabled with the reason.
 */
class ConnectionFormUiTest {
    private static PasswordServer server;
    private static Path dataHome;

    private final FxRobot robot = new FxRobot();
    private Stage owner;
    private final AtomicReference<Optional<ConnectionDialog.Choice>> result = new AtomicReference<>();

    @BeforeAll
    static void migratedServer() throws Exception {
        server = PasswordServer.start();
        dataHome = Files.createTempDirectory("registrar-form");
        ConnectionProfile owner = new ConnectionProfile(
                server.url(), PasswordServer.USER, ConnectionProfile.SslMode.DISABLE, null, false, 2);
        Startup.open(owner, server.password(), dataHome, 600, step -> {}).close();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @AfterEach
    void closeDialog() throws Exception {
        robot.interact(() -> robot.lookup(".button").queryAllAs(Button.class).stream()
                .filter(button -> button.getText().replace("_", "").equals("Cancel"))
                .findFirst()
                .ifPresent(Button::fire));
        FxToolkit.cleanupStages();
    }

    private void open(ConnectionProfile current, Set<String> locked) throws Exception {
        FxToolkit.registerPrimaryStage();
        owner = FxToolkit.setupStage(stage -> {
            Theme.LIGHT.apply(); // as the app looks
            stage.setScene(new Scene(new StackPane(), 900, 700));
            stage.show();
        });
        Platform.runLater(() -> result.set(ConnectionDialog.edit(owner, current, locked, null)));
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> robot.lookup("#db-host").tryQuery().isPresent());
    }

    private static ConnectionProfile empty() {
        return new ConnectionProfile(
                "jdbc:postgresql://localhost:5432/registrar", "", ConnectionProfile.SslMode.DISABLE, null, false, 2);
    }

    private void type(String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    private void fill(int port, String password) {
        type("#db-host", "localhost");
        type("#db-port", String.valueOf(port));
        type("#db-name", PasswordServer.DATABASE);
        type("#db-user", PasswordServer.USER);
        robot.interact(
                () -> robot.lookup("#db-password").queryAs(PasswordField.class).setText(password));
    }

    private void click(String id) {
        Platform.runLater(() -> robot.lookup(id).queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The state and detail shown for stage {@code name}. */
    private List<String> stage(String name) {
        List<String> row = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            GridPane grid = robot.lookup("#test-stages").queryAs(GridPane.class);
            Integer index = null;
            for (Node cell : grid.getChildren()) {
                if (GridPane.getColumnIndex(cell) == 0
                        && ((Label) cell).getText().equals(name)) {
                    index = GridPane.getRowIndex(cell);
                }
            }
            for (Node cell : grid.getChildren()) {
                if (index != null && GridPane.getRowIndex(cell).equals(index) && GridPane.getColumnIndex(cell) > 0) {
                    row.add(((Label) cell).getText());
                }
            }
        });
        return row;
    }

    private String verdict() throws Exception {
        return OnFx.read(
                () -> robot.lookup("#test-verdict").queryAs(Label.class).getText());
    }

    private void waitForVerdict(String start) throws Exception {
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> verdict().startsWith(start));
    }

    @Test
    void aGoodServerPassesEveryStageWithItsTime() throws Exception {
        open(empty(), Set.of());
        fill(server.port(), server.password());

        click("#test-connection");
        waitForVerdict("Registrar can use this server");

        assertThat(stage("Name resolution").get(0)).isEqualTo("ok");
        assertThat(stage("TCP connect")).first().isEqualTo("ok");
        assertThat(stage("TCP connect").get(1)).endsWith(" ms");
        assertThat(stage("Authentication")).first().isEqualTo("ok");
        assertThat(stage("Authentication").get(2)).contains("logged in as ana");
        assertThat(stage("Schema version")).first().isEqualTo("ok");
        assertThat(stage("Round trip")).first().isEqualTo("ok");
        Screenshots.save(robot.lookup("#connection-form").query().getScene(), "connection-form-passed");
    }

    @Test
    void aRefusedPortFailsAtTcpConnectInPlainWords() throws Exception {
        int port = PasswordServer.refusedPort();
        open(empty(), Set.of());
        fill(port, "secret");

        click("#test-connection");
        waitForVerdict("Nothing is listening");

        assertThat(verdict()).startsWith("Nothing is listening on localhost port " + port + ":");
        assertThat(stage("TCP connect")).first().isEqualTo("failed");
        assertThat(stage("Authentication")).first().isEqualTo("skipped");
    }

    @Test
    void aWrongPasswordFailsAtAuthenticationNamingTheLogin() throws Exception {
        open(empty(), Set.of());
        fill(server.port(), server.password() + "-wrong");

        click("#test-connection");
        waitForVerdict("The server refused the password");

        assertThat(verdict()).startsWith("The server refused the password for ana");
        assertThat(stage("TCP connect")).first().isEqualTo("ok");
        assertThat(stage("Authentication")).first().isEqualTo("failed");
        assertThat(robot.lookup("#db-user").queryAs(TextField.class).getText()).isEqualTo("ana");
        Screenshots.save(robot.lookup("#connection-form").query().getScene(), "connection-form-wrong-password");
    }

    @Test
    void aTestUnderWayShowsItsStagesAndCanBeCancelled() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept());
                    } catch (Exception closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            open(empty(), Set.of());
            fill(silent.getLocalPort(), "secret");

            click("#test-connection");
            WaitForAsyncUtils.waitFor(
                    20, TimeUnit.SECONDS, () -> stage("Authentication").get(0).equals("checking…"));

            assertThat(stage("TCP connect")).first().isEqualTo("ok");
            assertThat(verdict()).isEqualTo("Testing…");
            assertThat(robot.lookup("#test-connection").queryAs(Button.class).getText())
                    .isEqualTo("Cancel _test");
            Screenshots.save(robot.lookup("#connection-form").query().getScene(), "connection-form-mid-test");

            click("#test-connection");

            assertThat(verdict()).isEqualTo("Test cancelled. Nothing was saved.");
            assertThat(stage("Authentication")).first().isEqualTo("skipped");
            assertThat(robot.lookup("#test-connection").queryAs(Button.class).getText())
                    .isEqualTo("_Test");
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void wrongFieldsAreNamedBesideThemAndTheFormStaysOpenWithWhatWasTyped() throws Exception {
        open(empty(), Set.of());
        type("#db-host", "");
        type("#db-port", "54x2");
        type("#db-user", "ana");

        click("#save-connection");

        assertThat(robot.lookup("#server-error").queryAs(Label.class).getText())
                .contains("Enter the server's name or address")
                .contains("The port is a number from 1 to 65535");
        assertThat(robot.lookup("#db-port").queryAs(TextField.class).getText()).isEqualTo("54x2");
        assertThat(result.get()).isNull(); // still open
        Screenshots.save(robot.lookup("#connection-form").query().getScene(), "connection-form-field-errors");
    }

    @Test
    void savingReturnsTheProfileAndThePasswordTyped() throws Exception {
        open(empty(), Set.of());
        fill(5999, "typed");
        type("#db-host", "db.school.org");

        click("#save-connection");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> result.get() != null);

        ConnectionDialog.Choice choice = result.get().orElseThrow();
        assertThat(choice.profile().url()).isEqualTo("jdbc:postgresql://db.school.org:5999/registrar");
        assertThat(choice.password()).isEqualTo("typed");
    }

    @Test
    void lockedFieldsAreDisabledWithTheReason() throws Exception {
        open(empty(), Set.of("server.host", "server.port"));

        TextField host = robot.lookup("#db-host").queryAs(TextField.class);
        assertThat(host.isDisabled()).isTrue();
        assertThat(host.getTooltip().getText()).isEqualTo("Set by your school's IT department");
        assertThat(robot.lookup("#db-port").queryAs(TextField.class).isDisabled())
                .isTrue();
        assertThat(robot.lookup("#db-name").queryAs(TextField.class).isDisabled())
                .isFalse();
    }
}
