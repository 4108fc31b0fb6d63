package org.registrar.db;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.ValidateResult;
import org.registrar.i18n.Messages;

/**
 * Applies the versioned schema under {@code db/migration} with Flyway. An empty database gets the baseline
 * (B64, the schema of 1.0) and the V files after it; a database made by the V1…V64 chain keeps its history and
 * gets the V files after its version (ADR 0032). Thread-safe; blocking: never call on the FX thread.
 */
public final class Migrations {
    static final String LOCATION = "classpath:" + MigrationFiles.FOLDER;
    /** The version of a database no migration has run on yet: a placeholder to compare, worded where it is shown. */
    public static final String NONE = "none";

    private Migrations() {}

    /**
     * Migrates the database behind {@code dataSource} to the newest schema and returns the schema version.
     *
     * @throws SchemaVersionException when a newer app already migrated it further than this app knows, or when
     *     migrations are pending and this login may not apply them
     */
    public static String apply(DataSource dataSource) {
        // the common case of every start: the schema as shipped, checked in one query instead of by Flyway
        Optional<String> current = ShippedSchema.appliedAsShipped(dataSource);
        return current.isPresent() ? current.get() : apply(dataSource, LOCATION);
    }

    /** As {@link #apply(DataSource)}, from the given Flyway locations (tests add a later migration). */
    static String apply(DataSource dataSource, String... locations) {
        Flyway flyway = configure(dataSource, locations);
        EditedMigrations.realign(dataSource, flyway.getConfiguration().getTable());
        MigrationInfoService info = flyway.info();
        refuseNewerSchema(info.all());
        try {
            flyway.migrate();
        } catch (FlywayValidateException error) {
            throw SchemaVersionException.historyDiffers(error);
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
     * What {@link #apply(DataSource)} would do, changing nothing: the pending migrations and the known repairs.
     *
     * @throws SchemaVersionException when apply would refuse: a newer app migrated the database further, or its
     *     history differs from this app's migrations in a way the one known repair does not cover
     */
    static MigrationPlan plan(DataSource dataSource, String... locations) {
        Flyway flyway = configure(dataSource, locations);
        MigrationInfo[] all = flyway.info().all();
        refuseNewerSchema(all);
        List<EditedMigrations.Edit> corrections =
                EditedMigrations.toRealign(dataSource, flyway.getConfiguration().getTable());
        refuseDifferentHistory(dataSource, locations, corrections);
        List<MigrationPlan.Step> pending = Arrays.stream(all)
                .filter(info -> info.getState() == MigrationState.PENDING)
                .map(info -> step(info, -1))
                .toList();
        return new MigrationPlan(
                currentVersion(flyway),
                newestKnown(all),
                pending,
                corrections.stream()
                        .map(edit -> Messages.text("messages.migrations.editedText", edit.version(), edit.commit()))
                        .toList());
    }

    /** The migrations applied successfully, oldest first, each with the time it took. */
    static List<MigrationPlan.Step> applied(DataSource dataSource, String... locations) {
        return Arrays.stream(configure(dataSource, locations).info().applied())
                .filter(info -> info.getVersion() != null && info.getState().isApplied())
                .map(info -> step(info, info.getExecutionTime() == null ? 0 : info.getExecutionTime()))
                .toList();
    }

    private static MigrationPlan.Step step(MigrationInfo info, int millis) {
        String kind = info.getScript().startsWith("B") ? "B" : "V";
        return new MigrationPlan.Step(kind + info.getVersion().getVersion(), info.getDescription(), millis);
    }

    /**
     * Flyway's validation as migrate runs it (pending migrations allowed), except the checksum mismatches the known
     * repair will correct: what is left would stop migrate.
     */
    private static void refuseDifferentHistory(
            DataSource dataSource, String[] locations, List<EditedMigrations.Edit> corrections) {
        ValidateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(locations)
                .failOnMissingLocations(true)
                .ignoreMigrationPatterns("*:future", "*:pending")
                .load()
                .validateWithResult();
        List<String> problems = result.invalidMigrations.stream()
                .filter(invalid -> !(invalid.errorDetails.errorCode == CoreErrorCode.CHECKSUM_MISMATCH
                        && corrections.stream().anyMatch(edit -> edit.version().equals(invalid.version))))
                .map(invalid -> invalid.errorDetails.errorMessage)
                .toList();
        if (!problems.isEmpty()) {
            throw SchemaVersionException.historyDiffers(problems);
        }
    }

    /** The applied schema version, or "none" for an empty database. */
    public static String currentVersion(DataSource dataSource) {
        return currentVersion(configure(dataSource, LOCATION));
    }

    /** The newest schema version this build of the app knows. */
    public static String expectedVersion(DataSource dataSource) {
        return newestKnown(configure(dataSource, LOCATION).info().all());
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
                .orElse(NONE);
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
        return current == null ? NONE : current.getVersion().getVersion();
    }

    private static Flyway configure(DataSource dataSource, String... locations) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(locations)
                .failOnMissingLocations(true)
                // future migrations are refused by refuseNewerSchema with our own message before migrate runs;
                // set explicitly so validation never depends on Flyway's default for them
                .ignoreMigrationPatterns("*:future")
                .load();
    }
}
