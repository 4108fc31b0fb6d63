package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.assessments.save.Draft;
import org.registrar.assessments.save.DraftStore;

/**
 * Fault 10 (docs/reliability.md): the app is killed while writing a draft. A child JVM writes drafts in a loop and
 * is destroyed forcibly at a random moment, five times over the same folder: every restart finds the draft it
 * last reported or a newer one, complete, never truncated, and nothing set aside as unreadable.
 */
class DraftKilledMidWriteTest {
    private static final int KILLS = 5;

    @TempDir
    Path dataHome;

    @Test
    void aDraftWriterKilledAtAnyMomentLeavesTheOldOrTheNewDraftComplete() throws Exception {
        Random random = new Random(20251);
        int next = 1;
        for (int kill = 0; kill < KILLS; kill++) {
            int lastReported = runAndKill(next, 3 + random.nextInt(15), random.nextInt(15));
            Draft found = new DraftStore(dataHome)
                    .find(DraftWriterChild.COHORT, DraftWriterChild.ASSESSMENT)
                    .orElseThrow();

            int generation = Integer.parseInt(found.entries().get(0).score());
            assertThat(generation).as("kill %d", kill).isGreaterThanOrEqualTo(lastReported);
            assertThat(found.entries()).hasSize(DraftWriterChild.size(generation));
            assertThat(found.entries()).allSatisfy(entry -> {
                assertThat(entry.score()).isEqualTo(String.valueOf(generation));
                assertThat(entry.comment()).isEqualTo("gen " + generation + " ✓ «ok»");
            });
            assertThat(found.entries())
                    .last()
                    .extracting(Draft.Entry::basedOnVersion)
                    .isEqualTo(found.entries().size() - 1);
            try (Stream<Path> files = Files.list(dataHome.resolve("drafts"))) {
                assertThat(files.map(Path::toString)).noneMatch(file -> file.contains(".unreadable"));
            }
            next = generation + 1;
        }
    }

    /** Starts the writer at {@code first}, waits for {@code generations} reports, kills it a few ms later. */
    private int runAndKill(int first, int generations, int delayMillis) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        java.toString(),
                        "-Xmx64m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        DraftWriterChild.class.getName(),
                        dataHome.toString(),
                        String.valueOf(first))
                .redirectErrorStream(true)
                .start();
        int last = first - 1;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (int seen = 0; seen < generations; seen++) {
                String line = lines.readLine();
                assertThat(line)
                        .as("the child reports its generations")
                        .isNotNull()
                        .matches("\\d+");
                last = Integer.parseInt(line);
            }
            Thread.sleep(delayMillis);
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        return last;
    }
}
