package org.registrar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.TestDatabases;

/**
 * The bench counts what the server ran, not only what the client sent: on the bench's own server (pg_stat_statements
 * preloaded, track = all) a save's count includes its BEGIN and COMMIT and the statements its triggers run; a server
 * without the library is said to count nothing rather than reporting zero.
 */
class ServerStatementsTest {
    private static final int STUDENTS = 300;

    @TempDir
    static Path scratch;

    private static BenchServer server;
    private static BenchContext context;

    @BeforeAll
    static void benchServer() throws Exception {
        server = BenchServer.embedded(scratch, 2, STUDENTS, step -> {});
        context = server.context(STUDENTS, 1, java.util.List.of());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theBenchServerCountsEveryStatementItRuns() {
        assertThat(context.serverStatements().available())
                .as(context.serverStatements().describe())
                .isTrue();
    }

    @Test
    void aSaveRunsMoreStatementsOnTheServerThanTheClientSends() throws Exception {
        BulkSaveFixture fixture = BulkSaveFixture.create(context.database(), 10);

        Measure.Figures save = BulkSaveBench.saveNew(Measure.of(context), fixture, 10, 1);
        // new results only: the ledger row and the results in one statement (ADR 0067)
        assertThat(save.statements()).as("statements the client sent").isEqualTo(1);
        assertThat(save.roundTrips())
                .as("round trips: the statement and the COMMIT")
                .isGreaterThanOrEqualTo(2);
        ServerStatements.Count ran = save.server();
        // pg_stat_statements (PostgreSQL 17) records the BEGIN pgjdbc sends with the first statement, not the COMMIT
        // of Connection.commit(); the round trips count that COMMIT
        assertThat(ran.topLevel())
                .as("sent, as the server recorded them: the statement and BEGIN")
                .isEqualTo(2);
        assertThat(ran.total()).isGreaterThan(1L);
        assertThat(ran.nested()).as("run by the save's functions and triggers").isPositive();
        assertThat(save.ran())
                .as("the statements behind the count, the change-stamp trigger's among them")
                .anyMatch(calls -> !calls.topLevel() && calls.query().contains("change_stamps"));
        assertThat(save.ran().stream().mapToLong(ServerStatements.Calls::calls).sum())
                .isEqualTo(ran.total());
    }

    @Test
    void theScreensSaveIsCountedWithItsDraftWrittenFirst() throws Exception {
        BulkSaveFixture fixture = BulkSaveFixture.create(context.database(), SeedTableBench.BULK_ITEMS);

        Measure.Figures save = ScreenSaveBench.screenSave(Measure.of(context), fixture, SeedTableBench.BULK_ITEMS, 1);

        assertThat(save.statements()).isEqualTo(1);
        assertThat(save.server().nested()).isPositive();
        assertThat(save.describeCounts()).startsWith("1 statement, ").contains("in functions and triggers");
    }

    @Test
    void theScreensSaveCreatingItsAssessmentIsWarmedAsTheRepositorysSaveBeforeTheyAreTimedInTurns() throws Exception {
        BulkSaveFixture fixture = BulkSaveFixture.create(context.database(), 10);
        long before = creatingStatementCalls();

        ScreenSaveBench.newResultsInTurns(Measure.of(context), fixture, 10, 1);

        // the repository's save is warmed with BulkSaveBench.WARM_UP_SAVES saves before it is timed; the Save's own
        // statement as many times, then once timed and once counted (without them its first executions on the
        // connection, parsed and planned anew, were the ones timed)
        assertThat(creatingStatementCalls() - before).isEqualTo(BulkSaveBench.WARM_UP_SAVES + 2L);
    }

    /** How often the server ran the statement that saves new results creating their assessment. */
    private static long creatingStatementCalls() {
        return context.database()
                .jdbi()
                .withHandle(handle -> handle.createQuery("SELECT coalesce(sum(calls), 0)"
                                + " FROM " + ServerStatements.SCHEMA + ".pg_stat_statements"
                                + " WHERE toplevel AND query LIKE '%INSERT INTO assessments (id, cohort_id%'"
                                + " AND query LIKE '%INSERT INTO assessment_results%'")
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void readingTheCountersIsNotCountedAsWork() {
        ServerStatements counter = context.serverStatements();
        ServerStatements.Snapshot before = counter.snapshot();

        ServerStatements.Count idle = counter.between(before, counter.snapshot());

        assertThat(idle).isEqualTo(new ServerStatements.Count(0L, 0L));
    }

    @Test
    void aServerWithoutTheLibrarySaysSoInsteadOfCountingZero() {
        ServerStatements counter =
                ServerStatements.on(Jdbi.create(TestDatabases.server().getPostgresDatabase()));

        assertThat(counter.available()).isFalse();
        assertThat(counter.describe()).contains("shared_preload_libraries");
        assertThat(counter.between(counter.snapshot(), counter.snapshot()).known())
                .isFalse();
    }
}
