package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.Privileges;
import org.registrar.db.TestDatabases;
import org.registrar.testing.TestSession;

/** The app's context owns every thread it starts: once it is closed, none of them is left running. */
class AppContextThreadsTest {
    @TempDir
    Path dataHome;

    @Test
    void closingTheContextStopsEveryThreadItStarted() throws Exception {
        try (TestSession session = TestSession.fresh()) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            AppContext context = new AppContext(
                    null,
                    session.database(),
                    TestDatabases.jdbcUrl(session.databaseName()),
                    "test",
                    null,
                    dataHome,
                    Privileges.ALL);
            context.sampler().start();
            // pools start their threads on first use: use each one as the screens do
            CompletableFuture.runAsync(() -> {}, context.databaseWorker()).get(10, TimeUnit.SECONDS);
            CompletableFuture.runAsync(() -> {}, context.draftWriter()).get(10, TimeUnit.SECONDS);
            List<Thread> started = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> !before.contains(thread))
                    .toList();
            assertThat(started)
                    .extracting(Thread::getName)
                    .contains("registrar-db-1", "registrar-drafts-1", "registrar-metrics-sampler");

            context.close();

            for (Thread thread : started) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
            assertThat(started)
                    .as("threads the context started, still alive after close")
                    .filteredOn(Thread::isAlive)
                    .extracting(thread -> thread.getName() + (thread.isDaemon() ? " (daemon)" : ""))
                    .isEmpty();
        }
    }
}
