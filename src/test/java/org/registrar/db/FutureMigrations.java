package org.registrar.db;

import org.jdbi.v3.core.Jdbi;

/** Test fixture: makes a migrated database look as if a newer Registrar had applied one more migration. */
public final class FutureMigrations {
    private FutureMigrations() {}

    /** Appends a successful migration {@code version} to flyway_schema_history, as Flyway itself would. */
    public static void record(Jdbi jdbi, String version) {
        jdbi.useHandle(
                handle -> handle.createUpdate("""
                        INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,
                            checksum, installed_by, execution_time, success)
                        SELECT coalesce(max(installed_rank), 0) + 1, :version, 'from a newer app', 'SQL',
                            'V' || :version || '__from_a_newer_app.sql', 0, current_user, 1, true
                        FROM flyway_schema_history
                        """).bind("version", version).execute());
    }
}
