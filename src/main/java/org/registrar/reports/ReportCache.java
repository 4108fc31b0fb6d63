package org.registrar.reports;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.registrar.metrics.CacheMetrics;

/**
 * The reports and picker lists, cached with Caffeine in front of {@link ReportsRepository} and kept correct by the
 * change stamps the mentor views use (ADR 0053): when the cache is read and the last check is older than the
 * staleness setting, one tiny query reads each watched table's stamp; a cached report is read again when a table it
 * reads from has another stamp than when it was loaded. So a report of an unchanged class costs no statement while
 * the stamps are fresh, and a score saved on any desktop shows within the staleness.
 *
 * <p>Every read may block on the database: never call from the FX thread. Thread-safe.
 */
public final class ReportCache implements CacheMetrics {
    static final String NAME = "Reports";
    private static final Set<String> RESULTS = Set.of("cohorts", "students", "assessments", "assessment_results");
    private static final Set<String> TRANSCRIPT =
            Set.of("cohorts", "students", "assessments", "assessment_results", "mentors", "mentor_assignments");

    private final ReportsRepository repository;
    private final ReportStamps stamps;
    private final Ticker ticker;
    private final long stalenessNanos;
    private final Cache<Key, Stamped> cache;
    private final Object checkLock = new Object();
    private volatile Map<String, Long> known = Map.of();
    private volatile long lastCheckNanos;
    private volatile boolean checkedOnce;

    public ReportCache(ReportsRepository repository, ReportStamps stamps, ReportSettings settings) {
        this(repository, stamps, settings, Ticker.systemTicker());
    }

    ReportCache(ReportsRepository repository, ReportStamps stamps, ReportSettings settings, Ticker ticker) {
        this.repository = repository;
        this.stamps = stamps;
        this.ticker = ticker;
        this.stalenessNanos = settings.staleness().toNanos();
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(settings.expireAfterWrite())
                .maximumSize(settings.maximumEntries())
                .ticker(ticker)
                .recordStats()
                .build();
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

    /** Every cohort. Blocking. */
    public List<Choices.Cohort> cohorts() {
        return read(new Key("cohorts", List.of()), Set.of("cohorts"), repository::cohorts);
    }

    /** A cohort's assessments. Blocking. */
    public List<Choices.Assessment> assessments(long cohortId) {
        return read(
                new Key("assessments", List.of(cohortId)),
                Set.of("assessments"),
                () -> repository.assessments(cohortId));
    }

    /** A cohort's students. Blocking. */
    public List<Choices.Student> students(long cohortId) {
        return read(new Key("students", List.of(cohortId)), Set.of("students"), () -> repository.students(cohortId));
    }

    /** Empties the cache (statistics are kept). */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    @Override
    public Snapshot snapshot() {
        CacheStats stats = cache.stats();
        return new Snapshot(
                NAME,
                stats.hitCount(),
                stats.missCount(),
                stats.loadCount(),
                stats.evictionCount(),
                stats.averageLoadPenalty() / 1_000_000.0,
                cache.estimatedSize());
    }

    @SuppressWarnings("unchecked")
    private <T> T read(Key key, Set<String> readsFrom, Supplier<T> loader) {
        revalidateIfDue();
        Stamped entry = cache.get(key, unused -> new Stamped(known, loader.get()));
        if (moved(entry.stamps(), readsFrom)) {
            cache.asMap().remove(key, entry);
            entry = cache.get(key, unused -> new Stamped(known, loader.get()));
        }
        return (T) entry.value();
    }

    private boolean moved(Map<String, Long> loadedAt, Set<String> tables) {
        Map<String, Long> now = known;
        for (String table : tables) {
            if (!java.util.Objects.equals(now.get(table), loadedAt.get(table))) {
                return true;
            }
        }
        return false;
    }

    private void revalidateIfDue() {
        if (checkedOnce && ticker.read() - lastCheckNanos < stalenessNanos) {
            return;
        }
        synchronized (checkLock) {
            long startedAt = ticker.read();
            if (checkedOnce && startedAt - lastCheckNanos < stalenessNanos) {
                return;
            }
            known = stamps.current();
            lastCheckNanos = startedAt;
            checkedOnce = true;
        }
    }

    /** Which report, with its arguments. */
    private record Key(String report, List<Object> arguments) {}

    /** A cached value and the change stamps known when its load began. */
    private record Stamped(Map<String, Long> stamps, Object value) {}
}
