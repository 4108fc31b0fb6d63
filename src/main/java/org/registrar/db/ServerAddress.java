package org.registrar.db;

import java.util.Properties;
import org.postgresql.Driver;
import org.registrar.i18n.Messages;

/**
 * Where a server is, in the words of the connection form: host, port and database; and the JDBC URL they make.
 * Immutable.
 *
 * @param host a name or an IP address, never empty
 * @param port 1 to 65535
 * @param database the database's name on the server, never empty
 */
public record ServerAddress(String host, int port, String database) {
    public static final int DEFAULT_PORT = 5432;

    public ServerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(Messages.text("connection.error.hostShort"));
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(Messages.text("connection.error.port"));
        }
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException(Messages.text("connection.error.database"));
        }
    }

    /**
     * Reads host, port and database the way the driver does (the first host when the URL lists several).
     *
     * @throws IllegalArgumentException when the driver cannot read the URL
     */
    public static ServerAddress of(String jdbcUrl) {
        Properties parsed = jdbcUrl == null ? null : Driver.parseURL(jdbcUrl, new Properties());
        if (parsed == null) {
            throw new IllegalArgumentException(Messages.text("connection.error.urlUnreadable"));
        }
        String host = parsed.getProperty("PGHOST", "localhost").split(",")[0];
        String port = parsed.getProperty("PGPORT", String.valueOf(DEFAULT_PORT)).split(",")[0];
        return new ServerAddress(
                host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host,
                Integer.parseInt(port),
                parsed.getProperty("PGDBNAME", ""));
    }

    /** {@code jdbc:postgresql://host:port/database}, an IPv6 address in brackets. */
    public String url() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + shownHost + ":" + port + "/" + database;
    }
}
