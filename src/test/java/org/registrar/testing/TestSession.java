package org.registrar.testing;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.Database;
import org.registrar.db.TestDatabases;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;
import org.registrar.tasks.Tasks;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A fresh test database (migrated, small demo data) behind the app's real pool, Jdbi and QueryMetrics, plus
 * {@link Tasks} for ViewModels: {@link #fxTasks()} runs work on a worker and results on the FX thread as the app
 * does, {@link #inlineTasks()} runs everything on the calling thread. Close it after the test.
 */
public final class TestSession implements AutoCloseable {
    private final String databaseName;
    private final Database database;
    private final ExecutorService worker = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "test-db-worker");
        thread.setDaemon(true);
        return thread;
    });

    private TestSession(String databaseName) {
        this.databaseName = databaseName;
        this.database = Database.open(
                ConnectionProfile.embedded(),
                TestDatabases.jdbcUrl(databaseName),
                null,
                new QueryMetrics(),
                new PoolMetrics());
    }

    /** A session on a new copy of the template database. */
    public static TestSession fresh() {
        return new TestSession(TestDatabases.freshDatabase());
    }

    public String databaseName() {
        return databaseName;
    }

    public Database database() {
        return database;
    }

    public QueryMetrics metrics() {
        return database.queryMetrics();
    }

    public Tasks fxTasks() {
        return fxTasks(worker);
    }

    /** As {@link #fxTasks()}, its work run by {@code worker} (one the test holds back, say). */
    public Tasks fxTasks(Executor worker) {
        return new Tasks(worker, Platform::runLater, database.queryMetrics(), new Tasks.Observer() {
            @Override
            public void succeeded() {}

            @Override
            public void failed(Throwable error) {}
        });
    }

    /**
     * Waits until the worker behind {@link #fxTasks()} has nothing running or queued and the FX thread has handled
     * what the finished work posted, twice in a row (a result may start the next step). Blocks; not on the FX thread.
     */
    public void awaitWorkerIdle() throws TimeoutException {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) worker;
        for (int quiet = 0; quiet < 2; ) {
            WaitForAsyncUtils.waitFor(
                    30,
                    TimeUnit.SECONDS,
                    () -> pool.getActiveCount() == 0 && pool.getQueue().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            quiet = pool.getActiveCount() == 0 && pool.getQueue().isEmpty() ? quiet + 1 : 0;
        }
    }

    public Tasks inlineTasks() {
        return Tasks.inline(database.queryMetrics());
    }

    @Override
    public void close() {
        worker.shutdownNow();
        database.close();
        // a copy of the template is thousands of files: dropped now, not all at once when the test JVM exits
        TestDatabases.drop(databaseName);
    }
}
