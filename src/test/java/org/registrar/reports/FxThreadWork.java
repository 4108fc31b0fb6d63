package org.registrar.reports;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 *
 * <p>The longest stall is also taken apart in its own window, so a figure over a bar says whose time it was: the FX
 * thread's CPU in it and the time it was ready to run but waited for a core (Linux's per-thread schedstat), the same two
 * for the renderer thread (under Monocle's software pipeline the FX thread waits for the previous frame to be drawn
 * before it hands over the next), the collectors' pauses in it (they stop every thread), and how late the sleeping
 * thread woke in it. The sleeper alone understates the
 * machine's share: a thread that wakes from a short sleep is scheduled ahead of threads that have been using the CPU,
 * which the FX and renderer threads are; their own wait for a core is the fair figure.
 */
final class FxThreadWork {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();
    private static final long SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private FxThreadWork() {}

    /**
     * One measurement, in milliseconds: the longest stall, the most FX-thread CPU in one piece, the FX thread's CPU in
     * all, the sleeper's longest wait in all, the renderer thread's CPU in all (what drawing the frames cost); and in
     * the longest stall's window: the FX thread's CPU and its wait for a core, the renderer's CPU and its wait for a
     * core, the collectors' pauses, and how late the sleeper woke.
     */
    record Stall(
            long fxMillis,
            long fxCpuMillis,
            long fxCpuTotalMillis,
            long machineMillis,
            long rendererCpuTotalMillis,
            long stallFxCpuMillis,
            long stallFxQueuedMillis,
            long stallRendererCpuMillis,
            long stallRendererQueuedMillis,
            long stallGcMillis,
            long stallMachineMillis,
            long fxAllocatedMegabytes,
            long rendererAllocatedMegabytes,
            long gcTotalMillis) {
        @Override
        public String toString() {
            return fxMillis + " ms (FX thread's CPU " + fxCpuMillis + " ms of " + fxCpuTotalMillis + ", machine "
                    + machineMillis + " ms, renderer's CPU " + rendererCpuTotalMillis
                    + " ms; in the longest stall: FX CPU " + stallFxCpuMillis + " ms, FX waiting for"
                    + " a core " + stallFxQueuedMillis + " ms, renderer CPU " + stallRendererCpuMillis
                    + " ms, renderer waiting for a core " + stallRendererQueuedMillis + " ms, GC " + stallGcMillis
                    + " ms, sleeper late "
                    + stallMachineMillis + " ms) [allocated: FX thread " + fxAllocatedMegabytes + " MB, renderer "
                    + rendererAllocatedMegabytes + " MB; GC pauses in all " + gcTotalMillis + " ms]";
        }
    }

    /** What the probes saw; written on the FX thread only, read after the probes stopped. */
    private static final class Probes {
        long lastWall;
        long lastCpu;
        long lastRenderer;
        long lastFxQueued;
        long lastRendererQueued;
        long longest;
        long longestFxQueued;
        long longestRendererQueued;
        long lastGc;
        long longestGc;
        long longestStart;
        long longestCpu;
        long longestRenderer;
        long mostCpu;
    }

