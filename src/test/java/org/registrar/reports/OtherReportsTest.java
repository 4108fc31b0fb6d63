package org.registrar.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.db.TestDatabases;
import org.registrar.testing.TestSession;

/**
 * Class overview, transcript and year overview: figures computed in Java from raw rows; two statements each (the year
 * overview one).
 */
class OtherReportsTest {
    private TestSession session;
    private Jdbi direct;
    private ReportsRepository repository;
    private long cohort;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        direct = TestDatabases.jdbi(session.databaseName());
        repository = new ReportsRepository(session.database().jdbi());
        cohort = ReportFixtures.busiestAssessment(direct)[1];
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void classOverviewMeansMatchTheRawRows() {
        List<ReportFixtures.RawResult> raw = ReportFixtures.rawResults(direct, cohort);
        LocalDate from = LocalDate.of(2025, 8, 1);
        LocalDate to = LocalDate.of(2026, 7, 31);
        @SuppressWarnings("unchecked")
        Optional<ClassOverview>[] read = new Optional[1];

        assertThat(ReportFixtures.statements(
                        session.metrics(), () -> read[0] = repository.classOverview(cohort, from, to)))
                .isEqualTo(2);

        ClassOverview overview = read[0].orElseThrow();
        assertThat(overview.assessments()).hasSize((int) raw.stream()
                .map(ReportFixtures.RawResult::assessmentId)
                .distinct()
                .count());
        for (ClassOverview.Column column : overview.assessments()) {
            List<Double> scores = raw.stream()
                    .filter(row -> row.assessmentId() == column.assessmentId() && row.score() != null)
                    .map(row -> row.score().doubleValue())
                    .toList();
            assertThat(column.scored()).isEqualTo(scores.size());
            assertThat(column.meanScore())
                    .isCloseTo(
                            scores.stream()
                                    .mapToDouble(Double::doubleValue)
                                    .average()
                                    .orElseThrow(),
                            within(1e-9));
        }
        Map<Long, List<ReportFixtures.RawResult>> byStudent =
                raw.stream().collect(Collectors.groupingBy(ReportFixtures.RawResult::studentId));
        assertThat(overview.students()).hasSize(byStudent.size());
        for (ClassOverview.Row row : overview.students()) {
            List<ReportFixtures.RawResult> own = byStudent.get(row.studentId());
            for (int index = 0; index < overview.assessments().size(); index++) {
                long assessment = overview.assessments().get(index).assessmentId();
                BigDecimal expected = own.stream()
                        .filter(result -> result.assessmentId() == assessment)
                        .findFirst()
                        .orElseThrow()
                        .score();
                assertThat(row.scores().get(index)).isEqualTo(expected);
            }
            double[] percentages = own.stream()
                    .filter(result -> result.score() != null)
                    .mapToDouble(result -> result.score().doubleValue()
                            * 100
                            / result.maxScore().doubleValue())
                    .toArray();
            if (percentages.length == 0) {
                assertThat(row.meanPercentage()).isNull();
            } else {
                assertThat(row.meanPercentage())
                        .isCloseTo(
                                java.util.Arrays.stream(percentages).average().orElseThrow(), within(1e-6));
            }
        }
        assertThat(repository
                        .classOverview(cohort, to.plusYears(5), to.plusYears(6))
                        .orElseThrow()
                        .assessments())
                .as("a term without assessments")
                .isEmpty();
    }

