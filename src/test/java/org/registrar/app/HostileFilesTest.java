package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 7 (docs/reliability.md, "Shared PCs and hostile logins"): {@code import-results --file} given a
 * device, a pipe with no writer, or a file built to exhaust memory, in a child JVM with a 256 MB heap. Each is
 * refused with a message naming what is wrong or the limit crossed (exit 2), within a bound that proves it neither
 * hangs nor runs out of memory (60 s: the child starts a JVM on a loaded 2-core machine; a hang is forever).
 */
class HostileFilesTest {
    @TempDir
    Path folder;

    private record Outcome(boolean finished, String output) {}

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void devZeroIsRefusedAsNotARegularFile() throws Exception {
        assertRefused(run(Path.of("/dev/zero")), "is not a regular file");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void devUrandomIsRefusedAsNotARegularFile() throws Exception {
        assertRefused(run(Path.of("/dev/urandom")), "is not a regular file");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aPipeWithNoWriterIsRefusedAtOnceNotWaitedOn() throws Exception {
        Path fifo = folder.resolve("scores.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0)
                .as("mkfifo")
                .isTrue();

        assertRefused(run(fifo), "is not a regular file");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aSymlinkToAPipeIsRefusedToo() throws Exception {
        Path fifo = folder.resolve("pipe");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS);
        Path link = Files.createSymbolicLink(folder.resolve("scores.csv"), fifo);

        assertRefused(run(link), "is not a regular file");
    }

    @Test
    void fourMillionCellsOnOneLineStopAtTheCellsPerLineLimit() throws Exception {
        Path file = folder.resolve("cells.csv");
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 4_194_000; i++) {
                writer.write(",x");
            }
        }

        assertRefused(run(file), "line 1 has more than 100 cells, the limit of one line");
    }

    @Test
    void millionsOfCellsOnShortLinesStopAtTheLimitOfCellsInAll() throws Exception {
        Path file = folder.resolve("cells.csv");
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int line = 0; line < 42_000; line++) {
                writer.write(
                        "x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x"
                                + ",x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x\n");
            }
        }

        assertRefused(run(file), "has more than 500,000 cells, the limit of one import");
    }

    @Test
    void crOnlyLineEndsCountAsLinesAndStopAtTheLineLimit() throws Exception {
        Path file = folder.resolve("cr.csv");
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("Student number,Score\r");
            for (int i = 0; i < 700_000; i++) {
                writer.write(String.format("S%07d,7\r", i));
            }
        }
        assertThat(Files.size(file)).isLessThan(8L * 1024 * 1024);

        assertRefused(run(file), "the file has more than 50,000 lines");
    }

    @Test
    void aMegabyteCellOfDigitsIsRefusedAtTheCellLimit() throws Exception {
        Path file = folder.resolve("digits.csv");
        Files.writeString(file, "Student number,Score\nS0000001," + "7".repeat(1_000_000) + "\n");

        assertRefused(run(file), "line 2, cell 2 holds more than 10,000 characters, the limit of one cell");
    }

    private static void assertRefused(Outcome outcome, String message) {
        assertThat(outcome.finished())
                .as("finished within 60 s (not hung); output so far:%n%s", outcome.output())
                .isTrue();
        assertThat(outcome.output()).doesNotContain("OutOfMemoryError").contains(message);
        assertThat(outcome.output().strip()).endsWith("EXIT 2");
    }

    private Outcome run(Path file) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = folder.resolve("child-output.txt");
        Process child = new ProcessBuilder(
                        java.toString(),
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        // never this machine's own settings file
                        "-Dregistrar.machineConfig=" + System.getProperty("registrar.machineConfig"),
                        "-Dregistrar.prefsNode=" + System.getProperty("registrar.prefsNode"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HostileFileChild.class.getName(),
                        folder.resolve("home").toString(),
                        file.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = child.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return new Outcome(finished, Files.readString(output, StandardCharsets.UTF_8));
    }
}
