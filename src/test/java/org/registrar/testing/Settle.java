package org.registrar.testing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * For tests whose single worker thread also runs the ViewModel's callbacks (it stands in for the FX thread):
 * the test thread may touch the ViewModel only when that thread has nothing left to do, as the FX thread would
 * not run an event while a callback runs.
 */
public final class Settle {
    private static final int ROUNDS = 3;

    private Settle() {}

    /** Waits until the tasks queued on {@code worker}, and those they queue in turn, have run. */
    public static void idle(ExecutorService worker) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            worker.submit(() -> {}).get(20, TimeUnit.SECONDS);
        }
    }
}
