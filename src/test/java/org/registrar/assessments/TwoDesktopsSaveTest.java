package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.data.Assessment;
import org.registrar.assessments.data.Cohort;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveOutcome;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.data.SheetRow;
import org.registrar.db.Database;
import org.registrar.db.TestDatabases;

/**
 * Fault 9 (docs/reliability.md): two desktops (two pools, two staff logins) save overlapping changes to the same
 * assessment at the same moment. Every overlapping row is written by exactly one of them and is a conflict for the
 * other; nothing is lost; when the second keeps its own, the history shows both changes, each by its own login.
 */
class TwoDesktopsSaveTest {
    private String name;
    private Jdbi fixture;
    private final List<Database> open = new ArrayList<>();

    @BeforeEach
    void database() {
        name = TestDatabases.freshDatabase();
        fixture = TestDatabases.jdbi(name);
    }

    @AfterEach
    void close() {
        open.forEach(Database::close);
    }

    private ResultsRepository desktop(String login) {
        Database database = TestDatabases.openAs(name, login, "registrar_staff", 2);
        open.add(database);
        return new ResultsRepository(database.jdbi());
    }

    @Test
    void simultaneousSavesConflictPerRowLoseNothingAndHistoryShowsBoth() throws Exception {
        String suffix = name.replace("t_", "");
        String aliceLogin = "alice_" + suffix;
        String bobLogin = "bob_" + suffix;
        ResultsRepository alice = desktop(aliceLogin);
        ResultsRepository bob = desktop(bobLogin);
        Cohort cohort = alice.cohorts().get(0);
        Assessment assessment = alice.assessments(cohort.id()).get(0);
        List<SheetRow> sheet = alice.sheet(cohort.id(), assessment.id());
        assertThat(sheet).hasSizeGreaterThanOrEqualTo(20);
        List<ResultChange> aliceChanges = changes(sheet.subList(0, 14), "4");
        List<ResultChange> bobChanges = changes(sheet.subList(6, 20), "7");

        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<SaveOutcome> aliceSave = CompletableFuture.supplyAsync(() -> {
            await(together);
            return alice.save(SaveRequest.existing(UUID.randomUUID(), assessment.id(), aliceChanges));
        });
        CompletableFuture<SaveOutcome> bobSave = CompletableFuture.supplyAsync(() -> {
            await(together);
            return bob.save(SaveRequest.existing(UUID.randomUUID(), assessment.id(), bobChanges));
        });
        SaveOutcome aliceOutcome = aliceSave.get(30, TimeUnit.SECONDS);
        SaveOutcome bobOutcome = bobSave.get(30, TimeUnit.SECONDS);

        Set<Long> overlap = new HashSet<>();
        sheet.subList(6, 14).forEach(row -> overlap.add(row.studentId()));
        for (long student : overlap) {
            boolean aliceWrote = aliceOutcome.savedVersions().containsKey(student);
            boolean bobWrote = bobOutcome.savedVersions().containsKey(student);
            assertThat(aliceWrote ^ bobWrote)
                    .as("student %d written by exactly one", student)
                    .isTrue();
            SaveOutcome loser = aliceWrote ? bobOutcome : aliceOutcome;
            assertThat(loser.conflicts()).anyMatch(conflict -> conflict.studentId() == student);
        }
        assertThat(aliceOutcome.savedVersions().size()
                        + aliceOutcome.conflicts().size())
                .isEqualTo(14);
        assertThat(bobOutcome.savedVersions().size() + bobOutcome.conflicts().size())
                .isEqualTo(14);
        assertThat(aliceOutcome.savedVersions().size()
                        + bobOutcome.savedVersions().size())
                .as("every row written once: 20 rows, 8 of them wanted by both")
                .isEqualTo(20);
        assertStoredFromWinners(assessment.id(), aliceOutcome, "4", bobOutcome, "7");

        keepMine(aliceOutcome, alice, assessment.id());
        keepMine(bobOutcome, bob, assessment.id());
        for (long student : overlap) {
            List<String> changedBy = fixture.withHandle(handle -> handle.createQuery(
                            "SELECT changed_by FROM result_history WHERE assessment_id = :a AND student_id = :s"
                                    + " AND changed_by IN (:alice, :bob) ORDER BY id")
                    .bind("a", assessment.id())
                    .bind("s", student)
                    .bind("alice", aliceLogin)
                    .bind("bob", bobLogin)
                    .mapTo(String.class)
                    .list());
            assertThat(changedBy).as("history of student %d", student).containsExactlyInAnyOrder(aliceLogin, bobLogin);
        }
    }

    /** The conflicted rows saved again on the version the other desktop wrote: this user's entry wins now. */
    private static void keepMine(SaveOutcome outcome, ResultsRepository desktop, long assessment) {
        if (outcome.conflicts().isEmpty()) {
            return;
        }
        List<ResultChange> rebased = outcome.conflicts().stream()
                .map(conflict -> new ResultChange(
                        conflict.studentId(),
                        conflict.yours().score(),
                        conflict.yours().excused(),
                        conflict.yours().comment(),
                        conflict.theirVersion()))
                .toList();
        SaveOutcome second = desktop.save(SaveRequest.existing(UUID.randomUUID(), assessment, rebased));
        assertThat(second.conflicts()).isEmpty();
        assertThat(second.savedVersions()).hasSize(rebased.size());
    }

    private void assertStoredFromWinners(
            long assessment, SaveOutcome first, String firstScore, SaveOutcome second, String secondScore) {
        Map<Long, BigDecimal> stored = new java.util.HashMap<>();
        fixture.useHandle(handle -> handle.createQuery(
                        "SELECT student_id, score FROM assessment_results WHERE assessment_id = :a")
                .bind("a", assessment)
                .map((rows, context) -> stored.put(rows.getLong("student_id"), rows.getBigDecimal("score")))
                .list());
        first.savedVersions()
                .keySet()
                .forEach(student -> assertThat(stored.get(student)).isEqualByComparingTo(firstScore));
        second.savedVersions()
                .keySet()
                .forEach(student -> assertThat(stored.get(student)).isEqualByComparingTo(secondScore));
    }

    private static List<ResultChange> changes(List<SheetRow> rows, String score) {
        return rows.stream()
                .map(row -> new ResultChange(row.studentId(), new BigDecimal(score), false, null, row.version()))
                .toList();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
