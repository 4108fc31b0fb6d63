package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveOutcome;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.data.SheetRow;
import org.registrar.assessments.history.HistoryCursor;
import org.registrar.assessments.history.HistoryEntry;
import org.registrar.assessments.history.HistoryLine;
import org.registrar.assessments.history.HistoryPage;
import org.registrar.assessments.history.HistoryRepository;
import org.registrar.assessments.history.HistoryScope;
import org.registrar.assessments.history.HistoryViewModel;
import org.registrar.metrics.OperationScope;
import org.registrar.testing.TestSession;

/** The result history read back against the real embedded PostgreSQL: who, old, new, newest first, keyset pages. */
class HistoryRepositoryTest {
    private TestSession session;
    private ResultsRepository results;
    private HistoryRepository history;
    private long cohort;
    private List<SheetRow> sheet;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        results = new ResultsRepository(session.database().jdbi());
        history = results.history();
        cohort = results.cohorts().get(0).id();
        sheet = results.sheet(cohort, null);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aSaveThenAnUpdateAreTwoEntriesNewestFirstWithWhoOldAndNew() {
        SheetRow student = sheet.get(0);
        UUID first = UUID.randomUUID();
        SaveOutcome created = results.save(SaveRequest.creating(
                first,
                newAssessment(),
                List.of(new ResultChange(student.studentId(), new BigDecimal("7"), false, null, null))));
        UUID second = UUID.randomUUID();
        results.save(SaveRequest.existing(
                second,
                created.assessmentId(),
                List.of(new ResultChange(student.studentId(), new BigDecimal("8.5"), false, "retake", 1))));
        String login = session.database()
                .jdbi()
                .withHandle(handle -> handle.createQuery("SELECT session_user")
                        .mapTo(String.class)
                        .one());

        HistoryPage page = history.page(
                HistoryScope.STUDENT_IN_ASSESSMENT, created.assessmentId(), student.studentId(), null, 200);

        assertThat(page.more()).isFalse();
        assertThat(page.entries()).hasSize(2);
        HistoryEntry update = page.entries().get(0);
        HistoryEntry insert = page.entries().get(1);
        assertThat(update.operation()).isEqualTo("update");
        assertThat(update.oldScore()).isEqualByComparingTo("7");
        assertThat(update.newScore()).isEqualByComparingTo("8.5");
        assertThat(update.newComment()).isEqualTo("retake");
        assertThat(update.batchId()).isEqualTo(second);
        assertThat(update.changedBy()).isEqualTo(login);
        assertThat(update.studentNumber()).isEqualTo(student.studentNumber());
        assertThat(update.assessmentTitle()).isEqualTo("History quiz");
        assertThat(insert.operation()).isEqualTo("insert");
        assertThat(insert.oldScore()).isNull();
        assertThat(insert.newScore()).isEqualByComparingTo("7");
        assertThat(insert.batchId()).isEqualTo(first);
        assertThat(HistoryLine.change(update)).isEqualTo("7 → 8.5; comment: none → \"retake\"");
        assertThat(HistoryLine.change(insert)).isEqualTo("new: 7");
        assertThat(history.page(HistoryScope.STUDENT, -1, student.studentId(), null, 2)
                        .entries())
                .extracting(HistoryEntry::operation, HistoryEntry::batchId)
                .containsExactly(tuple("update", second), tuple("insert", first));
    }

    @Test
    void keysetPagesOfAnAssessmentCoverEveryChangeOnceNewestFirstInOneStatementEach() {
        long assessment = threeRoundsOfSaves();
        List<HistoryEntry> whole = history.page(HistoryScope.ASSESSMENT, assessment, -1, null, 10_000)
                .entries();
        List<HistoryEntry> paged = new ArrayList<>();
        HistoryCursor after = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            OperationScope scope = session.metrics().begin(HistoryViewModel.OPEN);
            HistoryPage page;
            try (scope) {
                page = history.page(HistoryScope.ASSESSMENT, assessment, -1, after, 7);
            }
            assertThat(scope.summary().statements()).isEqualTo(1);
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(7);
            paged.addAll(page.entries());
            after = page.next();
            more = page.more();
            pages++;
        }

