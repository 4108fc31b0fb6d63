package org.registrar.reports;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The longest piece of work the FX thread did in one go while something happened on a screen, as wall time and as
 * the FX thread's own CPU time. A probe posts a {@code Platform.runLater} every 2 ms (as {@code testing.FxStalls});
 * each probe that runs reads the clock and the FX thread's CPU time, so the longest gap between two probes is the
 * stall (what a user waits) and the most CPU the FX thread used between two probes is the work it did in one piece
 * (a pulse, an event): that part does not grow when other processes take the cores, so a test can assert it on a
 * shared machine. A thread that only sleeps 2 ms at a time measures what the machine imposed meanwhile.
 */
final class FxThreadWork {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FxThreadWork() {}

    /** One measurement, in milliseconds. */
    record Stall(long fxMillis, long fxCpuMillis, long fxCpuTotalMillis, long machineMillis) {
        @Override
        public String toString() {
            return fxMillis + " ms (FX thread's CPU " + fxCpuMillis + " ms of " + fxCpuTotalMillis + ", machine "
                    + machineMillis + " ms)";
        }
    }

    /**
     * Runs {@code start} on the FX thread, then probes until {@code done} holds and two more pulses have passed.
     * Blocks the calling thread (not the FX thread) for at most 60 s.
     */
    static Stall measure(Runnable start, BooleanSupplier done) throws Exception {
        long[] first = WaitForAsyncUtils.asyncFx(
                        () -> new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime()})
                .get();
        AtomicLong lastWall = new AtomicLong(first[0]);
        AtomicLong lastCpu = new AtomicLong(first[1]);
        AtomicLong longest = new AtomicLong();
        AtomicLong longestCpu = new AtomicLong();
        AtomicLong machine = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread probe = new Thread(() -> {
            long slept = System.nanoTime();
            while (running.get()) {
                Platform.runLater(() -> {
                    long now = System.nanoTime();
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    longest.accumulateAndGet(now - lastWall.getAndSet(now), Math::max);
                    longestCpu.accumulateAndGet(cpu - lastCpu.getAndSet(cpu), Math::max);
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
        long cpuAtEnd =
                WaitForAsyncUtils.asyncFx(THREADS::getCurrentThreadCpuTime).get();
        return new Stall(
                TimeUnit.NANOSECONDS.toMillis(longest.get()),
                TimeUnit.NANOSECONDS.toMillis(longestCpu.get()),
                TimeUnit.NANOSECONDS.toMillis(cpuAtEnd - first[1]),
                TimeUnit.NANOSECONDS.toMillis(machine.get()));
    }
}
