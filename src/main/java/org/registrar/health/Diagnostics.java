package org.registrar.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.registrar.db.ConnectFailure;
import org.registrar.db.ConnectionProfile.SslMode;
import org.registrar.db.Database;
import org.registrar.db.DatabaseErrors;
import org.registrar.db.MigrationFiles;
import org.registrar.db.SchemaVersionException;
import org.registrar.i18n.Messages;

/**
 * "Test connection" the way support staff would, step by step: name resolution, TCP connect, TLS and certificate,
 * authentication, schema version, round trip, each timed, stopping at the first failure. Used by {@code doctor}
 * and the Connection screen. Blocking: never on the FX thread. Thread-safe.
 */
public final class Diagnostics {
    static final int ROUND_TRIPS = 7;
    static final double SLOW_ROUND_TRIP_MILLIS = 50;
    /** The stages in the order they run. */
    public static final List<String> STAGES = List.of(
            DiagnosticStep.NAME_RESOLUTION,
            DiagnosticStep.TCP_CONNECT,
            DiagnosticStep.TLS,
            DiagnosticStep.AUTHENTICATION,
            DiagnosticStep.SCHEMA,
            DiagnosticStep.ROUND_TRIP);

    private final Database database;

    public Diagnostics(Database database) {
        this.database = database;
    }

    /** Runs every step until one fails; never throws for a database failure, it is reported in the result. */
    public DiagnosticsReport run() {
        return run(step -> {});
    }

