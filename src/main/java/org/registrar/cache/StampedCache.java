package org.registrar.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.registrar.cache.ChangeStamps.Table;
import org.registrar.metrics.CacheMetrics;

/**
 * A Caffeine cache (expiry after write, size bound, statistics) kept correct across desktops by the change stamps
 * (ADR 0053, 0056): when the cache is read and the last check is older than the staleness setting, one tiny query
 * reads each watched table's stamp; an entry is loaded again on its next read when a table it reads from has another
 * stamp than when its load began. So an entry whose tables did not change costs no statement while the stamps are
 * fresh, and a write on any desktop shows within the staleness. No connection is held while idle.
 *
 * <p>Concurrent reads of one key load once (Caffeine computes each key once; other readers wait for it). A read may
 * block on the database: never call from the FX thread. Thread-safe.
 *
 * @param <K> the key: an immutable value with equals and hashCode
 */
public final class StampedCache<K> implements CacheMetrics {
    private final String name;
    private final ChangeStamps stamps;
    private final Ticker ticker;
    private final long stalenessNanos;
    private final Cache<K, Stamped> cache;
    private final Object checkLock = new Object();
    private volatile Stamps known = Stamps.UNKNOWN;
    private volatile long lastCheckNanos;
    private volatile boolean checkedOnce;

    /**
     * @param name the cache's name on the health panel
     * @param ticker the clock of expiry and staleness ({@link Ticker#systemTicker()} but in tests)
     */
    public StampedCache(String name, ChangeStamps stamps, CacheSettings settings, Ticker ticker) {
        this.name = name;
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

    /**
     * The value cached for {@code key}, loaded by {@code loader} when absent, expired, or when one of the tables
     * {@code readsFrom} has moved since it was loaded. Blocking.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(K key, Set<Table> readsFrom, Supplier<T> loader) {
        revalidateIfDue();
        Stamped entry = cache.get(key, unused -> load(loader));
        if (known.movedSince(entry.stamps(), readsFrom)) {
            cache.asMap().remove(key, entry);
            entry = cache.get(key, unused -> load(loader));
        }
        return (T) entry.value();
    }

    /** Drops the entries whose key is {@code affected} (after this desktop's own write). */
    public void drop(Predicate<K> affected) {
        cache.invalidateAll(cache.asMap().keySet().stream().filter(affected).toList());
    }

    /** Empties the cache (statistics are kept). */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    @Override
    public Snapshot snapshot() {
        CacheStats stats = cache.stats();
        return new Snapshot(
                name,
                stats.hitCount(),
                stats.missCount(),
                stats.loadCount(),
                stats.evictionCount(),
                stats.averageLoadPenalty() / 1_000_000.0,
                cache.estimatedSize());
    }

    private Stamped load(Supplier<?> loader) {
        Stamps loadedAt = known;
        return new Stamped(loader.get(), loadedAt);
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

    /** A cached value and the change stamps known when its load began. */
    private record Stamped(Object value, Stamps stamps) {}
}
