package org.registrar.mentors;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.registrar.cache.CacheSettings;
import org.registrar.cache.ChangeStamps;
import org.registrar.cache.StampedCache;
import org.registrar.metrics.CacheMetrics;

/**
 * The mentors list, each mentor's roster pages and the count of students without a mentor, cached in a
 * {@link StampedCache} (Caffeine: expiry after write, size bound, statistics) in front of {@link MentorRepository}.
 *
 * <p>Freshness: this desktop's writes go through here and drop exactly the entries they affect at once. Other
 * desktops' writes (and results saved anywhere) are found through {@link ChangeStamps}: when the cache is read and
 * the last check is older than the staleness setting, one tiny query reads each watched table's stamp; an entry is
 * reloaded on its next read when a table its statement reads from ({@link DirectoryKey.Kind#readsFrom()}) has
 * another stamp than when the entry was loaded. So a results save reloads rosters (they show the latest result) but
 * not the mentors list. No connection is held while idle, and it works through PgBouncer in transaction mode.
 * Caveat: this desktop's own writes move the stamps too, so after a local write the other cached entries that read
 * the written table are reloaded once at the next check.
 *
 * <p>Concurrent reads of one key load once (Caffeine computes each key once; other readers wait for it). Every
 * read and write may block on the database: never call from the FX thread. Thread-safe.
 */
public final class MentorDirectory implements CacheMetrics {
    static final String NAME = "Mentors";

    /** The cache's size bound unless {@code -Dregistrar.mentors.maxEntries} says otherwise. */
    public static final long DEFAULT_MAXIMUM_ENTRIES = 2_000;

    private final MentorRepository repository;
    private final StampedCache<DirectoryKey> cache;

    public MentorDirectory(MentorRepository repository, ChangeStamps stamps, CacheSettings settings) {
        this(repository, stamps, settings, Ticker.systemTicker());
    }

    MentorDirectory(MentorRepository repository, ChangeStamps stamps, CacheSettings settings, Ticker ticker) {
        this.repository = repository;
        this.cache = new StampedCache<>(NAME, stamps, settings, ticker);
    }

    /** The settings of {@code -Dregistrar.mentors.expiry}, {@code .staleness} and {@code .maxEntries}. */
    public static CacheSettings settingsFromSystemProperties() {
        return CacheSettings.fromSystemProperties("mentors", DEFAULT_MAXIMUM_ENTRIES);
    }

    /** Every mentor with counts and cohorts, sorted by name. Blocking. */
    public List<Mentor> mentors() {
        return read(DirectoryKey.mentors());
    }

    /**
     * The ids of the mentors with a student in the class named {@code cohortName} (any case), looked up by the
     * server's index and cached like the list. Blocking.
     */
    public Set<Long> mentorsInCohort(String cohortName) {
        return read(DirectoryKey.mentorsInCohort(cohortName.strip().toUpperCase(Locale.ROOT)));
    }

    /** A page of one mentor's students; {@code after} null for the first page. Blocking. */
    public RosterPage roster(long mentorId, PageKey after) {
        return read(DirectoryKey.roster(mentorId, after));
    }

    /** How many students have no mentor. Blocking. */
    public long countWithoutMentor() {
        return read(DirectoryKey.withoutMentor());
    }

    /** Students to pick for assigning (not cached: every search differs). Blocking. */
    public RosterPage candidates(String query, boolean withoutMentorOnly, PageKey after) {
        return repository.candidates(query, withoutMentorOnly, after, MentorRepository.PAGE_SIZE);
    }

    /** The students' current mentors, read fresh (not cached: asked just before a move). Blocking. */
    public List<CurrentMentor> currentMentors(Collection<Long> studentIds) {
        return repository.currentMentors(studentIds);
    }

    /** Assigns the students to the mentor in one statement and drops the affected entries. Blocking. */
    public AssignmentChange assign(Collection<Long> studentIds, long mentorId, UUID batch) {
        AssignmentChange change = repository.assign(studentIds, mentorId, batch);
        dropAfterAssignments(change, true);
        return change;
    }

    /** Removes the students' mentor in one statement and drops the affected entries. Blocking. */
    public AssignmentChange unassign(Collection<Long> studentIds, UUID batch) {
        AssignmentChange change = repository.unassign(studentIds, batch);
        dropAfterAssignments(change, true);
        return change;
    }

    /** Moves all of one mentor's students to another in one statement. Blocking. */
    public AssignmentChange moveAll(long fromMentor, long toMentor, UUID batch) {
        AssignmentChange change = repository.moveAll(fromMentor, toMentor, batch);
        dropAfterAssignments(change, false);
        return change;
    }

    /** Renames a mentor; the list and that mentor's roster (it names the mentor) are dropped. Blocking. */
    public boolean rename(long mentorId, String familyName, String givenName) {
        boolean renamed = repository.rename(mentorId, familyName, givenName);
        drop(key -> key.kind() == DirectoryKey.Kind.MENTORS || key.isRosterOf(mentorId));
        return renamed;
    }

    /** Activates or deactivates a mentor; the list is dropped. Blocking. */
    public boolean setActive(long mentorId, boolean active) {
        boolean changed = repository.setActive(mentorId, active);
        drop(key -> key.kind() == DirectoryKey.Kind.MENTORS);
        return changed;
    }

    /** Empties the cache (statistics are kept). */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    @Override
    public Snapshot snapshot() {
        return cache.snapshot();
    }

    private void dropAfterAssignments(AssignmentChange change, boolean countChanged) {
        drop(key -> switch (key.kind()) {
            case MENTORS, MENTORS_IN_COHORT -> true;
            case WITHOUT_MENTOR -> countChanged;
            case ROSTER -> change.affectedMentors().contains(key.mentorId());
        });
    }

    private void drop(Predicate<DirectoryKey> affected) {
        cache.drop(affected);
    }

    @SuppressWarnings("unchecked")
    private <T> T read(DirectoryKey key) {
        return (T) cache.get(key, key.kind().readsFrom(), () -> load(key));
    }

    private Object load(DirectoryKey key) {
        return switch (key.kind()) {
            case MENTORS -> repository.mentors();
            case ROSTER -> repository.roster(key.mentorId(), key.after(), MentorRepository.PAGE_SIZE);
            case WITHOUT_MENTOR -> repository.countWithoutMentor();
            case MENTORS_IN_COHORT -> repository.mentorsInCohort(key.cohort());
        };
    }
}
