package org.registrar.db;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.registrar.i18n.Messages;

/**
 * Where and how to connect: JDBC URL, user, TLS settings, PgBouncer mode and pool size. Never holds a password.
 * Immutable.
 *
 * @param url JDBC URL, e.g. {@code jdbc:postgresql://db.school.example:5432/registrar}; null means the embedded
 *     server
 * @param sslRootCert root certificate file for {@code verify-ca}/{@code verify-full}; may be null
 * @param pgBouncer the server is reached through PgBouncer in transaction mode: no server-side prepared
 *     statements and no session state
 * @param poolSize maximum pool size, 1 to 10
 */
public record ConnectionProfile(
        String url, String user, SslMode sslMode, Path sslRootCert, boolean pgBouncer, int poolSize) {
    public static final int DEFAULT_POOL_SIZE = 2;
    public static final int MAX_POOL_SIZE = 10;

    public ConnectionProfile {
        Objects.requireNonNull(sslMode, "sslMode");
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException(
                    "Pool size must be between 1 and " + MAX_POOL_SIZE + ", was " + poolSize);
        }
        if (url != null) {
            checkUrl(url);
        }
    }

    /**
     * Refuses what the profile must not hold; the messages never repeat the URL, which may hold a password.
     *
     * @throws IllegalArgumentException naming the problem
     */
    private static void checkUrl(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(Messages.text("connection.error.urlPrefix", redact(url)));
        }
        if (url.contains("?") || url.contains("&") || url.contains(";")) {
            // driver properties such as socketFactory or sslfactory load classes, and a password in the URL would be
            // saved with the profile: only the named options of the profile are accepted
            throw new IllegalArgumentException(Messages.text("connection.error.urlOptions"));
        }
        if (url.contains("@")) {
            throw new IllegalArgumentException(Messages.text("connection.error.urlCredentials"));
        }
    }

    /**
     * A URL as it may be shown or logged: anything before an '@' in the host part (a user and password) and
     * everything from '?' on (driver options, which may hold a password) are replaced by "…".
     */
    public static String redact(String url) {
        if (url == null) {
            return "";
        }
        String shown = url;
        int query = shown.indexOf('?');
        if (query >= 0) {
            shown = shown.substring(0, query) + "?…";
        }
        int at = shown.lastIndexOf('@');
        if (at >= 0) {
            int slashes = shown.indexOf("//");
            int from = slashes >= 0 && slashes < at ? slashes + 2 : 0;
            shown = shown.substring(0, from) + "…" + shown.substring(at);
        }
        return shown;
    }

    /** The embedded server in the user data folder. */
    public static ConnectionProfile embedded() {
        return new ConnectionProfile(null, "postgres", SslMode.DISABLE, null, false, DEFAULT_POOL_SIZE);
    }

    public boolean isEmbedded() {
        return url == null;
    }

    public Optional<Path> rootCertificate() {
        return Optional.ofNullable(sslRootCert);
    }

    public ConnectionProfile withUrl(String newUrl) {
        return new ConnectionProfile(newUrl, user, sslMode, sslRootCert, pgBouncer, poolSize);
    }

    public ConnectionProfile withPoolSize(int newPoolSize) {
        return new ConnectionProfile(url, user, sslMode, sslRootCert, pgBouncer, newPoolSize);
    }

    /** "user@host:port/db" for titles and logs; never a password. */
    public String describe() {
        if (isEmbedded()) {
            return Messages.text("connection.embeddedTarget");
        }
        String target = redact(url).substring("jdbc:postgresql:".length()).replaceFirst("^//", "");
        int query = target.indexOf('?');
        return (user == null ? "" : user + "@") + (query < 0 ? target : target.substring(0, query));
    }

    /** pgjdbc's sslmode values. */
    public enum SslMode {
        DISABLE,
        ALLOW,
        PREFER,
        REQUIRE,
        VERIFY_CA,
        VERIFY_FULL;

        public String jdbcValue() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /**
         * @throws IllegalArgumentException naming the value and the accepted ones
         */
        public static SslMode parse(String text) {
            String name =
                    text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (SslMode mode : values()) {
                if (mode.name().equals(name)) {
                    return mode;
                }
            }
            String shown = text == null ? "" : text.strip();
            throw new IllegalArgumentException(Messages.text(
                    "connection.error.sslMode", shown.length() > 40 ? shown.substring(0, 40) + "…" : shown));
        }
    }
}
