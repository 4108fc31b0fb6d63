package org.registrar.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reads the scene from the FX thread. A TestFX lookup from the test thread walks a parent's children list while the
 * FX thread may be changing it; in CI one such walk threw IndexOutOfBoundsException while a form rebuilt its rows.
 * Thread-safe: every read runs on the FX thread.
 */
public final class OnFx {
    private static final long WAIT_SECONDS = 10;

    private OnFx() {}

    /** The value {@code read} gives on the FX thread. */
    public static <T> T read(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Whether a node matching {@code query} is in the scene now. */
    public static boolean present(FxRobot robot, String query) throws Exception {
        return read(() -> robot.lookup(query).tryQuery().isPresent());
    }
}
