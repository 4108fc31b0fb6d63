package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.ConnectFailure;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.PasswordServer;
import org.registrar.db.ServerAddress;

/**
 * Issue 17, connection set-up: the start-up of a configured server says which stage it is in and, when it fails,
 * which stage failed in plain words naming the server, the port and the login. A refused port used to show
 * "Checking the schema…" (and take seconds: Flyway was loaded before any connection had been tried) and quote the
 * driver's "postmaster".
 */
class StartupStagesTest {
    private static PasswordServer server;

    @TempDir
    Path dataHome;

    private final List<String> steps = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        server = PasswordServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static ConnectionProfile profile(String url) {
        return new ConnectionProfile(url, PasswordServer.USER, ConnectionProfile.SslMode.DISABLE, null, false, 2);
    }

    private ConnectFailure failure(ConnectionProfile profile, String password) {
        List<ConnectFailure> failures = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> Startup.open(profile, password, dataHome, 600, steps::add))
                .satisfies(error -> failures.add(ConnectFailure.of(profile, error)));
        return failures.get(0);
    }

    @Test
    void aRefusedPortIsReportedAtTheConnectStageNamingHostAndPort() {
        int port = PasswordServer.refusedPort();
        ConnectFailure failure = failure(profile(new ServerAddress("localhost", port, "registrar").url()), "secret");

        assertThat(steps).containsExactly("Connecting to localhost port " + port + " as ana…");
        assertThat(failure.stage()).isEqualTo(ConnectFailure.Stage.NETWORK);
        assertThat(failure.sentence())
                .startsWith("Nothing is listening on localhost port " + port + ":")
                .doesNotContain("postmaster");
        assertThat(failure.needsPassword()).isFalse();
    }

    /** The step is worded in the chosen language; the port is a number people type, never grouped ("54,321"). */
    @Test
    void theConnectingStepSpeaksTheChosenLanguage() {
        ConnectionProfile profile = profile("jdbc:postgresql://db.school.invalid:54321/registrar");
        try {
            org.registrar.i18n.Messages.use(java.util.Locale.GERMAN);
            assertThat(Startup.connecting(profile)).isEqualTo("Verbindung zu db.school.invalid, Port 54321 als ana…");
            org.registrar.i18n.Messages.use(java.util.Locale.FRENCH);
            assertThat(Startup.connecting(profile))
                    .isEqualTo("Connexion à db.school.invalid, port 54321, en tant que ana…");
        } finally {
            org.registrar.i18n.Messages.use(java.util.Locale.ENGLISH);
        }
        assertThat(Startup.connecting(profile)).isEqualTo("Connecting to db.school.invalid port 54321 as ana…");
    }

    @Test
    void anUnknownHostIsReportedAsNotFound() {
        ConnectFailure failure = failure(profile("jdbc:postgresql://db.school.invalid:5999/registrar"), "secret");

        assertThat(steps).containsExactly("Connecting to db.school.invalid port 5999 as ana…");
        assertThat(failure.stage()).isEqualTo(ConnectFailure.Stage.NAME);
        assertThat(failure.sentence()).startsWith("db.school.invalid could not be found");
    }

    @Test
    void aWrongPasswordNamesTheLoginAndAsksForTheSecondPassword() {
        ConnectFailure failure = failure(profile(server.url()), server.password() + "-wrong");

        assertThat(steps).containsExactly("Connecting to localhost port " + server.port() + " as ana…");
        assertThat(failure.stage()).isEqualTo(ConnectFailure.Stage.LOGIN);
        assertThat(failure.sentence()).startsWith("The server refused the password for ana");
        assertThat(failure.needsPassword()).isTrue();
    }

    @Test
    void anUnknownDatabaseIsNamed() {
        ConnectFailure failure =
                failure(profile(new ServerAddress("localhost", server.port(), "no_such_db").url()), server.password());

        assertThat(failure.stage()).isEqualTo(ConnectFailure.Stage.DATABASE);
        assertThat(failure.sentence()).startsWith("The server has no database named no_such_db");
    }

    @Test
    void aGoodServerIsConnectedBeforeItsSchemaIsChecked() {
        try (AppContext context = Startup.open(profile(server.url()), server.password(), dataHome, 600, steps::add)) {
            assertThat(context.schemaVersion()).isNotEqualTo("none");
        }
        assertThat(steps)
                .startsWith("Connecting to localhost port " + server.port() + " as ana…", "Checking the schema…");
    }
}
