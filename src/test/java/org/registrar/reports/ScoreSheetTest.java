package org.registrar.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.db.TestDatabases;
import org.registrar.testing.TestSession;

/** The score sheet's figures, checked against the same figures computed in Java from the raw rows. */
class ScoreSheetTest {
    private TestSession session;
    private Jdbi direct;
    private ReportsRepository repository;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        direct = TestDatabases.jdbi(session.databaseName());
        repository = new ReportsRepository(session.database().jdbi());
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void figuresMatchTheRawRowsAndTakeOneStatement() {
        long[] chosen = ReportFixtures.busiestAssessment(direct);
        long assessment = chosen[0];
        List<ReportFixtures.RawResult> raw = ReportFixtures.rawResults(direct, chosen[1]).stream()
                .filter(row -> row.assessmentId() == assessment)
                .toList();
        ScoreSheet[] sheet = new ScoreSheet[1];

        int statements = ReportFixtures.statements(
                session.metrics(),
                () -> sheet[0] = repository.scoreSheet(assessment).orElseThrow());

        assertThat(statements).isEqualTo(1);
        assertThat(sheet[0].lines()).hasSize(raw.size());
        List<Double> scores = new ArrayList<>();
        raw.stream()
                .filter(row -> row.score() != null)
                .forEach(row -> scores.add(row.score().doubleValue()));
        Collections.sort(scores);
        ScoreSheet.Stats stats = sheet[0].stats();
        assertThat(stats.count()).isEqualTo(scores.size()).isPositive();
        assertThat(stats.excused())
                .isEqualTo(
                        raw.stream().filter(ReportFixtures.RawResult::excused).count());
        assertThat(stats.missing())
                .isEqualTo(raw.stream()
                        .filter(row -> row.score() == null && !row.excused())
                        .count());
        double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(stats.mean()).isCloseTo(mean, within(1e-9));
        int n = scores.size();
        double median = n % 2 == 1 ? scores.get(n / 2) : (scores.get(n / 2 - 1) + scores.get(n / 2)) / 2;
        assertThat(stats.median()).isCloseTo(median, within(1e-9));
        assertThat(stats.min().doubleValue()).isEqualTo(scores.get(0));
        assertThat(stats.max().doubleValue()).isEqualTo(scores.get(n - 1));
        double squares =
                scores.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        assertThat(stats.standardDeviation()).isCloseTo(Math.sqrt(squares / (n - 1)), within(1e-9));
        BigDecimal max = sheet[0].maxScore();
        int[] bands = new int[ScoreSheet.BANDS];
        scores.forEach(score -> bands[Math.min(9, (int) Math.floor(score * 10 / max.doubleValue()))]++);
        assertThat(sheet[0].bands())
                .containsExactly(java.util.Arrays.stream(bands).boxed().toArray(Integer[]::new));
        assertThat(sheet[0].bands().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
    }

    @Test
    void eachLineShowsItsStudentsScorePercentageAndWhoEnteredIt() {
        long[] chosen = ReportFixtures.busiestAssessment(direct);
        ScoreSheet sheet = repository.scoreSheet(chosen[0]).orElseThrow();

        ScoreSheet.Line scored = sheet.lines().stream()
                .filter(line -> line.score() != null)
                .findFirst()
                .orElseThrow();
        assertThat(scored.percentage())
                .isEqualByComparingTo(scored.score()
                        .multiply(BigDecimal.valueOf(100))
                        .divide(sheet.maxScore(), 1, RoundingMode.HALF_UP));
        assertThat(scored.enteredBy()).isNotBlank();
        assertThat(sheet.lines())
                .extracting(ScoreSheet.Line::familyName)
                .isNotEmpty()
                .doesNotContainNull();
    }

    @Test
    void aClassWithoutStudentsGivesAnEmptySheetAndNoAssessmentNone() {
        long cohort = direct.withHandle(handle -> handle.createQuery("INSERT INTO cohorts (name, grade_level,"
                        + " school_year) VALUES ('Empty 1', 7, 2025) RETURNING id")
                .mapTo(Long.class)
                .one());
        long assessment = direct.withHandle(handle -> handle.createQuery("INSERT INTO assessments (cohort_id, title,"
                        + " subject, max_score, assessed_on) VALUES (:c, 'Quiz', 'Maths', 10,"
                        + " date '2025-10-01') RETURNING id")
                .bind("c", cohort)
                .mapTo(Long.class)
                .one());

        ScoreSheet sheet = repository.scoreSheet(assessment).orElseThrow();

        assertThat(sheet.lines()).isEmpty();
        assertThat(sheet.stats().count()).isZero();
        assertThat(sheet.stats().mean()).isNull();
        assertThat(sheet.bands()).hasSize(10).containsOnly(0);
        assertThat(repository.scoreSheet(-5)).isEmpty();
    }
}
