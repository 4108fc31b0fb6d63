package org.registrar.db;

import java.util.stream.Collectors;
import org.registrar.i18n.Messages;

/**
 * The database's schema is not the one this app works with and the app cannot fix that itself: a newer
 * Registrar already migrated it further, or it needs migrating and this login may not. The message says what to
 * do. Immutable.
 */
public final class SchemaVersionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** Why the schema cannot be used or upgraded here. */
    public enum Kind {
        /** A newer Registrar migrated it further than this app knows. */
        NEWER_THAN_APP,
        /** Migrations are pending and this login may not apply them. */
        LOGIN_MAY_NOT_UPGRADE,
        /** The recorded history differs from this app's migrations. */
        HISTORY_DIFFERS
    }

    private final Kind kind;
    private final String databaseVersion;
    private final String appVersion;

    private SchemaVersionException(
            Kind kind, String message, String databaseVersion, String appVersion, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.databaseVersion = databaseVersion;
        this.appVersion = appVersion;
    }

    /** A newer app applied migrations this one does not know: refuse rather than write to an unknown schema. */
    public static SchemaVersionException newerThanApp(String databaseVersion, String appVersion) {
        return new SchemaVersionException(
                Kind.NEWER_THAN_APP,
                Messages.text("messages.schema.newer", databaseVersion, appVersion),
                databaseVersion,
                appVersion,
                null);
    }

    /** Migrations are pending and the server refused them to this login (people's logins own no tables). */
    static SchemaVersionException notUpgradableByThisLogin(String databaseVersion, String appVersion, Throwable cause) {
        String message = databaseVersion.equals("none")
                ? Messages.text("messages.schema.noneMayNotUpgrade", appVersion)
                : Messages.text("messages.schema.mayNotUpgrade", databaseVersion, appVersion);
        return new SchemaVersionException(Kind.LOGIN_MAY_NOT_UPGRADE, message, databaseVersion, appVersion, cause);
    }

    /**
     * The database's schema history does not match this app's migrations (an applied file differs, or is missing):
     * not a history this app may upgrade. Nothing was changed.
     */
    static SchemaVersionException historyDiffers(Throwable cause) {
        // Flyway's message: a headline, then one line per problem ("Migration checksum mismatch for migration
        // version 60"), each followed by details and advice ("run repair") that is not for people at a desk
        String detail = String.valueOf(cause.getMessage())
                .lines()
                .skip(1)
                .map(String::strip)
                .filter(line -> line.startsWith("Migration") || line.startsWith("Detected"))
                .collect(Collectors.joining("; "));
        return historyDiffers(detail, cause);
    }

    private static SchemaVersionException historyDiffers(String detail, Throwable cause) {
        return new SchemaVersionException(
                Kind.HISTORY_DIFFERS,
                Messages.text("messages.schema.historyDiffers", detail),
                "unknown",
                "unknown",
                cause);
    }

    /** As {@link #historyDiffers(Throwable)}, from Flyway's validation messages (one per problem). */
    static SchemaVersionException historyDiffers(java.util.List<String> problems) {
        String detail = problems.stream()
                .map(problem -> problem.lines().findFirst().orElse("").strip())
                .collect(Collectors.joining("; "));
        return historyDiffers(detail, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The newest schema version applied to the database, or "none". */
    public String databaseVersion() {
        return databaseVersion;
    }

    /** The newest schema version this app knows. */
    public String appVersion() {
        return appVersion;
    }
}
