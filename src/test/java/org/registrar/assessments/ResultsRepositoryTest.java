package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.data.Assessment;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveOutcome;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.data.ScoreRejected;
import org.registrar.assessments.data.SheetRow;
import org.registrar.db.TestDatabases;
import org.registrar.metrics.OperationScope;
import org.registrar.testing.TestSession;

/** The bulk save against the real embedded PostgreSQL: statement counts, conflicts, exactly-once, refusals. */
class ResultsRepositoryTest {
    private TestSession session;
    private ResultsRepository repository;
    private Jdbi fixture;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        repository = new ResultsRepository(session.database().jdbi());
        fixture = TestDatabases.jdbi(session.databaseName());
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void savesTenThousandResultsOfANewAssessmentInAtMostThreeStatements() {
        long cohort = fixture.withHandle(handle -> {
            long id = handle.createQuery("INSERT INTO cohorts (name, grade_level, school_year) VALUES ('Big', 5, 2025)"
                            + " RETURNING id")
                    .mapTo(Long.class)
                    .one();
            handle.createUpdate("INSERT INTO students (student_number, family_name, given_name, cohort_id)"
                            + " SELECT 'B' || n, 'Family' || n, 'Given', :cohort FROM generate_series(1, 10000) n")
                    .bind("cohort", id)
                    .execute();
            return id;
        });
        List<SheetRow> sheet = repository.sheet(cohort, null);
        List<ResultChange> changes = new ArrayList<>();
        for (int i = 0; i < sheet.size(); i++) {
            changes.add(new ResultChange(sheet.get(i).studentId(), BigDecimal.valueOf(i % 21), false, null, null));
        }
        NewAssessment created =
                new NewAssessment(cohort, "Big test", "Maths", new BigDecimal("20"), LocalDate.of(2025, 10, 1));

        SaveOutcome outcome;
        OperationScope scope = session.metrics().begin("Save results");
        try (scope) {
            outcome = repository.save(SaveRequest.creating(UUID.randomUUID(), created, changes));
        }

        assertThat(sheet).hasSize(10_000);
        assertThat(outcome.savedVersions()).hasSize(10_000).containsValue(1);
        assertThat(outcome.conflicts()).isEmpty();
        assertThat(scope.summary().statements()).isLessThanOrEqualTo(3);
        assertThat(scope.summary().transactions()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM assessment_results WHERE assessment_id = " + outcome.assessmentId()))
                .isEqualTo(10_000);
        // written once: each first score's insert event is its own row (version 1) until it changes
        assertThat(count("SELECT count(*) FROM assessment_results WHERE version = 1 AND batch_id = '"
                        + outcome.batchId() + "'"))
                .isEqualTo(10_000);
        assertThat(count("SELECT count(*) FROM result_history WHERE batch_id = '" + outcome.batchId() + "'"))
                .isZero();
    }

    @Test
    void aRowSomeoneElseChangedIsAConflictAndTheOthersSave() {
        Assessment assessment = firstAssessment();
        List<SheetRow> sheet = scored(assessment);
        SheetRow theirs = sheet.get(0);
        SheetRow mine = sheet.get(1);
        fixture.useHandle(handle -> handle.execute(
                "UPDATE assessment_results SET score = 0 WHERE assessment_id = ? AND student_id = ?",
                assessment.id(),
                theirs.studentId()));

        SaveOutcome outcome = repository.save(SaveRequest.existing(
                UUID.randomUUID(),
                assessment.id(),
                List.of(change(theirs, BigDecimal.ONE), change(mine, BigDecimal.ONE))));

        assertThat(outcome.savedVersions()).containsOnlyKeys(mine.studentId());
        assertThat(outcome.savedVersions().get(mine.studentId())).isEqualTo(mine.version() + 1);
        assertThat(outcome.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.studentId()).isEqualTo(theirs.studentId());
            assertThat(conflict.theirScore()).isEqualByComparingTo("0");
            assertThat(conflict.theirRecordedBy()).isEqualTo("postgres"); // the login that changed it
            assertThat(conflict.yours().score()).isEqualByComparingTo("1");
        });
        assertThat(score(assessment, theirs)).isEqualByComparingTo("0");
        assertThat(score(assessment, mine)).isEqualByComparingTo("1");
    }

    @Test
    void aResultSomeoneElseInsertedMeanwhileIsAConflict() {
        Assessment assessment = firstAssessment();
        SheetRow unscored = fixture.withHandle(handle -> handle.createQuery(
                                "SELECT s.id FROM students s WHERE s.cohort_id = :cohort AND NOT EXISTS (SELECT FROM"
                                        + " assessment_results r WHERE r.student_id = s.id AND r.assessment_id = :a) LIMIT 1")
                        .bind("cohort", assessment.cohortId())
                        .bind("a", assessment.id())
                        .mapTo(Long.class)
                        .findOne())
                .flatMap(id -> repository.sheet(assessment.cohortId(), assessment.id()).stream()
                        .filter(row -> row.studentId() == id)
                        .findFirst())
                .orElseThrow();
        fixture.useHandle(handle -> handle.execute(
                "INSERT INTO assessment_results (assessment_id, student_id, score, recorded_by) VALUES (?, ?, 2, session_user)",
                assessment.id(),
                unscored.studentId()));

        SaveOutcome outcome = repository.save(
                SaveRequest.existing(UUID.randomUUID(), assessment.id(), List.of(change(unscored, BigDecimal.ONE))));

        assertThat(outcome.savedVersions()).isEmpty();
        assertThat(outcome.conflicts())
                .singleElement()
                .satisfies(conflict -> assertThat(conflict.theirScore()).isEqualByComparingTo("2"));
    }

    @Test
    void aFirstScoreAnotherDesktopCommitsDuringTheSaveIsAConflictAndTheOthersSave() throws Exception {
        Assessment first = firstAssessment();
        Assessment assessment = repository
                .assessment(fixture.withHandle(handle -> handle.createQuery(
                                "INSERT INTO assessments (cohort_id, title, subject, max_score, assessed_on, created_by)"
                                        + " VALUES (:cohort, 'Race', 'Maths', 20, current_date, session_user) RETURNING id")
                        .bind("cohort", first.cohortId())
                        .mapTo(Long.class)
                        .one()))
                .orElseThrow();
        List<SheetRow> unscored = repository.sheet(assessment.cohortId(), assessment.id());
        SheetRow contested = unscored.get(0);
        CompletableFuture<SaveOutcome> save;
        try (Handle other = fixture.open()) {
            other.begin();
            other.execute(
                    "INSERT INTO assessment_results (assessment_id, student_id, score, recorded_by) VALUES (?, ?, 2, session_user)",
                    assessment.id(),
                    contested.studentId());
            save = CompletableFuture.supplyAsync(() -> repository.save(SaveRequest.existing(
                    UUID.randomUUID(),
                    assessment.id(),
                    List.of(change(contested, BigDecimal.ONE), change(unscored.get(1), BigDecimal.TEN)))));
            TestDatabases.awaitLockWait(fixture, "WITH input", Duration.ofSeconds(10));
            other.commit();
        }
        SaveOutcome outcome = save.get(30, TimeUnit.SECONDS);

        assertThat(outcome.savedVersions()).containsOnlyKeys(unscored.get(1).studentId());
        assertThat(outcome.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.studentId()).isEqualTo(contested.studentId());
            assertThat(conflict.theirScore()).isEqualByComparingTo("2");
        });
    }

    @Test
    void retryingTheSameBatchWritesOnce() {
        Assessment assessment = firstAssessment();
        SheetRow row = scored(assessment).get(0);
        UUID batch = UUID.randomUUID();
        SaveRequest request = SaveRequest.existing(batch, assessment.id(), List.of(change(row, new BigDecimal("3.5"))));

        SaveOutcome first = repository.save(request);
        SaveOutcome retry = repository.save(request);

        assertThat(first.alreadySaved()).isFalse();
        assertThat(retry.alreadySaved()).isTrue();
        assertThat(retry.conflicts()).isEmpty();
        assertThat(count("SELECT count(*) FROM result_history WHERE batch_id = '" + batch + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM saved_batches WHERE id = '" + batch + "'"))
                .isEqualTo(1);
    }

    @Test
    void retryingANewAssessmentCreatesItOnce() {
        Assessment template = firstAssessment();
        SheetRow row = repository.sheet(template.cohortId(), null).get(0);
        UUID batch = UUID.randomUUID();
        SaveRequest request = SaveRequest.creating(
                batch,
                new NewAssessment(template.cohortId(), "Retry quiz", "Art", BigDecimal.TEN, LocalDate.of(2025, 11, 3)),
                List.of(new ResultChange(row.studentId(), BigDecimal.ONE, false, "ok", null)));

        SaveOutcome first = repository.save(request);
        SaveOutcome retry = repository.save(request);

        assertThat(retry.alreadySaved()).isTrue();
        assertThat(retry.assessmentId()).isEqualTo(first.assessmentId());
        assertThat(count("SELECT count(*) FROM assessments WHERE title = 'Retry quiz'"))
                .isEqualTo(1);
    }

    @Test
    void aScoreAboveTheMaximumIsRefusedNamingTheStudentAndNothingIsWritten() {
        Assessment assessment = firstAssessment();
        List<SheetRow> sheet = scored(assessment);
        SheetRow fine = sheet.get(0);
        SheetRow tooHigh = sheet.get(1);
        UUID batch = UUID.randomUUID();

        assertThatThrownBy(() -> repository.save(SaveRequest.existing(
                        batch,
                        assessment.id(),
                        List.of(
                                change(fine, BigDecimal.ONE),
                                change(tooHigh, assessment.maxScore().add(BigDecimal.ONE))))))
                .isInstanceOfSatisfying(ScoreRejected.class, rejected -> {
                    assertThat(rejected.studentId()).isEqualTo(tooHigh.studentId());
                    assertThat(rejected.getMessage()).contains("above the maximum score");
                });
        assertThat(count("SELECT count(*) FROM saved_batches WHERE id = '" + batch + "'"))
                .isZero();
        assertThat(score(assessment, fine)).isEqualByComparingTo(fine.score());
    }

    private Assessment firstAssessment() {
        return repository.assessments(repository.cohorts().get(0).id()).get(0);
    }

    private List<SheetRow> scored(Assessment assessment) {
        return repository.sheet(assessment.cohortId(), assessment.id()).stream()
                .filter(row -> row.version() != null && row.score() != null)
                .toList();
    }

    private static ResultChange change(SheetRow row, BigDecimal score) {
        return new ResultChange(row.studentId(), score, false, row.comment(), row.version());
    }

    private BigDecimal score(Assessment assessment, SheetRow row) {
        return fixture.withHandle(handle -> handle.createQuery(
                        "SELECT score FROM assessment_results WHERE assessment_id = :a AND student_id = :s")
                .bind("a", assessment.id())
                .bind("s", row.studentId())
                .mapTo(BigDecimal.class)
                .one());
    }

    private long count(String sql) {
        return fixture.withHandle(
                handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
