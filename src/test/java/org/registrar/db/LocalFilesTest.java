package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The app's own local files (drafts): bounded, regular files only, set aside when unreadable. */
class LocalFilesTest {
    @TempDir
    Path folder;

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPipeIsRefusedAtOnceNotWaitedOn() throws Exception {
        Path fifo = folder.resolve("registrar-port");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");

        assertThatThrownBy(() -> LocalFiles.readText(fifo, 64))
                .isInstanceOf(LocalFiles.Unreadable.class)
                .hasMessageContaining("is not a regular file");
    }

    @Test
    void aFileOverItsBoundIsRefusedAndASmallOneReads() throws Exception {
        Path big = Files.writeString(folder.resolve("big"), "5".repeat(5000));
        Path small = Files.writeString(folder.resolve("small"), "5433\n");

        assertThatThrownBy(() -> LocalFiles.readText(big, 4096))
                .isInstanceOf(LocalFiles.Unreadable.class)
                .hasMessageContaining("larger than 4096 bytes");
        assertThat(LocalFiles.readText(small, 4096)).isEqualTo("5433\n");
    }

    @Test
    void setAsideRenamesBesideTheFileWithATimestampAndNeverOverwrites() throws Exception {
        Instant now = Instant.parse("2026-12-02T10:40:00Z");
        Path first = Files.writeString(folder.resolve("results-1-2.draft"), "a");
        Path firstAside = LocalFiles.setAside(first, now);
        Path second = Files.writeString(folder.resolve("results-1-2.draft"), "b");
        Path secondAside = LocalFiles.setAside(second, now);

        assertThat(firstAside.getFileName()).hasToString("results-1-2.draft.unreadable-20261202T104000Z");
        assertThat(secondAside.getFileName()).hasToString("results-1-2.draft.unreadable-20261202T104000Z-2");
        assertThat(Files.readString(firstAside)).isEqualTo("a");
        assertThat(Files.readString(secondAside)).isEqualTo("b");
    }
}
