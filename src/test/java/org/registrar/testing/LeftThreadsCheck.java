package org.registrar.testing;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.registrar.db.TestDatabases;

/**
 * The end of the test run leaves nothing running: it stops the shared test server itself (its shutdown hook would
 * otherwise delete the server's data folder while the test runner's 30-second exit timer runs, and be killed), then
 * fails the run when a non-daemon thread started by a test or by the code under test is still alive a few seconds
 * later, naming each with its stack. Registered in META-INF/services; runs on the thread that ran the tests.
 */
public final class LeftThreadsCheck implements LauncherSessionListener {
    private static final long GRACE_MILLIS = 5_000;

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        long start = System.nanoTime();
        try {
            TestDatabases.stopServer();
        } catch (IOException e) {
            throw new IllegalStateException("The shared test server did not stop", e);
        }
        System.out.printf(
                "[LeftThreadsCheck] shared test server stopped in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        List<Thread> left = awaitNonDaemonThreadsEnd(GRACE_MILLIS);
        if (!left.isEmpty()) {
            String report = describe(left);
            System.err.println(report);
            throw new IllegalStateException(report);
        }
    }

    /** Waits up to {@code graceMillis} for non-daemon threads other than this one to end; returns those alive. */
    static List<Thread> awaitNonDaemonThreadsEnd(long graceMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        List<Thread> left = nonDaemonThreads();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            try {
                left.get(0).join(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = nonDaemonThreads();
        }
        return left;
    }

    private static List<Thread> nonDaemonThreads() {
        Thread self = Thread.currentThread();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread != self && thread.isAlive() && !thread.isDaemon())
                // the JVM's own: the thread that waits to destroy the VM, and the reference/finalizer machinery
                .filter(thread -> thread.getThreadGroup() == null
                        || !"system".equals(thread.getThreadGroup().getName()))
                .filter(thread -> !thread.getName().equals("DestroyJavaVM")
                        && !thread.getName().equals("main"))
                .collect(Collectors.toList());
    }

    private static String describe(List<Thread> left) {
        Map<Thread, StackTraceElement[]> stacks = Thread.getAllStackTraces();
        StringBuilder report = new StringBuilder("Non-daemon threads still running at the end of the tests (")
                .append(left.size())
                .append("): they keep the test JVM from exiting. Shut down what started them.");
        for (Thread thread : left) {
            report.append("\n  \"").append(thread.getName()).append("\" ").append(thread.getState());
            StackTraceElement[] stack = stacks.getOrDefault(thread, new StackTraceElement[0]);
            for (int i = 0; i < Math.min(stack.length, 12); i++) {
                report.append("\n      at ").append(stack[i]);
            }
        }
        return report.toString();
    }
}
