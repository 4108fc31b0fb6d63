package org.registrar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LeftThreadsCheckTest {
    @Test
    void aNonDaemonThreadStillRunningIsReportedAndOneThatEndsInTheGraceIsNot() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(
                () -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "left-threads-check-test");
        worker.start();
        try {
            assertThat(LeftThreadsCheck.awaitNonDaemonThreadsEnd(50)).contains(worker);
        } finally {
            release.countDown();
        }
        assertThat(LeftThreadsCheck.awaitNonDaemonThreadsEnd(5_000)).doesNotContain(worker);
    }

    @Test
    void daemonThreadsAreNotReported() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread daemon = new Thread(
                () -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "left-threads-check-daemon");
        daemon.setDaemon(true);
        daemon.start();
        try {
            assertThat(LeftThreadsCheck.awaitNonDaemonThreadsEnd(50)).doesNotContain(daemon);
        } finally {
            release.countDown();
        }
    }
}
