package org.registrar.db;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.registrar.metrics.QueryMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks whether the server is reachable. It learns from the outcome of real work, and while the server is down
 * it checks every few seconds with one tiny query until it answers; while all is well it sends nothing, so an
 * idle desktop holds no connection. Thread-safe; listeners run on the monitor's or a worker thread.
 */
public final class ConnectionMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionMonitor.class);
    public static final String CHECK_OPERATION = "Reconnect check";

    /** What the status bar shows. */
    public enum State {
        CONNECTING,
        CONNECTED,
        RECONNECTING,
        DOWN
    }

    private final Database database;
    private final Duration retryEvery;
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "registrar-connection-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile State state = State.CONNECTING;
    private ScheduledFuture<?> retry;

    public ConnectionMonitor(Database database, Duration retryEvery) {
        this.database = database;
        this.retryEvery = retryEvery;
    }

    public State state() {
        return state;
    }

    public void addListener(Consumer<State> listener) {
        listeners.add(listener);
    }

    /**
     * Fails at once while the server is known to be down, so operations do not each wait out the connection
     * timeout; the periodic check brings the state back when the server returns.
     */
    public void requireAvailable() throws SQLTransientConnectionException {
        State now = state;
        if (now == State.DOWN || now == State.RECONNECTING) {
            throw new SQLTransientConnectionException(
                    "Database unavailable (waiting for the server to return)", "08000");
        }
    }

    /** Work succeeded: the server is there. */
    public void reportSuccess() {
        change(State.CONNECTED);
    }

    /** Work failed: if the failure means the server is unreachable, go down and start checking. */
    public void reportFailure(Throwable error) {
        if (DatabaseErrors.classify(error) == DatabaseErrors.Kind.UNAVAILABLE) {
            change(State.DOWN);
            scheduleChecks();
        }
    }

    /** Checks once now (blocking); used at start and by the periodic retry. */
    public boolean checkNow() {
        QueryMetrics metrics = database.queryMetrics();
        try (var scope = metrics.begin(CHECK_OPERATION)) {
            database.jdbi()
                    .withHandle(handle ->
                            handle.createQuery("SELECT 1").mapTo(Integer.class).one());
            reportSuccess();
            return true;
        } catch (RuntimeException error) {
            LOG.info("Server check failed: {}", error.getMessage());
            reportFailure(error);
            return false;
        }
    }

    private synchronized void scheduleChecks() {
        if (retry != null && !retry.isDone()) {
            return;
        }
        retry = scheduler.scheduleWithFixedDelay(
                () -> {
                    if (state == State.CONNECTED) {
                        cancelChecks();
                        return;
                    }
                    change(State.RECONNECTING);
                    checkNow();
                },
                retryEvery.toMillis(),
                retryEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private synchronized void cancelChecks() {
        if (retry != null) {
            retry.cancel(false);
        }
    }

    private void change(State next) {
        State previous = state;
        state = next;
        if (previous != next) {
            LOG.info("Connection state {} -> {}", previous, next);
            listeners.forEach(listener -> listener.accept(next));
        }
        if (next == State.CONNECTED) {
            cancelChecks();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
