package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveOutcome;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.grid.GridColumn;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.save.DraftStore;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.Database;
import org.registrar.db.TcpProxy;
import org.registrar.db.TestDatabases;
import org.registrar.db.Timeouts;
import org.registrar.metrics.OperationScope;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;
import org.registrar.tasks.Tasks;
import org.registrar.testing.Settle;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Fault 3 (docs/reliability.md): the connection is lost after COMMIT was sent. The desktop's pool goes through a
 * TCP proxy that delivers the COMMIT to the server and then swallows the server's reply, so the client's socket
 * timeout fires: the app says "Outcome unknown", looks the batch up in the ledger on a fresh connection and says
 * "Saved (confirmed …)"; a retry of the same batch writes nothing twice.
 */
class CommitReplyLostTest {
    private static final Timeouts SHORT =
            new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(30));

    @TempDir
    Path dataHome;

    private String name;
    private Jdbi fixture;
    private TcpProxy proxy;
    private Database database;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @BeforeEach
    void open() throws Exception {
        name = TestDatabases.freshDatabase();
        fixture = TestDatabases.jdbi(name);
        proxy = new TcpProxy(TestDatabases.server().getPort());
        database = Database.open(
                ConnectionProfile.embedded(),
                SHORT,
                "jdbc:postgresql://localhost:" + proxy.port() + "/" + name,
                null,
                new QueryMetrics(),
                new PoolMetrics());
    }

    @AfterEach
    void close() throws Exception {
        worker.shutdownNow();
        database.close();
        proxy.close();
    }

    @Test
    void aLostCommitReplyIsReportedUnknownThenConfirmedFromTheLedgerAndARetryWritesNothingTwice() throws Exception {
        Tasks tasks = new Tasks(worker, Runnable::run, database.queryMetrics(), new Tasks.Observer() {
            @Override
            public void succeeded() {}

            @Override
            public void failed(Throwable error) {}
        });
        DraftStore drafts = new DraftStore(dataHome);
        ResultsRepository repository = new ResultsRepository(database.jdbi());
        BulkEntryViewModel model = new BulkEntryViewModel(tasks, repository, drafts, Runnable::run);
        List<String> messages = new CopyOnWriteArrayList<>();
        model.messageProperty().addListener((property, was, now) -> messages.add(now));
        model.start();
        model.findCohorts("");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.cohorts().isEmpty());
        model.selectCohort(model.cohorts().get(0));
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> model.assessments().size() > 1);
        model.selectAssessment(model.assessments().get(1));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.rows().isEmpty());
        Settle.idle(worker);
        long assessment = model.assessmentId();
        long cohort = model.cohortProperty().get().id();
        GridRow first = model.rows().get(0);
        GridRow second = model.rows().get(1);
        model.grid().edit(first, GridColumn.SCORE, "1");
        model.grid().edit(second, GridColumn.SCORE, "2");
        UUID batch = model.batchId();

        proxy.swallowRepliesAfter("COMMIT");
        model.save(false);
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> model.messageProperty().get().startsWith("Saved (confirmed after the connection dropped)"));

        assertThat(messages).anyMatch(message -> message.startsWith("Outcome unknown"));
        assertThat(model.errorProperty().get()).isFalse();
        assertThat(count("SELECT count(*) FROM saved_batches WHERE id = '" + batch + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM result_history WHERE batch_id = '" + batch + "'"))
                .isEqualTo(2);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> drafts.find(cohort, assessment).isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "1".equals(savedText(model, first.studentId())));

        List<ResultChange> again = new ArrayList<>();
        again.add(new ResultChange(first.studentId(), new BigDecimal("1"), false, null, null));
        again.add(new ResultChange(second.studentId(), new BigDecimal("2"), false, null, null));
        SaveOutcome retry;
        OperationScope scope = database.queryMetrics().begin("Save results");
        try (scope) {
            retry = repository.save(SaveRequest.existing(batch, assessment, again));
        }
        assertThat(retry.alreadySaved()).isTrue();
        assertThat(scope.summary().statements()).isLessThanOrEqualTo(3);
        assertThat(count("SELECT count(*) FROM result_history WHERE batch_id = '" + batch + "'"))
                .isEqualTo(2);
    }

    private static String savedText(BulkEntryViewModel model, long student) {
        return model.rows().stream()
                .filter(row -> row.studentId() == student)
                .findFirst()
                .map(row -> row.savedProperty().get())
                .orElse("");
    }

    private long count(String sql) {
        return fixture.withHandle(
                handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
