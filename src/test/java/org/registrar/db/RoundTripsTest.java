package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.data.Assessment;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.data.SheetRow;
import org.registrar.metrics.OperationScope;
import org.registrar.metrics.OperationSummary;
import org.registrar.testing.TestSession;

/**
 * Round trips are counted on the wire, beside Jdbi's statements, against the real embedded PostgreSQL: a COMMIT and
 * the pool's validation of a connection cost one each, a BEGIN sent with the first statement does not.
 */
class RoundTripsTest {
    private TestSession session;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aTransactionOfTwoStatementsIsThreeRoundTripsItsCommitIncluded() {
        OperationSummary summary = onOpenHandle(handle -> handle.useTransaction(inside -> {
            inside.execute("SELECT 1");
            inside.execute("SELECT 2");
        }));

        assertThat(summary.statements()).isEqualTo(2);
        assertThat(summary.transactions()).isEqualTo(1);
        assertThat(summary.roundTrips()).isEqualTo(3);
    }

    @Test
    void aConnectionValidationIsARoundTripWithoutAStatement() {
        // what HikariCP runs on a connection idle for more than 0.5 s before it lends it out
        OperationSummary summary = onOpenHandle(handle -> {
            try {
                assertThat(handle.getConnection().isValid(5)).isTrue();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(summary.statements()).isZero();
        assertThat(summary.roundTrips()).isEqualTo(1);
    }

    @Test
    void aSaveIsItsStatementsAndItsCommitInRoundTripsPlusAValidationWhenThePoolRanOne() {
        ResultsRepository repository = new ResultsRepository(session.database().jdbi());
        Assessment assessment =
                repository.assessments(repository.cohorts().get(0).id()).get(0);
        List<SheetRow> scored = repository.sheet(assessment.cohortId(), assessment.id()).stream()
                .filter(row -> row.version() != null && row.score() != null)
                .limit(5)
                .toList();
        List<ResultChange> changes = scored.stream()
                .map(row -> new ResultChange(row.studentId(), BigDecimal.ONE, false, row.comment(), row.version()))
                .toList();

        OperationScope scope = session.metrics().begin("Save results");
        try (scope) {
            repository.save(SaveRequest.existing(UUID.randomUUID(), assessment.id(), changes));
        }

        OperationSummary summary = scope.summary();
        assertThat(summary.statements()).isPositive();
        assertThat(summary.transactions()).isEqualTo(1);
        // BEGIN goes out with the first statement; the COMMIT waits for its own answer. The connection was lent
        // out a moment ago by the reads above, so the pool validates it only when those were over 0.5 s before.
        assertThat(summary.roundTrips()).isBetween(summary.statements() + 1, summary.statements() + 2);
    }

    /**
     * Issue 16 (ADR 0067): a save of new results, into an assessment made before or creating it, is one statement
     * and its COMMIT on the wire, the round trips of a COPY of the same rows; before, its ledger row was a statement
     * and a round trip of its own.
     */
    @Test
    void aSaveOfNewResultsIsOneStatementAndItsCommit() {
        ResultsRepository repository = new ResultsRepository(session.database().jdbi());
        long cohort = repository.cohorts().get(0).id();
        List<SheetRow> sheet = repository.sheet(cohort, null);
        List<ResultChange> first = sheet.subList(0, 3).stream()
                .map(row -> new ResultChange(row.studentId(), BigDecimal.ONE, false, null, null))
                .toList();
        List<ResultChange> more = sheet.subList(3, 6).stream()
                .map(row -> new ResultChange(row.studentId(), BigDecimal.TEN, false, null, null))
                .toList();
        NewAssessment created = new NewAssessment(cohort, "Trips", "Maths", BigDecimal.TEN, LocalDate.of(2025, 9, 1));

        OperationSummary creating = saved(repository, SaveRequest.creating(UUID.randomUUID(), created, first));
        long assessment = repository
                .assessment(
                        repository.cohorts().stream()
                                .filter(each -> each.id() == cohort)
                                .findFirst()
                                .orElseThrow()
                                .name(),
                        "Trips",
                        LocalDate.of(2025, 9, 1))
                .orElseThrow()
                .id();
        OperationSummary adding = saved(repository, SaveRequest.existing(UUID.randomUUID(), assessment, more));

        for (OperationSummary save : List.of(creating, adding)) {
            assertThat(save.statements()).isEqualTo(1);
            assertThat(save.transactions()).isEqualTo(1);
            assertThat(save.roundTrips()).isEqualTo(2);
        }
    }

    /** One save, counted, on a connection the pool lent out a moment before (no validation). */
    private OperationSummary saved(ResultsRepository repository, SaveRequest request) {
        repository.cohorts();
        OperationScope scope = session.metrics().begin("Save results");
        try (scope) {
            repository.save(request);
        }
        return scope.summary();
    }

    private OperationSummary onOpenHandle(java.util.function.Consumer<Handle> work) {
        try (Handle handle = session.database().jdbi().open()) {
            handle.execute("SELECT 0"); // the pool's checkout and any validation happen before the operation
            OperationScope scope = session.metrics().begin("Measured");
            try (scope) {
                work.accept(handle);
            }
            return scope.summary();
        }
    }
}
