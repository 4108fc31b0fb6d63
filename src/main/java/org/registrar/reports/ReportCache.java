package org.registrar.reports;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.registrar.cache.CacheSettings;
import org.registrar.cache.ChangeStamps;
import org.registrar.cache.ChangeStamps.Table;
import org.registrar.cache.StampedCache;
import org.registrar.metrics.CacheMetrics;

/**
 * The reports and picker lists, cached in a {@link StampedCache} in front of {@link ReportsRepository} and kept
 * correct by the change stamps the mentor views use too (ADR 0053, 0056): when the cache is read and the last check
 * is older than the staleness setting, one tiny query reads each watched table's stamp; a cached report is read
 * again when a table it reads from has another stamp than when it was loaded. So a report of an unchanged class costs no statement while
 * the stamps are fresh, and a score saved on any desktop shows within the staleness.
 *
 * <p>Every read may block on the database: never call from the FX thread. Thread-safe.
 */
public final class ReportCache implements CacheMetrics {
    static final String NAME = "Reports";
    /** The cache's size bound unless {@code -Dregistrar.reports.maxEntries} says otherwise. */
    public static final long DEFAULT_MAXIMUM_ENTRIES = 500;

    private static final Set<Table> RESULTS =
            EnumSet.of(Table.COHORTS, Table.STUDENTS, Table.ASSESSMENTS, Table.ASSESSMENT_RESULTS);
    private static final Set<Table> TRANSCRIPT = EnumSet.allOf(Table.class);

    private final ReportsRepository repository;
    private final StampedCache<Key> cache;

    public ReportCache(ReportsRepository repository, ChangeStamps stamps, CacheSettings settings) {
        this(repository, stamps, settings, Ticker.systemTicker());
    }

    ReportCache(ReportsRepository repository, ChangeStamps stamps, CacheSettings settings, Ticker ticker) {
        this.repository = repository;
        this.cache = new StampedCache<>(NAME, stamps, settings, ticker);
    }

    /** The settings of {@code -Dregistrar.reports.expiry}, {@code .staleness} and {@code .maxEntries}. */
    public static CacheSettings settingsFromSystemProperties() {
        return CacheSettings.fromSystemProperties("reports", DEFAULT_MAXIMUM_ENTRIES);
    }

    /** The score sheet of an assessment. Blocking. */
    public Optional<ScoreSheet> scoreSheet(long assessmentId) {
        return read(new Key("score-sheet", List.of(assessmentId)), RESULTS, () -> repository.scoreSheet(assessmentId));
    }

    /** Students × assessments of a cohort between two dates. Blocking. */
    public Optional<ClassOverview> classOverview(long cohortId, LocalDate from, LocalDate to) {
        return read(
                new Key("class-overview", List.of(cohortId, from, to)),
                RESULTS,
                () -> repository.classOverview(cohortId, from, to));
    }

    /** A student's transcript. Blocking. */
    public Optional<Transcript> transcript(long studentId) {
        return read(new Key("transcript", List.of(studentId)), TRANSCRIPT, () -> repository.transcript(studentId));
    }

    /** A year group's overview. Blocking. */
    public YearOverview yearOverview(int gradeLevel, int schoolYear) {
        return read(
                new Key("year-overview", List.of(gradeLevel, schoolYear)),
                RESULTS,
                () -> repository.yearOverview(gradeLevel, schoolYear));
    }

    /** The class the screen starts on (the first of the newest year group); empty when there is none. Blocking. */
    public Optional<Choices.Cohort> firstCohort() {
        return read(new Key("first-cohort", List.of()), EnumSet.of(Table.COHORTS), repository::firstCohort);
    }

    /** The year groups, newest school year first. Blocking. */
    public List<Choices.YearGroup> yearGroups() {
        return read(new Key("year-groups", List.of()), EnumSet.of(Table.COHORTS), repository::yearGroups);
    }

    /** The first classes whose name starts with {@code typed}, and how many matched (ADR 0073). Blocking. */
    public Choices.ClassMatches classesStartingWith(String typed) {
        String prefix = typed == null ? "" : typed.strip();
        return read(
                new Key("classes", List.of(prefix)),
                EnumSet.of(Table.COHORTS),
                () -> repository.classesStartingWith(prefix));
    }

    /** A cohort's assessments. Blocking. */
    public List<Choices.Assessment> assessments(long cohortId) {
        return read(
                new Key("assessments", List.of(cohortId)),
                EnumSet.of(Table.ASSESSMENTS),
                () -> repository.assessments(cohortId));
    }

    /** A cohort's students. Blocking. */
    public List<Choices.Student> students(long cohortId) {
        return read(
                new Key("students", List.of(cohortId)),
                EnumSet.of(Table.STUDENTS),
                () -> repository.students(cohortId));
    }

    /** Empties the cache (statistics are kept). */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    @Override
    public Snapshot snapshot() {
        return cache.snapshot();
    }

    private <T> T read(Key key, Set<Table> readsFrom, Supplier<T> loader) {
        return cache.get(key, readsFrom, loader);
    }

    /** Which report, with its arguments. */
    private record Key(String report, List<Object> arguments) {}
}