    @Test
    void transcriptListsEveryResultOfTheStudentWithTheirMentor() {
        long student = direct.withHandle(handle -> handle.createQuery("SELECT s.id FROM students s JOIN"
                        + " mentor_assignments m ON m.student_id = s.id WHERE s.cohort_id = :c ORDER BY s.id LIMIT 1")
                .bind("c", cohort)
                .mapTo(Long.class)
                .one());
        String mentor = direct.withHandle(handle -> handle.createQuery("SELECT m.given_name || ' ' || m.family_name"
                        + " FROM mentors m JOIN mentor_assignments a ON a.mentor_id = m.id WHERE a.student_id = :s")
                .bind("s", student)
                .mapTo(String.class)
                .one());
        List<ReportFixtures.RawResult> raw = ReportFixtures.rawResults(direct, cohort).stream()
                .filter(row -> row.studentId() == student && (row.score() != null || row.excused()))
                .toList();
        Transcript[] read = new Transcript[1];

        assertThat(ReportFixtures.statements(
                        session.metrics(),
                        () -> read[0] = repository.transcript(student).orElseThrow()))
                .isEqualTo(2);

        assertThat(read[0].mentorName()).isEqualTo(mentor);
        assertThat(read[0].entries()).hasSizeGreaterThanOrEqualTo(raw.size());
        for (ReportFixtures.RawResult result : raw) {
            assertThat(read[0].entries()).anySatisfy(entry -> {
                assertThat(entry.assessedOn()).isEqualTo(result.assessedOn());
                assertThat(entry.score()).isEqualTo(result.score());
                assertThat(entry.excused()).isEqualTo(result.excused());
            });
        }
        assertThat(read[0].entries())
                .isSortedAccordingTo(java.util.Comparator.comparing(Transcript.Entry::subject)
                        .thenComparing(Transcript.Entry::assessedOn));
        assertThat(repository.transcript(-1)).isEmpty();
    }

    @Test
    void yearOverviewMeansAndMissingScoresMatchTheRawRows() {
        int[] group = direct.withHandle(handle -> handle.createQuery(
                        "SELECT grade_level, school_year FROM cohorts WHERE id = :c")
                .bind("c", cohort)
                .map((rows, context) -> new int[] {rows.getInt(1), rows.getInt(2)})
                .one());
        List<Long> cohorts = direct.withHandle(
                handle -> handle.createQuery("SELECT id FROM cohorts WHERE grade_level = :g AND school_year = :y")
                        .bind("g", group[0])
                        .bind("y", group[1])
                        .mapTo(Long.class)
                        .list());
        YearOverview[] read = new YearOverview[1];

        assertThat(ReportFixtures.statements(
                        session.metrics(), () -> read[0] = repository.yearOverview(group[0], group[1])))
                .isEqualTo(1);

        Map<Long, Integer> missing = new HashMap<>();
        for (long each : cohorts) {
            ReportFixtures.rawResults(direct, each).stream()
                    .filter(row -> row.score() == null && !row.excused())
                    .forEach(row -> missing.merge(row.assessmentId(), 1, Integer::sum));
        }
        assertThat(read[0].missing())
                .extracting(YearOverview.Missing::assessmentId, YearOverview.Missing::students)
                .containsExactlyInAnyOrderElementsOf(missing.entrySet().stream()
                        .map(entry -> org.assertj.core.groups.Tuple.tuple(entry.getKey(), entry.getValue()))
                        .toList());
        YearOverview.SubjectMean mean = read[0].means().stream()
                .filter(each -> each.cohortId() == cohort)
                .findFirst()
                .orElseThrow();
        List<Long> subjectAssessments = direct.withHandle(
                handle -> handle.createQuery("SELECT id FROM assessments WHERE cohort_id = :c AND subject = :s")
                        .bind("c", cohort)
                        .bind("s", mean.subject())
                        .mapTo(Long.class)
                        .list());
        // every result of the subject's assessments, also of students who left the class since
        double expected = direct
                .withHandle(handle -> handle.createQuery(
                                "SELECT r.score, a.max_score FROM assessment_results r JOIN assessments a ON a.id ="
                                        + " r.assessment_id WHERE r.assessment_id = ANY(:ids) AND r.score IS NOT NULL")
                        .bindArray("ids", Long.class, subjectAssessments)
                        .map((rows, context) -> rows.getBigDecimal(1).doubleValue()
                                * 100
                                / rows.getBigDecimal(2).doubleValue())
                        .list())
                .stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow();
        assertThat(mean.meanPercentage()).isCloseTo(expected, within(1e-6));
    }
}
