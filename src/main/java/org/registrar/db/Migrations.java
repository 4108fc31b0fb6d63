package org.registrar.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Applies the versioned schema under {@code db/migration} with Flyway. Thread-safe; blocking: never call on
 * the FX thread.
 */
public final class Migrations {
    private Migrations() {}

    /** Migrates the database behind {@code dataSource} to the newest schema and returns the schema version. */
    public static String apply(DataSource dataSource) {
        Flyway flyway = configure(dataSource);
        flyway.migrate();
        return currentVersion(flyway);
    }

    /** The applied schema version, or "none" for an empty database. */
    public static String currentVersion(DataSource dataSource) {
        return currentVersion(configure(dataSource));
    }

    /** The newest schema version this build of the app knows. */
    public static String expectedVersion(DataSource dataSource) {
        // migrations applied by a newer app are listed as FUTURE_*: they are not ours
        return java.util.Arrays.stream(configure(dataSource).info().all())
                .filter(info ->
                        info.getVersion() != null && !info.getState().name().startsWith("FUTURE"))
                .reduce((first, second) -> second)
                .map(info -> info.getVersion().getVersion())
                .orElse("none");
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
                .load();
    }
}
