package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.grid.GridColumn;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.grid.RowState;
import org.registrar.assessments.save.DraftStore;
import org.registrar.assessments.save.SaveResults;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.Database;
import org.registrar.db.TcpProxy;
import org.registrar.db.TestDatabases;
import org.registrar.db.Timeouts;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;
import org.registrar.tasks.Tasks;

/**
 * The Assessments screen's ViewModel without JavaFX: its work runs inline on the test thread, against a real
 * database; the waits between looks at the ledger go through an instant scheduler.
 */
class BulkEntryViewModelTest {
    private static final Timeouts SHORT =
            new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(30));

    @TempDir
    Path dataHome;

    private Jdbi fixture;
    private TcpProxy proxy;
    private Database database;
    private ResultsRepository repository;
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    private BulkEntryViewModel open() throws Exception {
        String name = TestDatabases.freshDatabase();
        fixture = TestDatabases.jdbi(name);
        proxy = new TcpProxy(TestDatabases.server().getPort());
        database = Database.open(
                ConnectionProfile.embedded(),
                SHORT,
                "jdbc:postgresql://localhost:" + proxy.port() + "/" + name,
                null,
                new QueryMetrics(),
                new PoolMetrics());
        repository = new ResultsRepository(database.jdbi());
        Tasks tasks = new Tasks(Runnable::run, Runnable::run, database.queryMetrics(), new Tasks.Observer() {
            @Override
            public void beforeRun() throws Exception {
                // as the app's connection monitor refuses work while the server is known to be away
                if (refuseNext.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                    throw new SQLTransientConnectionException("Database unavailable (test)", "08000");
                }
            }

            @Override
            public void succeeded() {}

            @Override
            public void failed(Throwable error) {}
        });
        SaveResults.Scheduler instant = (delay, step) -> {
            waits.add(delay);
            step.run();
        };
        BulkEntryViewModel model =
                new BulkEntryViewModel(tasks, repository, new DraftStore(dataHome), Runnable::run, instant);
        model.messageProperty().addListener((property, was, now) -> messages.add(now));
        model.start();
        model.findCohorts("");
        model.selectCohort(model.cohorts().get(0));
        model.selectAssessment(model.assessments().get(1));
        return model;
    }

    @AfterEach
    void close() throws Exception {
        database.close();
        proxy.close();
    }

    @Test
    void opensTheCohortsAssessmentsAndTheChosenGrid() throws Exception {
        BulkEntryViewModel model = open();

        assertThat(model.cohorts()).isNotEmpty();
        assertThat(model.assessments().get(0).isNew()).isTrue();
        assertThat(model.rows()).hasSizeGreaterThan(10);
        assertThat(model.savedAssessmentOpenProperty().get()).isTrue();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.messageProperty().get())
                .endsWith("students. Type or paste scores; blank keeps the saved score.");
    }

    @Test
    void aScoreThatDoesNotReadMarksItsRowAndIsListedAndSavingIsRefused() throws Exception {
        BulkEntryViewModel model = open();
        GridRow row = model.rows().get(0);

        model.grid().edit(row, GridColumn.SCORE, "abc");
        model.save(false);

        assertThat(row.stateProperty().get()).isEqualTo(RowState.ERROR);
        assertThat(model.problems()).anyMatch(issue -> issue.row() == row);
        assertThat(model.messageProperty().get()).startsWith("1 row has a problem");
        assertThat(savedScore(model, row.studentId())).isNotEqualTo("abc");
    }

    @Test
    void aSaveWritesTheEditedRowsAndMarksThemSaved() throws Exception {
        BulkEntryViewModel model = open();
        GridRow first = model.rows().get(0);
        GridRow second = model.rows().get(1);

        model.grid().edit(first, GridColumn.SCORE, "1");
        model.grid().edit(second, GridColumn.SCORE, "2");
        model.save(false);

        assertThat(model.messageProperty().get()).isEqualTo("Saved 2 results.");
        assertThat(first.stateProperty().get()).isEqualTo(RowState.SAVED);
        assertThat(first.savedProperty().get()).isEqualTo("1");
        assertThat(savedScore(model, second.studentId())).isEqualTo("2");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aRowChangedByAnotherDesktopMeanwhileIsAConflictAndKeepingMineSavesItNext() throws Exception {
        BulkEntryViewModel model = open();
        GridRow row = model.rows().get(0);
        long assessment = model.assessmentId();
        repository.save(SaveRequest.existing(
                UUID.randomUUID(),
                assessment,
                List.of(new ResultChange(row.studentId(), new BigDecimal("9"), false, null, row.basedOnVersion()))));

        model.grid().edit(row, GridColumn.SCORE, "3");
        model.save(false);

        assertThat(row.stateProperty().get()).isEqualTo(RowState.CONFLICT);
        assertThat(model.messageProperty().get()).contains("1 changed by someone else meanwhile");
        assertThat(savedScore(model, row.studentId())).isEqualTo("9");

        model.resolveConflicts(List.of(row), true);
        model.save(false);

        assertThat(model.messageProperty().get()).isEqualTo("Saved 1 result.");
        assertThat(savedScore(model, row.studentId())).isEqualTo("3");
    }

    @Test
    void anUnknownOutcomeIsCheckedInTheLedgerWhileTheServerIsAwayAndNothingIsSavedTwice() throws Exception {
        BulkEntryViewModel model = open();
        GridRow first = model.rows().get(0);
        GridRow second = model.rows().get(1);
        model.grid().edit(first, GridColumn.SCORE, "1");
        model.grid().edit(second, GridColumn.SCORE, "2");
        UUID batch = model.batchId();
        proxy.swallowRepliesAfter("COMMIT");
        model.messageProperty().addListener((property, was, now) -> {
            if (now.startsWith("Outcome unknown: the connection dropped during the save. Checking")) {
                refuseNext.set(2);
            }
        });

        model.save(false);

        assertThat(messages)
                .anyMatch(message -> message.startsWith("Outcome unknown: the connection dropped during the save. "
                        + "Waiting for the server to return"));
        assertThat(waits).containsExactly(SaveResults.Retry.SCREEN.every(), SaveResults.Retry.SCREEN.every());
        assertThat(model.messageProperty().get()).isEqualTo(SaveFlow.CONFIRMED);
        assertThat(model.errorProperty().get()).isFalse();
        assertThat(model.batchId()).isNotEqualTo(batch);
        assertThat(count("SELECT count(*) FROM result_history WHERE batch_id = '" + batch + "'"))
                .isEqualTo(2);
        assertThat(model.rows().get(0).savedProperty().get()).isEqualTo("1");

        model.save(false);

        assertThat(model.messageProperty().get()).startsWith("Nothing to save");
        assertThat(count("SELECT count(*) FROM saved_batches WHERE id = '" + batch + "'"))
                .isEqualTo(1);
    }

    /** The score stored for the student in the open assessment ("" when none). */
    private String savedScore(BulkEntryViewModel model, long student) {
        return fixture.withHandle(handle -> handle.createQuery("SELECT coalesce(trim_scale(score)::text, '')"
                        + " FROM assessment_results WHERE student_id = :student AND assessment_id = :assessment")
                .bind("student", student)
                .bind("assessment", model.assessmentId())
                .mapTo(String.class)
                .findOne()
                .orElse(""));
    }

    private long count(String sql) {
        return fixture.withHandle(
                handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
