package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
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
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.grid.GridColumn;
import org.registrar.assessments.save.DraftStore;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.Database;
import org.registrar.db.TcpProxy;
import org.registrar.db.TestDatabases;
import org.registrar.db.Timeouts;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;
import org.registrar.tasks.Tasks;
import org.registrar.testing.Settle;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Item 14 of "Shared PCs and hostile logins" (docs/reliability.md): the connection drops for the desktop right after
 * the save's write reached the server, while the server's side stays open and silent (a VPN or Wi-Fi drop: the TCP
 * proxy closes the client side and keeps the server side). The server's backend sits idle in its transaction holding
 * the rows' locks; before, the immediate retry waited behind them until its own socket timeout (122 s in the field)
 * and was never saved. Each session now carries idle_in_transaction_session_timeout (the server ends the silent
 * one and releases its locks) and lock_timeout; the retry says what it waits for, then saves once.
 */
class SaveGoesSilentTest {
    private static final Timeouts SHORT = new Timeouts(
            Duration.ofSeconds(2),
            Duration.ofSeconds(15),
            Duration.ofSeconds(30),
            Duration.ofSeconds(3),
            Duration.ofSeconds(8));

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
    void aSaveWhoseConnectionGoesSilentLeavesNoLocksBehindAndTheRetrySaysWhatItWaitsForThenSaves() throws Exception {
        Tasks tasks = new Tasks(worker, Runnable::run, database.queryMetrics(), new Tasks.Observer() {
            @Override
            public void succeeded() {}

            @Override
            public void failed(Throwable error) {}
        });
        BulkEntryViewModel model = new BulkEntryViewModel(
                tasks, new ResultsRepository(database.jdbi()), new DraftStore(dataHome), Runnable::run);
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
        model.grid().edit(model.rows().get(0), GridColumn.SCORE, "1");
        model.grid().edit(model.rows().get(1), GridColumn.SCORE, "2");
        UUID batch = model.batchId();

        proxy.cutClientAfter("input AS NOT MATERIALIZED");
        model.save(false);
        awaitMessage("Not saved", messages);
        assertThat(idleInTransaction())
                .as("the server still holds the silent save's transaction")
                .isEqualTo(1);

        // saved, so it waited out the idle transaction: had it waited for its own socket timeout it would have failed
        model.save(false);
        awaitMessage("Saved 2 results", messages);

        assertThat(messages)
                .anyMatch(message ->
                        message.startsWith("Saving 2 results… Waiting for the earlier save's locks to be released"));
        assertThat(idleInTransaction()).isZero();
        assertThat(count("SELECT count(*) FROM saved_batches WHERE id = '" + batch + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM result_history WHERE batch_id = '" + batch + "'"))
                .isEqualTo(2);
    }

    private static void awaitMessage(String start, List<String> messages) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!messages.isEmpty() && messages.get(messages.size() - 1).startsWith(start)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No message starting with \"" + start + "\" in 30 s; messages: " + messages);
    }

    private long idleInTransaction() {
        return count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND state = 'idle in transaction'");
    }

    private long count(String sql) {
        return fixture.withHandle(
                handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
