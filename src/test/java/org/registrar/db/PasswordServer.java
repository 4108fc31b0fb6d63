package org.registrar.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL started for a test that checks passwords as a school's server does: every login but the test's
 * own {@code postgres} must give its SCRAM password over TCP. Holds a login {@link #USER} that owns an empty database
 * {@link #DATABASE} (the app's start-up migrates it). Not thread-safe; one per test class.
 */
public final class PasswordServer implements AutoCloseable {
    public static final String USER = "ana";
    public static final String DATABASE = "registrar";

    private final EmbeddedPostgres server;
    private final String password = "Right-" + System.nanoTime();

    private PasswordServer(EmbeddedPostgres server) {
        this.server = server;
    }

    public static PasswordServer start() {
        try {
            PasswordServer started =
                    new PasswordServer(EmbeddedPostgres.builder().start());
            started.setUp();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void setUp() throws SQLException, IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            // the schema's migrations create group roles and grant pg_read_all_stats: the owner may
            statement.execute("CREATE ROLE " + USER + " LOGIN SUPERUSER PASSWORD '" + password + "'");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            ResultSet hba = statement.executeQuery("SHOW hba_file");
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
    }

    /** Another empty database owned by {@link #USER}; returns its URL. */
    public String createDatabase(String name) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new ServerAddress("localhost", port(), name).url();
    }

    public int port() {
        return server.getPort();
    }

    public String password() {
        return password;
    }

    /** {@code jdbc:postgresql://localhost:port/registrar}. */
    public String url() {
        return new ServerAddress("localhost", port(), DATABASE).url();
    }

    /** A loopback port nothing listens on (taken from the system and given back at once). */
    public static int refusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
