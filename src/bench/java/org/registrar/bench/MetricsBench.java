package org.registrar.bench;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.registrar.metrics.OperationScope;
import org.registrar.metrics.QueryMetrics;

/**
 * What recording one statement costs: {@link QueryMetrics#recordStatement} inside an {@link OperationScope}, as
 * every statement the app sends pays it. A plain loop with warm-up (no JMH), millions of calls per round, on one
 * thread and on two at once (the worker pool's contention on the shared counters and histogram). Needs no database.
 */
public final class MetricsBench implements BenchScenario {
    static final int CALLS_PER_ROUND = 2_000_000;
    static final int WARM_UP_ROUNDS = 3;
    static final int ROUNDS = 7;
    static final int STATEMENTS_PER_OPERATION = 50;
    private static final String SQL = "SELECT id, given_name, family_name FROM students WHERE search_key LIKE ? "
            + "ORDER BY family_name, given_name, id LIMIT ?";

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        BenchResult result = new BenchResult(name(), "case", "median_ns_per_call", "worst_round_ns_per_call", "calls");
        for (int threads : new int[] {1, 2}) {
            double[] perCall = measure(threads);
            result.row(
                    "recordStatement in an operation, " + threads + (threads == 1 ? " thread" : " threads at once"),
                    oneDecimal(median(perCall)),
                    oneDecimal(perCall[perCall.length - 1]),
                    (long) ROUNDS * CALLS_PER_ROUND * threads);
        }
        return result.note(String.format(
                "%d warm-up and %d measured rounds of %,d calls per thread; a new operation every %d statements; "
                        + "varied durations so the slowest-statements list is exercised. Limit: 1000 ns per call.",
                WARM_UP_ROUNDS, ROUNDS, CALLS_PER_ROUND, STATEMENTS_PER_OPERATION));
    }

    /** Nanoseconds per call of each measured round, sorted. */
    static double[] measure(int threads) throws Exception {
        QueryMetrics metrics = new QueryMetrics();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                round(metrics, pool, threads);
            }
            double[] perCall = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                perCall[i] = round(metrics, pool, threads);
            }
            Arrays.sort(perCall);
            return perCall;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One round on every thread at once; returns the wall time per call on one thread. */
    private static double round(QueryMetrics metrics, ExecutorService pool, int threads) throws Exception {
        long start = System.nanoTime();
        Future<?>[] running = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            running[t] = pool.submit(() -> record(metrics, CALLS_PER_ROUND));
        }
        for (Future<?> future : running) {
            future.get();
        }
        return (double) (System.nanoTime() - start) / CALLS_PER_ROUND;
    }

    static void record(QueryMetrics metrics, int calls) {
        int done = 0;
        while (done < calls) {
            try (OperationScope scope = metrics.begin("Bench operation")) {
                for (int i = 0; i < STATEMENTS_PER_OPERATION && done < calls; i++, done++) {
                    // 0.2 to 1.0 ms, spread like real statements
                    long nanos = 200_000 + (done * 7_919L) % 800_000;
                    metrics.recordStatement(SQL, nanos, false);
                }
            }
        }
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
