package org.registrar.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The longest FX-thread stall while something happens on a screen, measured as docs/performance.md "FX-thread
 * stalls" describes: a probe posts a {@code Platform.runLater} every 2 ms and the longest gap between two probes that
 * ran is the stall; a thread that only sleeps 2 ms at a time measures what the machine (other processes, GC pauses)
 * imposed meanwhile. Figures to print, not to assert (a time limit belongs in a benchmark).
 */
public final class FxStalls {
    private FxStalls() {}

    /**
     * One measurement, in milliseconds, and how many probes the FX thread answered while the screen was busy (-1 when
     * not asked): a probe answered while busy shows the work runs off the FX thread or in steps, since work done in
     * one FX event would leave no probe to see it busy.
     */
    public record Stall(long fxMillis, long machineMillis, int answeredWhileBusy) {
        @Override
        public String toString() {
            String answers = answeredWhileBusy < 0 ? "" : ", " + answeredWhileBusy + " answers while busy";
            return fxMillis + " ms (machine " + machineMillis + " ms" + answers + ")";
        }
    }

    /**
     * Runs {@code start} on the FX thread, then probes until {@code done} holds and two more pulses have passed.
     * Blocks the calling thread (not the FX thread) for at most 60 s.
     */
    public static Stall measure(Runnable start, BooleanSupplier done) throws Exception {
        return measure(start, done, null);
    }

    /**
     * As {@link #measure(Runnable, BooleanSupplier)}, counting the probes answered while {@code busy} holds (read on
     * the FX thread; null: not counted).
     */
    public static Stall measure(Runnable start, BooleanSupplier done, BooleanSupplier busy) throws Exception {
        AtomicLong last = new AtomicLong(System.nanoTime());
        AtomicInteger answeredWhileBusy = new AtomicInteger(busy == null ? -1 : 0);
        AtomicLong longest = new AtomicLong();
        AtomicLong machine = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread probe = new Thread(() -> {
            long slept = System.nanoTime();
            while (running.get()) {
                Platform.runLater(() -> {
                    long now = System.nanoTime();
                    longest.accumulateAndGet(now - last.getAndSet(now), Math::max);
                    if (busy != null && busy.getAsBoolean()) {
                        answeredWhileBusy.incrementAndGet();
                    }
                });
                try {
                    Thread.sleep(2);
                } catch (InterruptedException interrupted) {
                    return;
                }
                long now = System.nanoTime();
                machine.accumulateAndGet(now - slept, Math::max);
                slept = now;
            }
        });
        probe.setDaemon(true);
        probe.start();
        WaitForAsyncUtils.asyncFx(start).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, done::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents(2);
        running.set(false);
        probe.join();
        return new Stall(
                TimeUnit.NANOSECONDS.toMillis(longest.get()),
                TimeUnit.NANOSECONDS.toMillis(machine.get()),
                answeredWhileBusy.get());
    }
}
