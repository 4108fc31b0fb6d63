package org.registrar.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.util.PasswordUtil;

/**
 * What a DBA does once on a school server, done by the app on its own embedded server as the superuser: the
 * database, and the desktop login for everyday work as a member of {@code registrar_admin} (the group role the
 * migrations create), never a superuser. Blocking; thread-safe.
 */
public final class EmbeddedSetup {
    /** The group role of the desktop login: the embedded server's user administers their own demo school. */
    static final String DESKTOP_GROUP = "registrar_admin";

    private EmbeddedSetup() {}

    /** Creates {@code database} (a fixed name, never user text) unless it exists. */
    public static void createDatabaseIfMissing(EmbeddedServer server, String database) {
        try (Connection connection = server.postgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + quote(database));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the embedded database: " + e.getMessage(), e);
        }
    }

    /**
     * Makes the server's desktop login exist with its current password, able to log in, a member of
     * {@code registrar_admin} and nothing more (no superuser, no role or database creation). Run after the
     * migrations, which create the group role.
     */
    public static void ensureDesktopLogin(EmbeddedServer server, String database) {
        EmbeddedServer.Login login = server.desktopLogin();
        String role = quote(login.user());
        // only the SCRAM verifier goes to the server, so the password is in no statement text or server log
        String verifier = PasswordUtil.encodeScramSha256(login.password().toCharArray());
        try (Connection connection =
                        server.dataSource(database, server.superuser()).getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            boolean exists;
            try (PreparedStatement find = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                find.setString(1, login.user());
                try (ResultSet rows = find.executeQuery()) {
                    exists = rows.next();
                }
            }
            statement.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '" + verifier
                    + "'");
            statement.execute("GRANT " + DESKTOP_GROUP + " TO " + role);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the desktop login: " + e.getMessage(), e);
        }
    }

    /** Names here are fixed or checked against {@code [a-z_][a-z0-9_]*}; quoting keeps them exactly as written. */
    private static String quote(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain role or database name: " + identifier);
        }
        return '"' + identifier + '"';
    }
}
