package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.StartLock;

/**
 * Issue 13 item 16: two windows started at the same moment on a new data folder (two JVMs). The second waits for the
 * first to finish starting, then opens on the server the first runs; neither fails.
 */
class TwoFirstStartsTest {
    private static final Duration OPEN_WAIT = Duration.ofSeconds(240);

    @TempDir
    Path temp;

    @Test
    void theSecondWaitsForTheFirstThenBothOpen() throws Exception {
        Path dataHome = temp.resolve("registrar");
        Process first = start(dataHome, temp.resolve("first.log"));
        Process second = start(dataHome, temp.resolve("second.log"));
        try {
            String firstOpened = awaitOutcome(first, temp.resolve("first.log"));
            String secondOpened = awaitOutcome(second, temp.resolve("second.log"));

            assertThat(List.of(firstOpened, secondOpened))
                    .allSatisfy(line -> assertThat(line).matches("OPENED [a-z_]+ 50 (owner|guest)"))
                    .anySatisfy(line -> assertThat(line).endsWith("owner"))
                    .anySatisfy(line -> assertThat(line).endsWith("guest"));
            assertThat(Files.readString(temp.resolve("first.log")) + Files.readString(temp.resolve("second.log")))
                    .contains("STEP " + StartLock.waiting());
        } finally {
            stop(second);
            stop(first);
        }
        assertThat(dataHome.resolve("pgdata").resolve("postmaster.pid"))
                .as("the owner stopped its server")
                .doesNotExist();
    }

    private static Process start(Path dataHome, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(
                        java.toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dregistrar.logDir=" + log.resolveSibling(log.getFileName() + ".logs"),
                        FirstStartChild.class.getName(),
                        dataHome.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static String awaitOutcome(Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + OPEN_WAIT.toNanos();
        while (true) {
            Optional<String> outcome = Files.readAllLines(log).stream()
                    .filter(line -> line.startsWith("OPENED ") || line.startsWith("FAILED "))
                    .findFirst();
            if (outcome.isPresent()) {
                return outcome.get();
            }
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("Child never opened:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    /** Closing its input ends the child as closing the window does: the owner stops its server. */
    private static void stop(Process child) throws Exception {
        child.getOutputStream().close();
        if (!child.waitFor(90, TimeUnit.SECONDS)) {
            child.destroy();
            child.waitFor(60, TimeUnit.SECONDS);
        }
    }
}
