package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 items 1 and 2 as one account sees them: password logins only (also for a folder an earlier version
 * left with trust and no password), private files, and changed server programs never run.
 */
class EmbeddedServerSafetyTest {
    @TempDir
    Path temp;

    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void logsInOnlyWithItsPasswordAndKeepsItsSecretsPrivate() throws Exception {
        Path data = temp.resolve("pgdata");
        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            assertThatThrownBy(() -> connect(server, "postgres", null))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> connect(server, "postgres", "wrong"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (Connection connection =
                    connect(server, "postgres", server.superuser().password())) {
                assertThat(connection.isValid(2)).isTrue();
            }
            assertThat(server.serverSetting("unix_socket_permissions")).isEqualTo("0700");
            assertThat(server.serverSetting("unix_socket_directories")).startsWith(temp.toString());
            // zonky makes its working folder writable by all as it unpacks; the next start would warn of it
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("server"))))
                    .as("the server's program folder while it runs")
                    .isEqualTo("rwx------");
        }
        assertThat(rules(data)).isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("registrar-credentials"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp)))
                .isEqualTo("rwx------");
    }

    @Test
    void aFolderAnEarlierVersionLeftWithTrustGetsPasswordsOnItsNextStart() throws Exception {
        Path data = temp.resolve("pgdata");
        // what the earlier app left: zonky's defaults (initdb -A trust, no password), a table, its port file
        EmbeddedPostgres earlier = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .start();
        try (Connection connection = earlier.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)");
            statement.execute("INSERT INTO note VALUES (1, 'kept')");
        }
        Files.writeString(data.resolve("registrar-port"), earlier.getPort() + "\n");
        earlier.close();
        assertThat(rules(data)).anySatisfy(rule -> assertThat(rule).endsWith("trust"));

        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            assertThatThrownBy(() -> connect(server, "postgres", null)).isInstanceOf(SQLException.class);
            try (Connection connection =
                            connect(server, "postgres", server.superuser().password());
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT body FROM note")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("kept");
            }
        }
        assertThat(rules(data)).isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
        assertThat(data.resolve(DataFolder.INITIALISED)).exists();
    }

    @Test
    void changedServerProgramsAreSetAsideAndNeverRun() throws Exception {
        Path data = temp.resolve("pgdata");
        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            server.port();
        }
        Path installation;
        try (var folders = Files.list(temp.resolve("server"))) {
            installation = folders.filter(
                            path -> path.getFileName().toString().startsWith("PG-") && Files.isDirectory(path))
                    .findFirst()
                    .orElseThrow();
        }
        Path pgCtl = installation.resolve("bin/pg_ctl");
        Files.writeString(pgCtl, "\n# planted\n", StandardOpenOption.APPEND);

        try (EmbeddedServer server = EmbeddedServer.startDurable(data, progress::add)) {
            assertThat(server.serverSetting("fsync")).isEqualTo("on");
        }
        assertThat(progress)
                .contains("The server's program files were changed since they were unpacked: unpacking them again…");
        assertThat(tail(temp.resolve("server").resolve("rejected-" + installation.getFileName() + "/bin/pg_ctl")))
                .isEqualTo("\n# planted\n");
        assertThat(tail(pgCtl)).isNotEqualTo("\n# planted\n");
    }

    /** The rule lines of pg_hba.conf (comments and blank lines left out). */
    private static List<String> rules(Path data) throws java.io.IOException {
        return Files.readAllLines(data.resolve("pg_hba.conf")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static String tail(Path program) throws java.io.IOException {
        byte[] bytes = Files.readAllBytes(program);
        return new String(bytes, bytes.length - 11, 11, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static Connection connect(EmbeddedServer server, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(server.jdbcUrl("postgres"), properties);
    }
}
