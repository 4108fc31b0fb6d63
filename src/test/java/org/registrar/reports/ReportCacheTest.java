package org.registrar.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.cache.CacheSettings;
import org.registrar.cache.ChangeStamps;
import org.registrar.db.Database;
import org.registrar.db.TestDatabases;
import org.registrar.testing.TestSession;

/**
 * The report cache: a warm report of an unchanged class costs no statement, and a score saved on another desktop (a
 * second pool, a staff login) shows within the staleness through the change stamps.
 */
class ReportCacheTest {
    private static final Duration STALENESS = Duration.ofSeconds(1);

    private TestSession session;
    private Jdbi direct;
    private Database otherDesktop;
    private AtomicLong clock;
    private ReportCache cache;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        direct = TestDatabases.jdbi(session.databaseName());
        otherDesktop = TestDatabases.openAs(
                session.databaseName(), "reports_staff_" + session.databaseName(), "registrar_staff", 1);
        clock = new AtomicLong();
        cache = new ReportCache(
                new ReportsRepository(session.database().jdbi()),
                new ChangeStamps(session.database().jdbi()),
                new CacheSettings(Duration.ofMinutes(5), STALENESS, 100),
                clock::get);
    }

    @AfterEach
    void close() {
        otherDesktop.close();
        session.close();
    }

    @Test
    void aWarmReportOfAnUnchangedClassCostsNoStatement() {
        long[] chosen = ReportFixtures.busiestAssessment(direct);
        Choices.Cohort cohort = new ReportsRepository(session.database().jdbi())
                .cohort(chosen[1])
                .orElseThrow();
        long student = cache.students(cohort.id()).get(0).id();
        Runnable all = () -> {
            cache.scoreSheet(chosen[0]);
            cache.classOverview(cohort.id(), cohort.yearStart(), cohort.yearEnd());
            cache.transcript(student);
            cache.yearOverview(cohort.gradeLevel(), cohort.schoolYear());
        };
        assertThat(ReportFixtures.statements(session.metrics(), all)).as("cold").isEqualTo(1 + 2 + 2 + 1);

        assertThat(ReportFixtures.statements(session.metrics(), all)).as("warm").isZero();
        clock.addAndGet(STALENESS.toNanos());
        assertThat(ReportFixtures.statements(session.metrics(), all))
                .as("stamps only")
                .isEqualTo(1);
    }

    @Test
    void aScoreSavedOnAnotherDesktopShowsAfterTheStaleness() {
        long assessment = ReportFixtures.busiestAssessment(direct)[0];
        ScoreSheet before = cache.scoreSheet(assessment).orElseThrow();
        ScoreSheet.Line line = before.lines().stream()
                .filter(each -> each.score() != null)
                .findFirst()
                .orElseThrow();
        BigDecimal other = line.score().signum() == 0 ? before.maxScore() : BigDecimal.ZERO;
        int version = direct.withHandle(handle -> handle.createQuery(
                        "SELECT version FROM assessment_results WHERE assessment_id = :a AND student_id = :s")
                .bind("a", assessment)
                .bind("s", line.studentId())
                .mapTo(Integer.class)
                .one());

        new ResultsRepository(otherDesktop.jdbi())
                .save(SaveRequest.existing(
                        UUID.randomUUID(),
                        assessment,
                        List.of(new ResultChange(line.studentId(), other, false, null, version))));

        clock.addAndGet(STALENESS.toNanos() - 1);
        assertThat(scoreOf(cache.scoreSheet(assessment).orElseThrow(), line.studentId()))
                .as("within the staleness: the cached sheet")
                .isEqualByComparingTo(line.score());
        clock.addAndGet(1);
        ScoreSheet after = cache.scoreSheet(assessment).orElseThrow();
        assertThat(scoreOf(after, line.studentId())).isEqualByComparingTo(other);
        assertThat(after.stats().mean()).isNotEqualTo(before.stats().mean());
    }

    private static BigDecimal scoreOf(ScoreSheet sheet, long studentId) {
        return sheet.lines().stream()
                .filter(line -> line.studentId() == studentId)
                .findFirst()
                .orElseThrow()
                .score();
    }
}
