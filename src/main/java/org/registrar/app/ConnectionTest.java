package org.registrar.app;

import java.util.function.Consumer;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.Database;
import org.registrar.health.DiagnosticStep;
import org.registrar.health.Diagnostics;
import org.registrar.health.DiagnosticsReport;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;

/**
 * One run of the connection form's Test: the timed diagnostics ({@link Diagnostics}) against settings not saved yet,
 * through a pool of one connection opened for the test and closed after it, its statements counted by a
 * {@link QueryMetrics} of its own (the app's pool may not exist yet, and must not be changed by a test). Blocking:
 * never on the FX thread. {@link #cancel()} may be called from any thread. Thread-safe.
 */
final class ConnectionTest {
    private final ConnectionProfile profile;
    private final String password;
    private volatile Database database;
    private volatile Thread runner;
    private volatile boolean cancelled;

    ConnectionTest(ConnectionProfile profile, String password) {
        this.profile = profile.withPoolSize(1);
        this.password = password;
    }

    /** Runs the stages in order, telling {@code finished} about each one as it ends. */
    DiagnosticsReport run(Consumer<DiagnosticStep> finished) {
        runner = Thread.currentThread();
        Database opened = Database.open(profile, profile.url(), password, new QueryMetrics(), new PoolMetrics());
        database = opened;
        try {
            if (cancelled) {
                throw new IllegalStateException("The test was cancelled");
            }
            return new Diagnostics(opened).run(finished);
        } finally {
            opened.close();
        }
    }

    /**
     * Ends the test: closes its pool (a login under way fails at once) and interrupts its thread. A TCP connect under
     * way ends by itself within the connect timeout; its outcome is no longer shown.
     */
    void cancel() {
        cancelled = true;
        Database opened = database;
        if (opened != null) {
            opened.close();
        }
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