    /**
     * Runs {@code start} on the FX thread, then probes until {@code done} holds and two more pulses have passed.
     * Blocks the calling thread (not the FX thread) for at most 60 s.
     */
    static Stall measure(Runnable start, BooleanSupplier done) throws Exception {
        long renderer = rendererThreadId();
        // read on the FX thread every 2 ms: opened once, read without allocating (reading them as strings allocated
        // ~16 KB a probe, a fifth of what the FX thread allocated in a run, and so its share of the GC pauses measured)
        Schedule fxSchedule = new Schedule(schedule("JavaFX Applicat"));
        Schedule rendererSchedule = new Schedule(schedule("QuantumRenderer"));
        Probes probes = WaitForAsyncUtils.asyncFx(() -> {
                    Probes first = new Probes();
                    first.lastWall = System.nanoTime();
                    first.lastCpu = THREADS.getCurrentThreadCpuTime();
                    first.lastRenderer = cpuOf(renderer);
                    first.lastFxQueued = fxSchedule.queued();
                    first.lastRendererQueued = rendererSchedule.queued();
                    first.lastGc = gcMillis();
                    return first;
                })
                .get();
        long cpuAtStart = probes.lastCpu;
        long gcAtStart = probes.lastGc;
        long fxThread =
                WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getId()).get();
        long fxAllocatedAtStart = allocatedBy(fxThread);
        long rendererAllocatedAtStart = allocatedBy(renderer);
        long rendererAtStart = probes.lastRenderer;
        List<long[]> sleeps = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread probe = new Thread(() -> {
            long slept = System.nanoTime();
            while (running.get()) {
                Platform.runLater(() -> {
                    long now = System.nanoTime();
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    long rendererCpu = cpuOf(renderer);
                    long fxQueued = fxSchedule.queued();
                    long rendererQueued = rendererSchedule.queued();
                    long gc = gcMillis();
                    if (now - probes.lastWall > probes.longest) {
                        probes.longest = now - probes.lastWall;
                        probes.longestStart = probes.lastWall;
                        probes.longestCpu = cpu - probes.lastCpu;
                        probes.longestRenderer = rendererCpu - probes.lastRenderer;
                        probes.longestFxQueued = fxQueued - probes.lastFxQueued;
                        probes.longestRendererQueued = rendererQueued - probes.lastRendererQueued;
                        probes.longestGc = gc - probes.lastGc;
                    }
                    probes.mostCpu = Math.max(probes.mostCpu, cpu - probes.lastCpu);
                    probes.lastWall = now;
                    probes.lastCpu = cpu;
                    probes.lastRenderer = rendererCpu;
                    probes.lastFxQueued = fxQueued;
                    probes.lastRendererQueued = rendererQueued;
                    probes.lastGc = gc;
                });
                try {
                    Thread.sleep(2);
                } catch (InterruptedException interrupted) {
                    return;
                }
                long now = System.nanoTime();
                sleeps.add(new long[] {slept, now});
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
        // the probes' fields were written on the FX thread: read them there
        return WaitForAsyncUtils.asyncFx(() -> {
                    // after every probe posted before the probing stopped
                    fxSchedule.close();
                    rendererSchedule.close();
                    long cpuAtEnd = THREADS.getCurrentThreadCpuTime();
                    long machine = 0;
                    long inStall = 0;
                    long stallEnd = probes.longestStart + probes.longest;
                    for (long[] sleep : sleeps) {
                        long late = Math.max(0, sleep[1] - sleep[0] - SLEEP_NANOS);
                        machine = Math.max(machine, sleep[1] - sleep[0]);
                        if (sleep[0] < stallEnd && sleep[1] > probes.longestStart) {
                            inStall = Math.max(inStall, late);
                        }
                    }
                    return new Stall(
                            millis(probes.longest),
                            millis(probes.mostCpu),
                            millis(cpuAtEnd - cpuAtStart),
                            millis(machine),
                            millis(cpuOf(renderer) - rendererAtStart),
                            millis(probes.longestCpu),
                            millis(probes.longestFxQueued),
                            millis(probes.longestRenderer),
                            millis(probes.longestRendererQueued),
                            probes.longestGc,
                            millis(inStall),
                            (allocatedBy(fxThread) - fxAllocatedAtStart) >> 20,
                            (allocatedBy(renderer) - rendererAllocatedAtStart) >> 20,
                            gcMillis() - gcAtStart);
                })
                .get();
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** The thread that draws the frames (JavaFX's renderer), or -1 when there is none to be found. */
    private static long rendererThreadId() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("QuantumRenderer"))
                .mapToLong(Thread::getId)
                .findFirst()
                .orElse(-1);
    }

    /** Linux's scheduler figures of this process's thread named {@code name} (its first 15 characters), or null. */
    private static Path schedule(String name) {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(task -> {
                        try {
                            return Files.readString(task.resolve("comm"))
                                    .strip()
                                    .equals(name);
                        } catch (java.io.IOException gone) {
                            return false;
                        }
                    })
                    .map(task -> task.resolve("schedstat"))
                    .findFirst()
                    .orElse(null);
        } catch (java.io.IOException | RuntimeException notLinux) {
            return null;
        }
    }

    /** A thread's scheduler figures, read without allocating; FX thread only. */
    private static final class Schedule {
        private final FileChannel file;
        private final ByteBuffer bytes = ByteBuffer.allocate(128);

        Schedule(Path schedule) {
            FileChannel opened = null;
            try {
                opened = schedule == null ? null : FileChannel.open(schedule);
            } catch (java.io.IOException | RuntimeException unreadable) {
                opened = null;
            }
            this.file = opened;
        }

        /** How long the thread has been ready to run but waiting for a core, in all (ns); 0 when not known. */
        long queued() {
            if (file == null) {
                return 0;
            }
            try {
                bytes.clear();
                int read = file.read(bytes, 0);
                // "<ns on a core> <ns waiting for a core> <time slices>": the second number
                int at = 0;
                while (at < read && bytes.get(at) != ' ') {
                    at++;
                }
                long waited = 0;
                for (at++; at < read && bytes.get(at) >= '0' && bytes.get(at) <= '9'; at++) {
                    waited = waited * 10 + (bytes.get(at) - '0');
                }
                return waited;
            } catch (java.io.IOException | RuntimeException unreadable) {
                return 0;
            }
        }

        void close() {
            try {
                if (file != null) {
                    file.close();
                }
            } catch (java.io.IOException ignored) {
                // a /proc file: nothing was written
            }
        }
    }

    /** The collectors' pauses so far, in ms (JDK 17 counts G1's young and full collections, not its remark). */
    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : COLLECTORS) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    /** The bytes {@code thread} has allocated so far (HotSpot's per-thread counter), or 0 when not known. */
    private static long allocatedBy(long thread) {
        if (thread < 0 || !(THREADS instanceof com.sun.management.ThreadMXBean counting)) {
            return 0;
        }
        return Math.max(0, counting.getThreadAllocatedBytes(thread));
    }

    private static long cpuOf(long thread) {
        return thread < 0 ? 0 : Math.max(0, THREADS.getThreadCpuTime(thread));
    }
}
