package org.registrar.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryMetricsTest {
    private final QueryMetrics metrics = new QueryMetrics();

    @Test
    void operationSummaryCountsItsStatementsAndTransactions() {
        List<OperationSummary> published = new ArrayList<>();
        metrics.addListener(published::add);

        try (OperationScope scope = metrics.begin("Save results")) {
            metrics.recordStatement("INSERT ...", 2_000_000, false);
            metrics.recordStatement("INSERT ...", 1_000_000, false);
            metrics.recordTransaction();
            for (int trip = 0; trip < 3; trip++) {
                metrics.recordRoundTrip();
            }
        }

        assertThat(published).hasSize(1);
        OperationSummary summary = published.get(0);
        assertThat(summary.statements()).isEqualTo(2);
        assertThat(summary.transactions()).isEqualTo(1);
        assertThat(summary.roundTrips()).isEqualTo(3);
        assertThat(metrics.totals().roundTrips()).isEqualTo(3);
        assertThat(summary.describe()).startsWith("Save results: 2 statements, 3 round trips, 1 transaction, ");
    }

    @Test
    void nestedOperationJoinsTheOuterOne() {
        List<OperationSummary> published = new ArrayList<>();
        metrics.addListener(published::add);

        try (OperationScope outer = metrics.begin("Open students page")) {
            try (OperationScope inner = metrics.begin("Load mentors")) {
                metrics.recordStatement("SELECT", 1000, false);
            }
            metrics.recordStatement("SELECT", 1000, false);
        }

        assertThat(published).singleElement().satisfies(summary -> {
            assertThat(summary.operation()).isEqualTo("Open students page");
            assertThat(summary.statements()).isEqualTo(2);
        });
    }

    @Test
    void statementsOutsideAnOperationStillCount() {
        metrics.recordStatement("SELECT 1", 1000, false);
        metrics.recordStatement("SELECT broken", 1000, true);

        assertThat(metrics.totals().statements()).isEqualTo(2);
        assertThat(metrics.totals().errors()).isEqualTo(1);
        assertThat(metrics.slowestStatements())
                .extracting(StatementSample::operation)
                .containsOnly("Background");
    }

    @Test
    void operationStatisticsKeepMeanAndMaximumStatementsPerRun() {
        for (int statements : new int[] {2, 4}) {
            try (OperationScope scope = metrics.begin("Save results")) {
                for (int i = 0; i < statements; i++) {
                    metrics.recordStatement("INSERT", 1000, false);
                }
            }
        }

        assertThat(metrics.operations()).singleElement().satisfies(stats -> {
            assertThat(stats.runs()).isEqualTo(2);
            assertThat(stats.meanStatements()).isEqualTo(3.0);
            assertThat(stats.maxStatements()).isEqualTo(4);
        });
    }

    @Test
    void slowestStatementsAreKeptSlowestFirstAndBounded() {
        for (int i = 1; i <= 30; i++) {
            metrics.recordStatement("SELECT " + i, i * 1_000_000L, false);
        }

        List<StatementSample> slowest = metrics.slowestStatements();
        assertThat(slowest).hasSize(20);
        assertThat(slowest.get(0).sql()).isEqualTo("SELECT 30");
        assertThat(slowest.get(19).sql()).isEqualTo("SELECT 11");
    }

    @Test
    void intervalHistogramHoldsOnlyStatementsSinceTheLastRead() {
        metrics.recordStatement("SELECT", 5_000_000, false);
        assertThat(metrics.takeIntervalHistogram().getTotalCount()).isEqualTo(1);

        metrics.recordStatement("SELECT", 5_000_000, false);
        metrics.recordStatement("SELECT", 5_000_000, false);
        assertThat(metrics.takeIntervalHistogram().getTotalCount()).isEqualTo(2);
    }
}
