package org.registrar.students;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.registrar.cache.CacheSettings;
import org.registrar.cache.ChangeStamps;
import org.registrar.cache.ChangeStamps.Table;
import org.registrar.cache.StampedCache;

/**
 * Every class's and every mentor's name, cached for the Students pages so that their statement joins no class and
 * no mentor per row (ADR 0066). Read in two statements (at a million students 35,715 classes and 7,692 mentors,
 * 20-40 ms on a loaded desktop), and again when the change stamps (ADR 0053) show that classes or mentors were
 * written on any desktop, this one included: checked at most every 10 s unless
 * {@code -Dregistrar.studentNames.staleness} says otherwise, as in the Mentors screen. Sooner when a page that joins
 * the names (one read again, or with a class or mentor added since) finds one named otherwise here: it
 * {@link #forget forgets} them. Blocking; never on the FX thread. Thread-safe.
 */
final class NameDirectory {
    static final String NAME = "Class and mentor names";
    static final String CLASSES = "SELECT id, name FROM cohorts ORDER BY id";
    static final String MENTORS = "SELECT id, family_name || ', ' || given_name AS name FROM mentors ORDER BY id";
    private static final String KEY = "names";
    private static final Set<Table> READS_FROM = EnumSet.of(Table.COHORTS, Table.MENTORS);

    private final Jdbi jdbi;
    private final StampedCache<String> cache;
    /** The names last read, for a joined page to compare with; may be older than the cache's. */
    private volatile RowNames lastRead;

    NameDirectory(Jdbi jdbi) {
        this(jdbi, CacheSettings.fromSystemProperties("studentNames", 1), Ticker.systemTicker());
    }

    NameDirectory(Jdbi jdbi, CacheSettings settings, Ticker ticker) {
        this.jdbi = jdbi;
        this.cache = new StampedCache<>(NAME, new ChangeStamps(jdbi), settings, ticker);
    }

    /** The names, read now when they are not held or classes or mentors changed since. Blocking. */
    RowNames loaded() {
        return cache.get(KEY, READS_FROM, this::read);
    }

    /** The names last read, or null: never reads anything (to compare a joined page with). */
    RowNames lastRead() {
        return lastRead;
    }

    /**
     * Drops the names (a page met a class or mentor they do not have, or named otherwise): the next {@link #loaded}
     * reads them.
     */
    void forget() {
        lastRead = null;
        cache.invalidateAll();
    }

    private RowNames read() {
        RowNames read = jdbi.withHandle(handle -> new RowNames(table(handle, CLASSES), table(handle, MENTORS)));
        lastRead = read;
        return read;
    }

    private static NameTable table(Handle handle, String sql) {
        List<Entry> entries = handle.createQuery(sql)
                .map((rows, context) -> new Entry(rows.getLong("id"), rows.getString("name")))
                .list();
        long[] ids = new long[entries.size()];
        String[] names = new String[entries.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = entries.get(i).id();
            names[i] = entries.get(i).name();
        }
        return new NameTable(ids, names);
    }

    /** One row of a name list. */
    private record Entry(long id, String name) {}
}
