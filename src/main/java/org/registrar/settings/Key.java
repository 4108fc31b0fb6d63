package org.registrar.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.registrar.db.ConnectionProfile;
import org.registrar.i18n.Messages;

/**
 * The settings an admin may set in the machine-wide file and a user in the app, by the name both use. Each key checks
 * its own values and knows its built-in default (null: none). Immutable.
 */
public enum Key {
    SERVER_HOST("server.host", null, "the server's host name or address, e.g. db.school.example"),
    SERVER_PORT("server.port", "5432", "the server's port"),
    SERVER_DATABASE("server.database", "registrar", "the database on that server"),
    SERVER_URL(
            "server.url",
            null,
            "advanced: a raw jdbc:postgresql:// address; wins over host, port and database when set"),
    SERVER_PGBOUNCER(
            "server.pgbouncer", "false", "true when the server is reached through PgBouncer (transaction mode)"),
    SERVER_SSLMODE("server.sslmode", "prefer", "disable, allow, prefer, require, verify-ca or verify-full"),
    SERVER_SSLROOTCERT("server.sslrootcert", null, "the root certificate file for verify-ca and verify-full"),
    LOGIN_HINT("login.hint", null, "the login name shown pre-filled"),
    POOL_SIZE("pool.size", String.valueOf(ConnectionProfile.DEFAULT_POOL_SIZE), "connections of each desktop, 1-10"),
    HEALTH_POLL_SECONDS("health.pollSeconds", "2", "how often the Health screen asks the server, in seconds"),
    HEALTH_WARN_SECONDS("health.warnSeconds", "120", "a query or idle transaction this old warns, in seconds"),
    HEALTH_ALERT_SECONDS("health.alertSeconds", "300", "a query or idle transaction this old alerts, in seconds"),
    DEMO_ALLOWED("demo.allowed", "true", "false forbids the demo database on this computer"),
    PASSWORD_REMEMBER_ALLOWED(
            "password.remember.allowed", "true", "false forbids remembering the password in the system keychain"),
    UI_LANGUAGE("ui.language", null, "the app's language: en, de, fr or es; not set: the system's");

    /** The languages the app ships (ui.language's values), in the order the Language menu lists them. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "de", "fr", "es");

    /** The keys that together say which server: locking one locks them all (ADR 0050). */
    public static final java.util.Set<Key> ADDRESS =
            java.util.EnumSet.of(SERVER_HOST, SERVER_PORT, SERVER_DATABASE, SERVER_URL);

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_.$-]{1,63}");

    private final String name;
    private final String builtIn;
    private final String meaning;

    Key(String name, String builtIn, String meaning) {
        this.name = name;
        this.builtIn = builtIn;
        this.meaning = meaning;
    }

    /** The name in the file and in the user's settings, e.g. {@code server.port}. */
    public String key() {
        return name;
    }

    /** The built-in value, or null when there is none. */
    public String builtIn() {
        return builtIn;
    }

    /** What the key is for, in an admin's words (the sample file and doctor). */
    public String meaning() {
        return meaning;
    }

    public static Optional<Key> named(String name) {
        return Arrays.stream(values()).filter(key -> key.name.equals(name)).findFirst();
    }

    /**
     * Why {@code value} cannot be this key's value, in words naming the value (shortened) and what is accepted; empty
     * when it can. A URL's message never repeats the URL, which may hold a password.
     */
    public Optional<String> problemWith(String value) {
        String shown = "“" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "”";
        switch (this) {
            case SERVER_HOST:
                return HOST.matcher(value).matches()
                        ? Optional.empty()
                        : Optional.of(Messages.text("messages.settings.notHost", shown));
            case SERVER_DATABASE:
                return DATABASE.matcher(value).matches()
                        ? Optional.empty()
                        : Optional.of(Messages.text("messages.settings.notDatabase", shown));
            case SERVER_PORT:
                return whole(value, 1, 65535, Messages.text("messages.settings.notPort", shown));
            case POOL_SIZE:
                return whole(
                        value,
                        1,
                        ConnectionProfile.MAX_POOL_SIZE,
                        Messages.text("messages.settings.notPoolSize", shown, ConnectionProfile.MAX_POOL_SIZE));
            case HEALTH_POLL_SECONDS:
            case HEALTH_WARN_SECONDS:
            case HEALTH_ALERT_SECONDS:
                return whole(value, 1, 86_400, Messages.text("messages.settings.notSeconds", shown));
            case SERVER_PGBOUNCER:
            case DEMO_ALLOWED:
            case PASSWORD_REMEMBER_ALLOWED:
                return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                        ? Optional.empty()
                        : Optional.of(Messages.text("messages.settings.notBoolean", shown));
            case SERVER_SSLMODE:
                try {
                    ConnectionProfile.SslMode.parse(value);
                    return Optional.empty();
                } catch (IllegalArgumentException unknown) {
                    return Optional.of(Messages.text("messages.settings.notSslMode", shown));
                }
            case SERVER_URL:
                try {
                    new ConnectionProfile(value, null, ConnectionProfile.SslMode.PREFER, null, false, 1);
                    return Optional.empty();
                } catch (IllegalArgumentException bad) {
                    return Optional.of(bad.getMessage());
                }
            case SERVER_SSLROOTCERT:
                try {
                    Path.of(value);
                    return Optional.empty();
                } catch (InvalidPathException bad) {
                    return Optional.of(Messages.text("messages.settings.notPath", shown));
                }
            case UI_LANGUAGE:
                return LANGUAGES.contains(value.toLowerCase(Locale.ROOT))
                        ? Optional.empty()
                        : Optional.of(Messages.text("messages.settings.notLanguage", shown));
            case LOGIN_HINT:
                return value.length() <= 63 && !value.isBlank() && value.chars().noneMatch(Character::isISOControl)
                        ? Optional.empty()
                        : Optional.of(Messages.text("messages.settings.notLogin", shown));
            default:
                throw new IllegalStateException("no check for " + name);
        }
    }

    private static Optional<String> whole(String value, int min, int max, String problem) {
        if (!value.matches("[0-9]{1,6}")) {
            return Optional.of(problem);
        }
        int number = Integer.parseInt(value);
        return number >= min && number <= max ? Optional.empty() : Optional.of(problem);
    }

    /** The value as the settings keep it: booleans and TLS modes in lower case, anything else as given. */
    String normalise(String value) {
        return switch (this) {
            case SERVER_PGBOUNCER, DEMO_ALLOWED, PASSWORD_REMEMBER_ALLOWED, UI_LANGUAGE ->
                value.toLowerCase(Locale.ROOT);
            case SERVER_SSLMODE -> ConnectionProfile.SslMode.parse(value).jdbcValue();
            default -> value;
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
