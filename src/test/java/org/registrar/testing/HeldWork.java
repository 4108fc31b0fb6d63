package org.registrar.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.registrar.metrics.QueryMetrics;
import org.registrar.tasks.Tasks;

/**
 * Tasks whose work waits here until the test releases it, in the order it chooses, and whose answers then arrive
 * at once on the calling thread: how a ViewModel test makes an older request answer after a newer one without
 * threads or waiting. Not thread-safe.
 */
public final class HeldWork implements Executor {
    private final List<Runnable> held = new ArrayList<>();

    /** Tasks whose work is held here and whose answers run inline. */
    public Tasks tasks(QueryMetrics metrics) {
        return new Tasks(this, Runnable::run, metrics, new Tasks.Observer() {
            @Override
            public void succeeded() {}

            @Override
            public void failed(Throwable error) {}
        });
    }

    @Override
    public void execute(Runnable work) {
        held.add(work);
    }

    /** How many pieces of work wait. */
    public int waiting() {
        return held.size();
    }

    /** Runs the work started {@code index}-th among those still held (0 = the oldest), and delivers its answer. */
    public void release(int index) {
        held.remove(index).run();
    }

    /** Runs every held piece of work, oldest first, and any work their answers start. */
    public void releaseAll() {
        while (!held.isEmpty()) {
            release(0);
        }
    }
}
