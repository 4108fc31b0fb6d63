package org.registrar.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 13 item 11: the remembered-port file is bounded and checked; anything but a usable port is ignored. */
class DataFolderTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"-1", "99999", "0", "80", "garbage", "", "5432 5433", "１２３４５", "2147483648"})
    void aPortFileHoldingNoUsablePortIsIgnored(String content) throws Exception {
        Files.writeString(folder.resolve(DataFolder.PORT_FILE), content + "\n");

        assertThat(DataFolder.rememberedPort(folder)).isEmpty();
        assertThat(DataFolder.choosePort(folder)).isBetween(1024, 65535);
    }

    @Test
    void aHugePortFileIsNotReadBeyondItsFirstBytes() throws Exception {
        Path file = folder.resolve(DataFolder.PORT_FILE);
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.write("54321".getBytes());
            sparse.setLength(8L * 1024 * 1024 * 1024); // 8 GB, sparse: reading it all would exhaust the heap
        }

        assertThat(DataFolder.rememberedPort(folder)).isEmpty();
    }

    @Test
    void aFolderInsteadOfAPortFileIsIgnored() throws Exception {
        Files.createDirectory(folder.resolve(DataFolder.PORT_FILE));

        assertThat(DataFolder.rememberedPort(folder)).isEmpty();
    }

    @Test
    void aRememberedPortIsKept() throws Exception {
        DataFolder.rememberPort(folder, 54321);

        assertThat(DataFolder.rememberedPort(folder)).isEqualTo(OptionalInt.of(54321));
    }

    @Test
    void aFolderWithoutTheMarkerOrAnEarlierVersionsPortFileIsIncomplete() throws Exception {
        assertThat(DataFolder.state(folder.resolve("missing"))).isEqualTo(DataFolder.State.NEW);
        assertThat(DataFolder.state(folder)).isEqualTo(DataFolder.State.NEW);
        Files.writeString(folder.resolve("PG_VERSION"), "17\n");
        assertThat(DataFolder.state(folder)).isEqualTo(DataFolder.State.INCOMPLETE);
        Files.createDirectories(folder.resolve("global"));
        Files.writeString(folder.resolve("global/pg_control"), "x");
        Files.writeString(folder.resolve(DataFolder.PORT_FILE), "54321\n");
        assertThat(DataFolder.state(folder))
                .as("started by an earlier version")
                .isEqualTo(DataFolder.State.INITIALISED);
    }

    @Test
    void anEarlierVersionsFolderThatStartedButNeverKeptItsPortIsNotMovedAside() throws Exception {
        // an earlier version only logged a failed port-file write; the server itself writes postmaster.opts at start
        Files.writeString(folder.resolve("PG_VERSION"), "17\n");
        Files.createDirectories(folder.resolve("global"));
        Files.writeString(folder.resolve("global/pg_control"), "x");
        Files.writeString(folder.resolve("postmaster.opts"), "/opt/pg/bin/postgres \"-D\" \"" + folder + "\"\n");

        assertThat(DataFolder.state(folder)).isEqualTo(DataFolder.State.INITIALISED);
    }

    @Test
    void aSocketFolderOnlyWherePostgresCanTakeItsPath() throws Exception {
        assertThat(EmbeddedServer.socketFolder(folder.resolve("server"))).contains(folder.resolve("server/socket"));
        assertThat(EmbeddedServer.socketFolder(folder.resolve("Application Support/server")))
                .isEmpty();
        assertThat(EmbeddedServer.socketFolder(folder.resolve("x".repeat(90)))).isEmpty();
    }

    /** Issue 18: the start-up step for a cut-short first start was English in every language. */
    @Test
    void aCutShortFirstStartIsReportedInTheChosenLanguage() throws Exception {
        Path data = folder.resolve("pgdata");
        Files.createDirectories(data);
        Files.writeString(data.resolve("PG_VERSION"), "16");
        java.util.List<String> steps = new java.util.ArrayList<>();
        org.registrar.i18n.Messages.use(java.util.Locale.GERMAN);
        try {
            DataFolder.prepare(data, steps::add);
        } finally {
            org.registrar.i18n.Messages.use(java.util.Locale.ENGLISH);
        }
        assertThat(steps).singleElement().asString().startsWith("Ein früherer erster Start wurde abgebrochen");
    }
}
