package org.registrar.metrics;

/**
 * A cache's statistics as the health panel reads them, independent of the cache library. Implementations are
 * thread-safe and cheap to call (in-memory counters only).
 */
public interface CacheMetrics {
    /** Counters since the cache was created; subtract two snapshots for a rate. Immutable. */
    record Snapshot(
            String cache, long hits, long misses, long loads, long evictions, double meanLoadMillis, long entries) {
        public double hitRate() {
            long requests = hits + misses;
            return requests == 0 ? Double.NaN : (double) hits / requests;
        }
    }

    Snapshot snapshot();
}
