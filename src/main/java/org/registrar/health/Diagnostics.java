package org.registrar.health;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.registrar.db.Database;
import org.registrar.db.DatabaseErrors;
import org.registrar.db.MigrationFiles;
import org.registrar.db.SchemaVersionException;

/**
 * Checks one database the way support staff would: can we connect, is the schema the one this app expects, how
 * long is a round trip, what server and TLS state we talk to. Used by {@code doctor} and the Connection screen.
 * Blocking: never on the FX thread. Thread-safe.
 */
public final class Diagnostics {
    static final int ROUND_TRIPS = 7;

    private final Database database;

    public Diagnostics(Database database) {
        this.database = database;
    }

    /** Runs every check; never throws for a database failure, it is reported in the result. */
    public DiagnosticsReport run() {
        try {
            // read from the app's own files, so a pool of one connection suffices
            String expected = MigrationFiles.latestVersion();
            return database.jdbi().withHandle(handle -> inspect(handle, expected));
        } catch (RuntimeException error) {
            return DiagnosticsReport.unreachable(
                    database.profile().describe(), DatabaseErrors.describe(error), database.poolSettings());
        }
    }

    private DiagnosticsReport inspect(Handle handle, String expected) {
        String serverVersion =
                handle.createQuery("SHOW server_version").mapTo(String.class).one();
        boolean tls = handle.createQuery(
                        "SELECT coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)")
                .mapTo(Boolean.class)
                .one();
        String tlsVersion = tls
                ? handle.createQuery("SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                        .mapTo(String.class)
                        .one()
                : null;
        double medianMillis = medianRoundTripMillis(handle);
        String schema = schemaVersion(handle);
        List<String> problems = new ArrayList<>();
        if (!schema.equals("none") && MigrationFiles.compareVersions(schema, expected) > 0) {
            problems.add(SchemaVersionException.newerThanApp(schema, expected).getMessage());
        } else if (!schema.equals(expected)) {
            problems.add("schema version is " + schema + ", this app expects " + expected
                    + ": an administrator upgrades it by starting this Registrar once with the owner login");
        }
        if (medianMillis > 50) {
            problems.add(String.format("round trip is slow (%.1f ms median)", medianMillis));
        }
        return new DiagnosticsReport(
                database.profile().describe(),
                true,
                serverVersion,
                schema,
                expected,
                medianMillis,
                tls ? "on (" + tlsVersion + ")" : "off",
                database.poolSettings(),
                List.copyOf(problems),
                null);
    }

    private static String schemaVersion(Handle handle) {
        boolean migrated = handle.createQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")
                .mapTo(Boolean.class)
                .one();
        if (!migrated) {
            return "none";
        }
        return handle.createQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                        + "ORDER BY installed_rank DESC LIMIT 1")
                .mapTo(String.class)
                .findOne()
                .orElse("none");
    }

    private static double medianRoundTripMillis(Handle handle) {
        double[] millis = new double[ROUND_TRIPS];
        for (int i = 0; i < ROUND_TRIPS; i++) {
            long start = System.nanoTime();
            handle.createQuery("SELECT 1").mapTo(Integer.class).one();
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        Arrays.sort(millis);
        return millis[ROUND_TRIPS / 2];
    }
}
