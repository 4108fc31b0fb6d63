package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.DatabaseErrors;
import org.registrar.db.TestDatabases;

/**
 * A start begun before the window exists is the window's own start: taking it gives the same context (a working
 * pool on the same server), the step it is at and the later ones, and the same failure a start of the window's
 * own would have given. Real PostgreSQL (the tests' server, as a configured one: no second embedded server).
 */
class EarlyStartTest {
    @TempDir
    Path dataHome;

    private String database;

    @BeforeEach
    void database() {
        database = TestDatabases.freshDatabase();
    }

    @AfterEach
    void drop() {
        TestDatabases.drop(database);
    }

    @Test
    void theWindowTakesTheBegunStartWithItsSteps() {
        ConnectionProfile profile = profile(TestDatabases.jdbcUrl(database));
        EarlyStart begun = EarlyStart.begin(profile, dataHome, 20);
        List<String> steps = new CopyOnWriteArrayList<>();

        try (AppContext context = begun.take(steps::add)) {
            String connectedTo = context.database()
                    .jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT current_database()")
                            .mapTo(String.class)
                            .one());
            assertThat(connectedTo).isEqualTo(database);
        }
        assertThat(steps).isNotEmpty();
        assertThat(steps.get(steps.size() - 1)).isNotBlank();
        assertThat(begun.serves(profile)).isTrue();
        assertThat(begun.serves(profile.withPoolSize(3))).isFalse();
    }

    @Test
    void aFailedBegunStartFailsAsTheWindowsOwnWould() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectionProfile profile = profile("jdbc:postgresql://127.0.0.1:" + closedPort + "/registrar");

        EarlyStart begun = EarlyStart.begin(profile, dataHome, 20);

        assertThatThrownBy(() -> begun.take(step -> {}))
                .satisfies(
                        error -> assertThat(DatabaseErrors.classify(error)).isEqualTo(DatabaseErrors.Kind.UNAVAILABLE));
    }

    private static ConnectionProfile profile(String url) {
        return new ConnectionProfile(url, "postgres", ConnectionProfile.SslMode.DISABLE, null, false, 2);
    }
}
