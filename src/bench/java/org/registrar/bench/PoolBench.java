package org.registrar.bench;

import org.registrar.db.Database;
import org.registrar.metrics.OperationScope;

/**
 * Round trip through the app's pool: a trivial statement, and the cost of taking a new connection versus reusing
 * one from the pool. The floor every other figure stands on.
 */
public final class PoolBench implements BenchScenario {
    @Override
    public String name() {
        return "pool";
    }

    @Override
    public BenchResult run(BenchContext context) {
        Database database = context.database();
        BenchResult result = new BenchResult(name(), "case", "median_ms", "p95_ms", "statements");
        int repetitions = Math.max(20, context.repetitions() * 10);
        double[] pooled = new double[repetitions];
        long statements = 0;
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            try (OperationScope scope = database.queryMetrics().begin("Bench round trip")) {
                database.jdbi().withHandle(handle -> handle.createQuery("SELECT 1")
                        .mapTo(Integer.class)
                        .one());
                pooled[i] = Measurements.since(start);
                scope.close();
                statements = scope.summary().statements();
            }
        }
        result.row(
                "SELECT 1 on a pooled connection",
                Measurements.median(pooled),
                Measurements.percentile(pooled, 95),
                statements);
        double[] fresh = new double[Math.max(5, context.repetitions())];
        for (int i = 0; i < fresh.length; i++) {
            long start = System.nanoTime();
            try (Database single = context.openDatabase().apply(1)) {
                single.jdbi().withHandle(handle -> handle.createQuery("SELECT 1")
                        .mapTo(Integer.class)
                        .one());
            }
            fresh[i] = Measurements.since(start);
        }
        result.row(
                "SELECT 1 on a new pool (connect + query + close)",
                Measurements.median(fresh),
                Measurements.percentile(fresh, 95),
                1);
        return result.note(
                "Loopback to the embedded server; " + repetitions + " and " + fresh.length + " repetitions.");
    }
}
