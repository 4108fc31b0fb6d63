package org.registrar.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.registrar.metrics.OperationStats;
import org.registrar.metrics.QueryMetrics;

/** The micro-benchmark's loop records what it claims to (the timing itself is in docs/performance.md). */
class MetricsBenchTest {
    @Test
    void loopRecordsEveryCallInOperationsOfFifty() {
        QueryMetrics metrics = new QueryMetrics();

        MetricsBench.record(metrics, 1_000);

        assertThat(metrics.totals().statements()).isEqualTo(1_000);
        assertThat(metrics.operations())
                .extracting(OperationStats::operation, OperationStats::runs)
                .containsExactly(tuple("Bench operation", 20L));
        assertThat(metrics.slowestStatements()).hasSize(20);
        assertThat(BenchScenarios.all()).extracting(BenchScenario::name).contains("metrics");
    }
}
