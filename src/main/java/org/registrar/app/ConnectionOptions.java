package org.registrar.app;

import java.nio.file.Path;
import java.util.Optional;
import org.registrar.db.ConnectionProfile;
import picocli.CommandLine.Option;

/** Command-line connection options shared by the window and the headless commands. */
final class ConnectionOptions {
    @Option(
            names = "--db-url",
            description = "JDBC URL of the school's server, e.g. jdbc:postgresql://db:5432/registrar")
    String url;

    @Option(
            names = "--db-user",
            description = "Database user (the password comes from REGISTRAR_DB_PASSWORD or a prompt)")
    String user;

    @Option(
            names = "--ssl-mode",
            description = "disable, allow, prefer, require, verify-ca, verify-full (default: prefer)")
    String sslMode;

    @Option(names = "--ssl-root-cert", description = "Root certificate file for verify-ca / verify-full")
    Path sslRootCert;

    @Option(names = "--pgbouncer", description = "The server is reached through PgBouncer in transaction mode")
    boolean pgBouncer;

    @Option(names = "--pool-size", description = "Maximum connections of this desktop, 1-10 (default: 2)")
    Integer poolSize;

    @Option(names = "--data-home", description = "Folder for the embedded database, drafts and logs")
    Path dataHome;

    /**
     * The profile the command line asks for; empty when it names no server.
     *
     * @throws SettingsProblem when the options cannot make a profile
     */
    Optional<ConnectionProfile> profile() {
        try {
            return given();
        } catch (IllegalArgumentException invalid) {
            throw new SettingsProblem("The connection options", invalid);
        }
    }

    /**
     * The command line's profile, else the saved one, else the embedded server.
     *
     * @throws SettingsProblem when the options or the saved settings cannot make a profile
     */
    ConnectionProfile resolve() {
        return profile().or(() -> ProfileStore.forUser().load()).orElse(ConnectionProfile.embedded());
    }

    private Optional<ConnectionProfile> given() {
        if (url == null) {
            return poolSize == null
                    ? Optional.empty()
                    : Optional.of(ConnectionProfile.embedded().withPoolSize(poolSize));
        }
        return Optional.of(new ConnectionProfile(
                url,
                user,
                sslMode == null ? ConnectionProfile.SslMode.PREFER : ConnectionProfile.SslMode.parse(sslMode),
                sslRootCert,
                pgBouncer,
                poolSize == null ? ConnectionProfile.DEFAULT_POOL_SIZE : poolSize));
    }

    Path dataHome() {
        return dataHome != null ? dataHome : UserDataFolder.resolve();
    }

    /** REGISTRAR_DB_PASSWORD, or null. */
    static String passwordFromEnvironment() {
        String password = System.getenv("REGISTRAR_DB_PASSWORD");
        return password == null || password.isEmpty() ? null : password;
    }
}
