package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;
import org.slf4j.LoggerFactory;

/**
 * A password never reaches a log (SLF4J at DEBUG, and pgjdbc's java.util.logging at FINEST), an error message
 * or the URL, on a server that really checks passwords (scram-sha-256).
 */
class SecretsTest {
    private static final String PASSWORD = "Corr3ct-H0rse-" + System.nanoTime();

    private EmbeddedPostgres server;
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final List<String> driverLog = new ArrayList<>();
    private final Handler driverHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            driverLog.add(
                    String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level previousLevel;

    @BeforeEach
    void passwordCheckingServerAndFullLogging() throws Exception {
        server = EmbeddedPostgres.builder().start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("CREATE ROLE ana LOGIN PASSWORD '" + PASSWORD + "'");
            var hba = statement.executeQuery("SHOW hba_file");
            hba.next();
            Files.writeString(
                    Path.of(hba.getString(1)),
                    String.join(
                            "\n",
                            "local all all trust",
                            "host all postgres 127.0.0.1/32 trust",
                            "host all postgres ::1/128 trust",
                            "host all all 127.0.0.1/32 scram-sha-256",
                            "host all all ::1/128 scram-sha-256",
                            ""));
            statement.execute("SELECT pg_reload_conf()");
        }
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previousLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        events.start();
        root.addAppender(events);
        java.util.logging.Logger driver = java.util.logging.Logger.getLogger("org.postgresql");
        driver.setLevel(java.util.logging.Level.FINEST);
        driver.addHandler(driverHandler);
    }

    @AfterEach
    void restore() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(events);
        root.setLevel(previousLevel);
        java.util.logging.Logger driver = java.util.logging.Logger.getLogger("org.postgresql");
        driver.removeHandler(driverHandler);
        driver.setLevel(null);
        server.close();
    }

    private Database open(String password) {
        String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
        ConnectionProfile profile =
                new ConnectionProfile(url, "ana", ConnectionProfile.SslMode.DISABLE, null, false, 1);
        return Database.open(profile, url, password, new QueryMetrics(), new PoolMetrics());
    }

    @Test
    void passwordAppearsNowhereAfterASuccessfulAndAFailedLogin() {
        try (Database right = open(PASSWORD)) {
            String user = right.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT current_user")
                            .mapTo(String.class)
                            .one());
            assertThat(user).isEqualTo("ana");
        }
        String wrongPassword = PASSWORD + "-wrong";
        try (Database wrong = open(wrongPassword)) {
            assertThatThrownBy(() -> wrong.jdbi().useHandle(handle -> handle.execute("SELECT 1")))
                    .satisfies(error -> {
                        assertThat(DatabaseErrors.describe(error)).doesNotContain(PASSWORD);
                        assertThat(describeChain(error)).doesNotContain(PASSWORD);
                    });
        }

        String logged = String.join(
                        "\n",
                        events.list.stream()
                                .map(ILoggingEvent::getFormattedMessage)
                                .toList())
                + String.join("\n", driverLog);
        assertThat(events.list).isNotEmpty();
        assertThat(logged).contains("Opening pool").doesNotContain(PASSWORD);
    }

    private static String describeChain(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            text.append(cause).append('\n');
        }
        return text.toString();
    }
}
