package org.registrar.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Applies the versioned schema under {@code db/migration} with Flyway. Thread-safe; blocking: never call on
 * the FX thread.
 */
public final class Migrations {
    private Migrations() {}

    /**
     * Migrates the database behind {@code dataSource} to the newest schema and returns the schema version.
     *
     * @throws SchemaVersionException when a newer app already migrated it further than this app knows, or when
     *     migrations are pending and this login may not apply them
     */
    public static String apply(DataSource dataSource) {
        Optional<String> current = appliedAsShipped(dataSource);
        if (current.isPresent()) {
            return current.get();
        }
        Flyway flyway = configure(dataSource);
        MigrationInfoService info = flyway.info();
        refuseNewerSchema(info.all());
        try {
            flyway.migrate();
        } catch (FlywayException error) {
            if (info.pending().length > 0 && isPermissionDenied(error)) {
                throw SchemaVersionException.notUpgradableByThisLogin(
                        currentVersion(flyway), newestKnown(info.all()), error);
            }
            throw error;
        }
        return currentVersion(flyway);
    }

    /**
     * The schema version when the schema history holds exactly the migrations this app ships, each applied
     * successfully from an unchanged script (same file name, same checksum as Flyway computes); then there is nothing
     * for Flyway to do or to find wrong, and its scan of the class path, its validation and its own reads of the
     * history (seconds of every start) are skipped. Anything else (no history, a migration pending, failed, newer,
     * edited or not ours): empty, and Flyway decides as always. One query on one connection.
     */
    static Optional<String> appliedAsShipped(DataSource dataSource) {
        Map<String, Integer> shipped = MigrationFiles.checksums();
        Map<String, Integer> applied = new java.util.TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet history =
                    statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
                if (!history.next() || !history.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT script, checksum, success, type, version"
                    + " FROM flyway_schema_history ORDER BY installed_rank")) {
                while (rows.next()) {
                    if (!rows.getBoolean("success")) {
                        return Optional.empty();
                    }
                    if ("SQL".equals(rows.getString("type")) && rows.getString("version") != null) {
                        applied.put(rows.getString("script"), rows.getInt("checksum"));
                    }
                }
            }
        } catch (SQLException e) {
            return Optional.empty(); // Flyway reports what is wrong, in its own words
        }
        return !shipped.isEmpty() && shipped.equals(applied)
                ? Optional.of(MigrationFiles.latestVersion())
                : Optional.empty();
    }

    /** The applied schema version, or "none" for an empty database. */
    public static String currentVersion(DataSource dataSource) {
        return currentVersion(configure(dataSource));
    }

    /** The newest schema version this build of the app knows. */
    public static String expectedVersion(DataSource dataSource) {
        return newestKnown(configure(dataSource).info().all());
    }

    /** Migrations applied by a newer app show as FUTURE_*: their versions are above every one we know. */
    private static void refuseNewerSchema(MigrationInfo[] migrations) {
        Optional<MigrationInfo> newestFuture = Arrays.stream(migrations)
                .filter(info -> info.getVersion() != null && isFuture(info.getState()))
                .max(Comparator.comparing(MigrationInfo::getVersion));
        if (newestFuture.isPresent()) {
            throw SchemaVersionException.newerThanApp(
                    newestFuture.get().getVersion().getVersion(), newestKnown(migrations));
        }
    }

    private static String newestKnown(MigrationInfo[] migrations) {
        return Arrays.stream(migrations)
                .filter(info -> info.getVersion() != null && info.getState().isResolved())
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion)
                .orElse("none");
    }

    /** SQLSTATE 42501: people's logins own no tables, so they cannot create or alter the schema. */
    private static boolean isPermissionDenied(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "42501".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFuture(MigrationState state) {
        return state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED;
    }

    private static String currentVersion(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    private static Flyway configure(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                // future migrations are refused by refuseNewerSchema with our own message before migrate runs;
                // set explicitly so validation never depends on Flyway's default for them
                .ignoreMigrationPatterns("*:future")
                .load();
    }
}