        assertThat(whole).hasSize(3 * sheet.size());
        assertThat(paged)
                .extracting(HistoryEntry::id)
                .containsExactlyElementsOf(whole.stream().map(HistoryEntry::id).toList());
        assertThat(pages).isEqualTo((whole.size() + 6) / 7);
        for (int i = 1; i < whole.size(); i++) {
            HistoryEntry newer = whole.get(i - 1);
            HistoryEntry older = whole.get(i);
            assertThat(newer.changedAt()).isAfterOrEqualTo(older.changedAt());
            if (newer.changedAt().equals(older.changedAt())) {
                assertThat(newer.id()).isGreaterThan(older.id());
            }
        }
        assertThat(whole.get(0).newScore()).isEqualByComparingTo("3");
        assertThat(whole.get(whole.size() - 1).operation()).isEqualTo("insert");
    }

    @Test
    void firstScoresStillInTheirRowsAndMovedOnesPageTogetherEachOnce() {
        List<ResultChange> first = new ArrayList<>();
        sheet.forEach(row -> first.add(new ResultChange(row.studentId(), BigDecimal.ONE, false, null, null)));
        SaveOutcome saved = results.save(SaveRequest.creating(UUID.randomUUID(), newAssessment(), first));
        long assessment = saved.assessmentId();
        List<SheetRow> stored = results.sheet(cohort, assessment);
        List<ResultChange> half = new ArrayList<>();
        for (int i = 0; i < stored.size(); i += 2) {
            half.add(new ResultChange(
                    stored.get(i).studentId(),
                    BigDecimal.TEN,
                    false,
                    null,
                    stored.get(i).version()));
        }
        results.save(SaveRequest.existing(UUID.randomUUID(), assessment, half));

        List<HistoryEntry> paged = new ArrayList<>();
        HistoryPage page = history.page(HistoryScope.ASSESSMENT, assessment, -1, null, 7);
        paged.addAll(page.entries());
        while (page.more()) {
            page = history.page(HistoryScope.ASSESSMENT, assessment, -1, page.next(), 7);
            paged.addAll(page.entries());
        }

        assertThat(paged).hasSize(sheet.size() + half.size());
        assertThat(paged)
                .filteredOn(entry -> entry.operation().equals("insert"))
                .hasSize(sheet.size());
        assertThat(paged.stream()
                        .map(entry -> entry.operation() + entry.studentId())
                        .distinct())
                .hasSize(paged.size());
        long untouched = stored.get(1).studentId();
        List<HistoryEntry> own = history.page(HistoryScope.STUDENT_IN_ASSESSMENT, assessment, untouched, null, 10)
                .entries();
        assertThat(own).singleElement().satisfies(entry -> {
            assertThat(entry.operation()).isEqualTo("insert");
            assertThat(entry.oldScore()).isNull();
            assertThat(entry.newScore()).isEqualByComparingTo("1");
            assertThat(entry.batchId()).isEqualTo(saved.batchId());
            assertThat(entry.assessmentTitle()).isEqualTo("History quiz");
        });
    }

    @Test
    void aFirstScoreChangedWhileTheUserPagesIsNeitherSkippedNorShownTwice() {
        List<ResultChange> first = new ArrayList<>();
        sheet.forEach(row -> first.add(new ResultChange(row.studentId(), BigDecimal.ONE, false, null, null)));
        long assessment = results.save(SaveRequest.creating(UUID.randomUUID(), newAssessment(), first))
                .assessmentId();
        HistoryPage page = history.page(HistoryScope.ASSESSMENT, assessment, -1, null, 5);
        List<HistoryEntry> seen = new ArrayList<>(page.entries());
        List<SheetRow> stored = results.sheet(cohort, assessment);
        SheetRow later = stored.stream()
                .filter(row -> seen.stream().noneMatch(entry -> entry.studentId() == row.studentId()))
                .reduce((a, b) -> b)
                .orElseThrow();
        results.save(SaveRequest.existing(
                UUID.randomUUID(),
                assessment,
                List.of(new ResultChange(later.studentId(), BigDecimal.TEN, false, null, later.version()))));

        while (page.more()) {
            page = history.page(HistoryScope.ASSESSMENT, assessment, -1, page.next(), 5);
            seen.addAll(page.entries());
        }

        assertThat(seen)
                .filteredOn(entry -> entry.operation().equals("insert"))
                .extracting(HistoryEntry::studentId)
                .doesNotHaveDuplicates()
                .hasSize(sheet.size());
    }

    /** Every student of the cohort scored 1, then 2, then 3, as three saves: 3 history entries each. */
    private long threeRoundsOfSaves() {
        Long assessment = null;
        for (int round = 1; round <= 3; round++) {
            List<ResultChange> changes = new ArrayList<>();
            for (SheetRow row : assessment == null ? sheet : results.sheet(cohort, assessment)) {
                changes.add(new ResultChange(row.studentId(), BigDecimal.valueOf(round), false, null, row.version()));
            }
            SaveOutcome outcome = assessment == null
                    ? results.save(SaveRequest.creating(UUID.randomUUID(), newAssessment(), changes))
                    : results.save(SaveRequest.existing(UUID.randomUUID(), assessment, changes));
            assessment = outcome.assessmentId();
        }
        return assessment;
    }

    private NewAssessment newAssessment() {
        return new NewAssessment(cohort, "History quiz", "History", new BigDecimal("20"), LocalDate.of(2025, 11, 3));
    }
}
