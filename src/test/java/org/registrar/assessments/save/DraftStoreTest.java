package org.registrar.assessments.save;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.assessments.data.NewAssessment;

/** Drafts on disk: written whole, read back exactly, set aside when unreadable, gone after delete. */
class DraftStoreTest {
    @TempDir
    Path dataHome;

    @Test
    void aDraftReadsBackExactlyWithAwkwardText() {
        DraftStore store = new DraftStore(dataHome);
        Draft draft = new Draft(
                UUID.randomUUID(),
                7,
                null,
                new NewAssessment(7, "Quiz = 1 # ü", "Maths", new BigDecimal("12.5"), LocalDate.of(2025, 10, 2)),
                Instant.parse("2025-10-02T10:15:30Z"),
                List.of(
                        new Draft.Entry(1, "=SUM(A1)", "line one\nline two: ß\\", 3),
                        new Draft.Entry(2, "", null, null)));

        store.save(draft);

        assertThat(store.find(7, null)).contains(draft);
        assertThat(store.find(7, 99L)).isEmpty();
    }

    @Test
    void aNewWriteReplacesTheOldAndLeavesNoTemporaryFile() throws Exception {
        DraftStore store = new DraftStore(dataHome);
        UUID batch = UUID.randomUUID();
        store.save(new Draft(batch, 1, 5L, null, Instant.now(), List.of(new Draft.Entry(1, "1", null, 1))));
        store.save(new Draft(batch, 1, 5L, null, Instant.now(), List.of(new Draft.Entry(1, "2", null, 1))));

        assertThat(store.find(1, 5L).orElseThrow().entries().get(0).score()).isEqualTo("2");
        try (var files = Files.list(dataHome.resolve("drafts"))) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("results-1-5.draft");
        }
        store.delete(1, 5L);
        assertThat(store.find(1, 5L)).isEmpty();
    }

    /**
     * Save hands over the draft the grid journaled a moment before (same batch, same entries): it is on disk already
     * and is not forced to disk again. Anything else (other entries, another batch, the file replaced or removed) is
     * written.
     */
    @Test
    void theDraftOnDiskAlreadyIsNotWrittenAgainAnythingElseIs() throws Exception {
        DraftStore store = new DraftStore(dataHome);
        UUID batch = UUID.randomUUID();
        List<Draft.Entry> entries = List.of(new Draft.Entry(1, "7", "late", 2), new Draft.Entry(2, "9", null, null));
        Instant edited = Instant.parse("2025-10-02T10:15:30Z");
        store.save(new Draft(batch, 3, 8L, null, edited, entries));
        Path file = store.file(3, 8L);
        Object journaled = fileKey(file);

        store.save(new Draft(batch, 3, 8L, null, edited.plusSeconds(2), entries));

        assertThat(fileKey(file)).as("the same draft is not written again").isEqualTo(journaled);
        assertThat(store.find(3, 8L).orElseThrow().updatedAt()).isEqualTo(edited);

        List<Draft.Entry> changed = List.of(new Draft.Entry(1, "8", "late", 2), new Draft.Entry(2, "9", null, null));
        store.save(new Draft(batch, 3, 8L, null, edited.plusSeconds(3), changed));
        assertThat(fileKey(file)).isNotEqualTo(journaled);
        assertThat(store.find(3, 8L).orElseThrow().entries()).isEqualTo(changed);

        Object rewritten = fileKey(file);
        UUID nextBatch = UUID.randomUUID();
        store.save(new Draft(nextBatch, 3, 8L, null, edited.plusSeconds(4), changed));
        assertThat(fileKey(file)).isNotEqualTo(rewritten);
        assertThat(store.find(3, 8L).orElseThrow().batchId()).isEqualTo(nextBatch);

        // replaced behind the store's back (another copy of the app, a restore from backup): written again
        Files.writeString(file, "damaged");
        store.save(new Draft(nextBatch, 3, 8L, null, edited.plusSeconds(5), changed));
        assertThat(store.find(3, 8L).orElseThrow().entries()).isEqualTo(changed);

        // deleted after a save, then the same entries again: written
        store.delete(3, 8L);
        store.save(new Draft(nextBatch, 3, 8L, null, edited.plusSeconds(6), changed));
        assertThat(store.find(3, 8L)).isPresent();
        Files.delete(file);
        store.save(new Draft(nextBatch, 3, 8L, null, edited.plusSeconds(7), changed));
        assertThat(store.find(3, 8L)).isPresent();
    }

    private static Object fileKey(Path file) throws Exception {
        Object key = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();
        assumeTrue(key != null, "this file system gives files no identity to compare");
        return key;
    }

    @Test
    void anUnreadableDraftIsSetAsideNotDeleted() throws Exception {
        DraftStore store = new DraftStore(dataHome);
        Files.createDirectories(dataHome.resolve("drafts"));
        Files.writeString(store.file(3, 4L), "batch=not-a-uuid\n");

        assertThat(store.find(3, 4L)).isEmpty();
        assertThat(setAside()).hasSize(1);
        assertThat(store.file(3, 4L)).doesNotExist();
    }

    @Test
    void aDraftClaimingTwoBillionEntriesIsSetAsideInsteadOfExhaustingMemory() throws Exception {
        DraftStore store = new DraftStore(dataHome);
        Files.createDirectories(dataHome.resolve("drafts"));
        Files.writeString(
                store.file(3, 4L),
                "format=1\nbatch=" + UUID.randomUUID() + "\ncohort=3\nassessment=4\nupdated=2026-12-02T08:00:00Z\n"
                        + "entries=2000000000\ne.0.student=1\ne.0.score=7\n");

        assertThat(store.find(3, 4L)).isEmpty();
        assertThat(store.find(3, 4L))
                .as("the second open finds nothing, and does not fail again")
                .isEmpty();
        assertThat(setAside()).hasSize(1);
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPipeInPlaceOfADraftIsSetAsideNotWaitedOn() throws Exception {
        DraftStore store = new DraftStore(dataHome);
        Files.createDirectories(dataHome.resolve("drafts"));
        Process mkfifo = new ProcessBuilder("mkfifo", store.file(3, 4L).toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available (Linux, macOS)");

        assertThat(store.find(3, 4L)).isEmpty();
        assertThat(setAside()).hasSize(1);
    }

    @Test
    void aDraftLargerThanAnyGridIsSetAsideReadingOnlyItsBound() throws Exception {
        DraftStore store = new DraftStore(dataHome);
        Files.createDirectories(dataHome.resolve("drafts"));
        try (RandomAccessFile huge = new RandomAccessFile(store.file(3, 4L).toFile(), "rw")) {
            huge.setLength(DraftStore.MAX_BYTES * 4);
        }

        assertThat(store.find(3, 4L)).isEmpty();
        assertThat(setAside()).hasSize(1);
    }

    private List<Path> setAside() throws Exception {
        try (var files = Files.list(dataHome.resolve("drafts"))) {
            return files.filter(path ->
                            path.getFileName().toString().matches("results-3-4\\.draft\\.unreadable-\\d{8}T\\d{6}Z.*"))
                    .toList();
        }
    }
}
