package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void anUnreadableDraftIsSetAsideNotDeleted() throws Exception {
        DraftStore store = new DraftStore(dataHome);
        Files.createDirectories(dataHome.resolve("drafts"));
        Files.writeString(store.file(3, 4L), "batch=not-a-uuid\n");

        assertThat(store.find(3, 4L)).isEmpty();
        assertThat(dataHome.resolve("drafts").resolve("results-3-4.draft.unreadable"))
                .exists();
    }
}
