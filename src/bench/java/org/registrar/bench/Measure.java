package org.registrar.bench;

import java.util.List;
import java.util.stream.Collectors;
import org.registrar.db.Database;
import org.registrar.metrics.OperationScope;
import org.registrar.metrics.OperationSummary;

/**
 * How every bench case is measured: the work is timed {@code repetitions} times, then run once more untimed and
 * counted, so the counts describe one run of it, all three from the same run: the statements the client sent and the
 * round trips it waited for (QueryMetrics: BEGIN rides with the first statement, COMMIT and a pool validation cost
 * one each), and the statements the server ran ({@link ServerStatements}: triggers included). The counted run is
 * outside the timings because reading the server's counters is a query of its own. Blocking; one thread at a time.
 */
final class Measure {
    /** Makes the work of one run, untimed (a fresh assessment, an emptied table); the returned work is timed. */
    @FunctionalInterface
    interface Setup {
        Runnable prepare() throws Exception;
    }

    /** One case's figures: times in ms; counts of the counted run. */
    record Figures(
            double median,
            double p90,
            double p95,
            int repetitions,
            int statements,
            int roundTrips,
            ServerStatements.Count server,
            List<ServerStatements.Calls> ran) {

        /** Every statement the server ran in the counted run; null when not counted. */
        Long serverStatements() {
            return server.total();
        }

        /** What the server ran in the counted run, sent first: "1× (in a function or trigger) UPDATE …". */
        String describeServer() {
            return ran.stream()
                    .map(calls -> {
                        String sql = calls.query().replaceAll("\\s+", " ").strip();
                        return calls.calls() + "× " + (calls.topLevel() ? "" : "(in a function or trigger) ")
                                + (sql.length() > 70 ? sql.substring(0, 70) + "…" : sql);
                    })
                    .collect(Collectors.joining("; "));
        }

        /** "2 statements, 3 round trips; server: 9 (3 sent, 6 in functions and triggers)". */
        String describeCounts() {
            return statements + (statements == 1 ? " statement, " : " statements, ") + roundTrips
                    + (roundTrips == 1 ? " round trip" : " round trips") + "; server: " + server.describe();
        }
    }

    private final Database database;
    private final ServerStatements server;

    Measure(Database database, ServerStatements server) {
        this.database = database;
        this.server = server;
    }

    static Measure of(BenchContext context) {
        return new Measure(context.database(), context.serverStatements());
    }

    /** Times work that needs no setup. */
    Figures time(String operation, int repetitions, Runnable work) throws Exception {
        return time(operation, repetitions, () -> work);
    }

    /** Times {@code repetitions} runs of the prepared work, then counts one more. */
    Figures time(String operation, int repetitions, Setup setup) throws Exception {
        double[] millis = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            millis[i] = once(operation, setup.prepare());
        }
        return figures(operation, millis, setup.prepare());
    }

    /** One timed run of {@code work} as the operation, in ms (for cases that take turns with others). */
    double once(String operation, Runnable work) {
        long start = System.nanoTime();
        try (OperationScope scope = database.queryMetrics().begin(operation)) {
            work.run();
        }
        return Measurements.since(start);
    }

    /** The figures of timings taken with {@link #once}, counted on one more, untimed, run: {@code counted}. */
    Figures figures(String operation, double[] millis, Runnable counted) {
        ServerStatements.Snapshot before = server.snapshot();
        OperationScope scope = database.queryMetrics().begin(operation);
        try (scope) {
            counted.run();
        }
        ServerStatements.Snapshot after = server.snapshot();
        OperationSummary summary = scope.summary();
        return new Figures(
                Measurements.median(millis),
                Measurements.percentile(millis, 90),
                Measurements.percentile(millis, 95),
                millis.length,
                summary.statements(),
                summary.roundTrips(),
                server.between(before, after),
                server.available() ? server.ran(before, after) : List.of());
    }
}
