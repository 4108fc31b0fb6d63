package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviousServerTest {
    @TempDir
    Path folder;

    @Test
    void thePidIsLineOneOfPostmasterPid() throws Exception {
        Files.writeString(folder.resolve(PreviousServer.PID_FILE), "4242\n" + folder + "\n1700000000\n5432\n");

        assertThat(PreviousServer.postmasterPid(folder)).contains(4242L);
    }

    @Test
    void aPostmasterPidFarLargerThanPostgresWritesIsNotRead() throws Exception {
        Path file = folder.resolve(PreviousServer.PID_FILE);
        Files.writeString(file, "4242\n");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(1L << 20); // a megabyte of NULs after the PID; the bound is what matters, not the size
        }

        assertThat(PreviousServer.postmasterPid(folder)).isEmpty();
        assertThat(new String(Files.readAllBytes(file), 0, 4, StandardCharsets.US_ASCII))
                .isEqualTo("4242");
    }
}
