package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.grid.RowState;
import org.registrar.assessments.save.Draft;
import org.registrar.assessments.save.DraftStore;
import org.registrar.db.TestDatabases;
import org.registrar.tasks.Tasks;
import org.registrar.testing.Settle;
import org.registrar.testing.TestSession;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Fault 2 (docs/reliability.md): the connection dies in the middle of a save. A fixture locks a result so the save
 * waits, then terminates the save's backend. The app checks the ledger and says "Not saved", nothing is written,
 * the draft with its batch id survives, HikariCP evicts the dead connection, and saving again writes once.
 */
class SaveInterruptedTest {
    @TempDir
    Path dataHome;

    private TestSession session;
    private Jdbi fixture;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private long killed;
    private long brokenBefore;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        fixture = TestDatabases.jdbi(session.databaseName());
    }

    @AfterEach
    void close() {
        worker.shutdownNow();
        session.close();
    }

    @Test
    void aConnectionKilledMidSaveWritesNothingAndKeepsTheDraft() throws Exception {
        Tasks tasks = new Tasks(worker, Runnable::run, session.metrics(), new Tasks.Observer() {
            @Override
            public void succeeded() {}

            @Override
            public void failed(Throwable error) {}
        });
        DraftStore drafts = new DraftStore(dataHome);
        BulkEntryViewModel model = new BulkEntryViewModel(
                tasks, new ResultsRepository(session.database().jdbi()), drafts, Runnable::run);
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
        GridRow locked = model.rows().stream()
                .filter(row -> !row.savedProperty().get().isEmpty())
                .findFirst()
                .orElseThrow();
        GridRow other =
                model.rows().stream().filter(row -> row != locked).findFirst().orElseThrow();
        model.grid().edit(other, GridColumn.SCORE, "1");
        model.grid().edit(locked, GridColumn.SCORE, "2");

        try (Connection lock = TestDatabases.dataSource(session.databaseName()).getConnection();
                Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("SELECT 1 FROM assessment_results WHERE assessment_id = " + assessment
                    + " AND student_id = " + locked.studentId() + " FOR UPDATE");
            model.save(false);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> waitingSaves() == 1);
            killed = count("SELECT pid FROM pg_stat_activity"
                    + " WHERE wait_event_type = 'Lock' AND datname = current_database()");
            brokenBefore = brokenConnectionsLogged();
            fixture.useHandle(handle -> handle.execute("SELECT pg_terminate_backend(" + killed + ")"));
            WaitForAsyncUtils.waitFor(
                    20,
                    TimeUnit.SECONDS,
                    () -> model.messageProperty().get().startsWith("Not saved: the connection dropped"));
            lock.rollback();
        }
        assertThat(brokenConnectionsLogged())
                .as("HikariCP evicted the dead connection")
                .isGreaterThan(brokenBefore);
        assertThat(model.errorProperty().get()).isTrue();
        assertThat(poolBackends()).doesNotContain(killed).hasSize(2);

        Draft draft = drafts.find(model.cohortProperty().get().id(), assessment).orElseThrow();
        assertThat(draft.entries()).extracting(Draft.Entry::score).containsExactlyInAnyOrder("1", "2");
        UUID batch = draft.batchId();
        assertThat(count("SELECT count(*) FROM saved_batches WHERE id = '" + batch + "'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM result_history WHERE batch_id = '" + batch + "'"))
                .isZero();
        assertThat(locked.stateProperty().get()).isEqualTo(RowState.EDITED);

        model.save(false);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> model.messageProperty().get().startsWith("Saved 2 results"));
        assertThat(count("SELECT count(*) FROM saved_batches WHERE id = '" + batch + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM result_history WHERE batch_id = '" + batch + "'"))
                .isEqualTo(2);
        assertThat(drafts.find(model.cohortProperty().get().id(), assessment)).isEmpty();
    }

    /** Every connection the pool holds, borrowed at once: each must work and none may be the killed backend. */
    private List<Long> poolBackends() throws Exception {
        List<Long> pids = new ArrayList<>();
        try (Connection first = session.database().dataSource().getConnection();
                Connection second = session.database().dataSource().getConnection()) {
            for (Connection connection : List.of(first, second)) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
                    rows.next();
                    pids.add(rows.getLong(1));
                }
            }
        }
        return pids;
    }

    /** HikariCP logs a warning for each connection it evicts because the driver reported it broken. */
    private static long brokenConnectionsLogged() throws Exception {
        Path log = Path.of(System.getProperty("registrar.logDir"), "registrar.log");
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains("marked as broken because of SQLSTATE(57P01)"))
                    .count();
        }
    }

    private long waitingSaves() {
        return count(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()");
    }

    private long count(String sql) {
        return fixture.withHandle(
                handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