    /**
     * As {@link #run()}, telling {@code finished} about each step as soon as it is done (on this thread), so a screen
     * can show the stages while they run. Interrupting this thread, or closing the database, ends a step under way as
     * failed.
     */
    public DiagnosticsReport run(Consumer<DiagnosticStep> finished) {
        Instant at = Instant.now();
        List<DiagnosticStep> steps = new ArrayList<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean add(DiagnosticStep step) {
                super.add(step);
                finished.accept(step);
                return true;
            }
        };
        String failure = network(steps);
        if (failure != null) {
            return unreachable(at, failure, steps);
        }
        // read from the app's own files, so a pool of one connection suffices
        String expected = MigrationFiles.latestVersion();
        long created = database.poolMetrics().snapshot().connectionsCreated();
        long start = System.nanoTime();
        try {
            return database.jdbi().withHandle(handle -> inspect(handle, expected, at, steps, start, created));
        } catch (RuntimeException error) {
            double millis = NetworkChecks.millisSince(start);
            String reason = ConnectFailure.of(database.profile(), error).sentence();
            if (DatabaseErrors.classify(error) == DatabaseErrors.Kind.TLS) {
                steps.add(DiagnosticStep.failed(DiagnosticStep.TLS, millis, reason));
            } else {
                steps.add(tlsBeforeFailedLogin(loginRefused(error)));
                steps.add(DiagnosticStep.failed(DiagnosticStep.AUTHENTICATION, millis, reason));
            }
            return unreachable(at, reason, steps);
        }
    }

    /** Name resolution and TCP connect; returns why they failed, or null when both passed. */
    private String network(List<DiagnosticStep> steps) {
        NetworkChecks.Address address;
        try {
            address = NetworkChecks.address(database.jdbcUrl());
        } catch (RuntimeException unreadable) {
            steps.add(DiagnosticStep.failed(DiagnosticStep.NAME_RESOLUTION, Double.NaN, unreadable.getMessage()));
            return unreadable.getMessage();
        }
        NetworkChecks.Resolved resolved = NetworkChecks.resolve(address.host());
        steps.add(resolved.step());
        if (resolved.step().outcome() == DiagnosticStep.Outcome.FAILED) {
            return resolved.step().detail();
        }
        DiagnosticStep tcp =
                NetworkChecks.connect(address.host(), resolved.addresses(), address.port(), database.connectTimeout());
        steps.add(tcp);
        return tcp.outcome() == DiagnosticStep.Outcome.FAILED ? tcp.detail() : null;
    }

    private DiagnosticsReport unreachable(Instant at, String reason, List<DiagnosticStep> steps) {
        return DiagnosticsReport.unreachable(
                database.profile().describe(), reason, database.poolSettings(), at, completed(steps));
    }

    /** The steps done, then every later step as skipped. */
    private static List<DiagnosticStep> completed(List<DiagnosticStep> steps) {
        List<DiagnosticStep> all = new ArrayList<>(steps);
        for (String name : STAGES.subList(steps.size(), STAGES.size())) {
            all.add(DiagnosticStep.skipped(name));
        }
        return List.copyOf(all);
    }

    private static boolean loginRefused(RuntimeException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("28") || sql.getSQLState().equals("3D000"))) {
                return true;
            }
        }
        return false;
    }

    /** The server asked for a login, so any TLS it required was already negotiated; otherwise it is unknown. */
    private DiagnosticStep tlsBeforeFailedLogin(boolean loginRefused) {
        SslMode mode = database.profile().sslMode();
        if (!requiresTls(mode)) {
            return notUsed(mode);
        }
        return loginRefused
                ? DiagnosticStep.ok(DiagnosticStep.TLS, Double.NaN, Messages.text("health.step.tlsThenRefused"))
                : DiagnosticStep.skipped(DiagnosticStep.TLS);
    }

    private DiagnosticsReport inspect(
            Handle handle, String expected, Instant at, List<DiagnosticStep> steps, long start, long created) {
        double connectMillis = NetworkChecks.millisSince(start);
        String tlsVersion = handle.createQuery(
                        "SELECT coalesce((SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid() AND ssl), '')")
                .mapTo(String.class)
                .one();
        steps.add(tlsStep(tlsVersion));
        steps.add(authenticationStep(handle, connectMillis, created));
        String serverVersion =
                handle.createQuery("SHOW server_version").mapTo(String.class).one();
        List<String> problems = new ArrayList<>();
        String schema = schemaStep(handle, expected, steps, problems);
        double medianMillis = Double.NaN;
        if (problems.isEmpty()) {
            medianMillis = medianRoundTripMillis(handle);
            steps.add(roundTripStep(medianMillis, problems));
        }
        return new DiagnosticsReport(
                database.profile().describe(),
                true,
                serverVersion,
                schema,
                expected,
                medianMillis,
                tlsVersion.isEmpty()
                        ? Messages.text("health.step.tlsOff")
                        : Messages.text("health.step.tlsOn", tlsVersion),
                database.poolSettings(),
                List.copyOf(problems),
                null,
                at,
                completed(steps));
    }

    /** Who logged in, and whether the pool opened a connection for this check or reused one. */
    private DiagnosticStep authenticationStep(Handle handle, double connectMillis, long createdBefore) {
        String user =
                handle.createQuery("SELECT current_user").mapTo(String.class).one();
        boolean fresh = database.poolMetrics().snapshot().connectionsCreated() > createdBefore;
        return DiagnosticStep.ok(
                DiagnosticStep.AUTHENTICATION,
                connectMillis,
                fresh
                        ? Messages.text("health.step.loggedInNew", user)
                        : Messages.text("health.step.loggedInReused", user));
    }

    /** Adds the schema step (and its problem, if any); returns the schema version found. */
    private static String schemaStep(
            Handle handle, String expected, List<DiagnosticStep> steps, List<String> problems) {
        long start = System.nanoTime();
        String schema = schemaVersion(handle);
        String problem = schemaProblem(schema, expected);
        double millis = NetworkChecks.millisSince(start);
        if (problem != null) {
            problems.add(problem);
            steps.add(DiagnosticStep.failed(DiagnosticStep.SCHEMA, millis, problem));
        } else {
            steps.add(DiagnosticStep.ok(
                    DiagnosticStep.SCHEMA, millis, Messages.text("health.step.schemaExpected", schema)));
        }
        return schema;
    }

    private static DiagnosticStep roundTripStep(double medianMillis, List<String> problems) {
        String shown = Messages.text("health.step.median", ROUND_TRIPS);
        if (medianMillis > SLOW_ROUND_TRIP_MILLIS) {
            String slow = Messages.text("health.step.slow", String.format(Messages.locale(), "%.1f", medianMillis));
            problems.add(slow);
            return DiagnosticStep.failed(
                    DiagnosticStep.ROUND_TRIP, medianMillis, Messages.text("health.step.slowOver", slow));
        }
        return DiagnosticStep.ok(DiagnosticStep.ROUND_TRIP, medianMillis, shown);
    }

    private DiagnosticStep tlsStep(String tlsVersion) {
        SslMode mode = database.profile().sslMode();
        if (requiresTls(mode)) {
            String check = switch (mode) {
                case VERIFY_FULL -> Messages.text("health.step.verifyFull");
                case VERIFY_CA -> Messages.text("health.step.verifyCa");
                default -> Messages.text("health.step.notChecked");
            };
            return DiagnosticStep.ok(DiagnosticStep.TLS, Double.NaN, tlsVersion + ", " + check);
        }
        if (!tlsVersion.isEmpty()) {
            return DiagnosticStep.ok(
                    DiagnosticStep.TLS,
                    Double.NaN,
                    Messages.text("health.step.tlsOffered", tlsVersion, mode.jdbcValue()));
        }
        return notUsed(mode);
    }

    private static DiagnosticStep notUsed(SslMode mode) {
        return DiagnosticStep.notUsed(DiagnosticStep.TLS, Messages.text("health.step.notEncrypted", mode.jdbcValue()));
    }

    private static boolean requiresTls(SslMode mode) {
        return mode == SslMode.REQUIRE || mode == SslMode.VERIFY_CA || mode == SslMode.VERIFY_FULL;
    }

    private static String schemaProblem(String schema, String expected) {
        if (!schema.equals("none") && MigrationFiles.compareVersions(schema, expected) > 0) {
            return SchemaVersionException.newerThanApp(schema, expected).getMessage();
        }
        if (!schema.equals(expected)) {
            return Messages.text("health.step.schemaOld", schema, expected);
        }
        return null;
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
