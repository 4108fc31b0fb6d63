package org.registrar.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * What the server actually ran for an operation, read from {@code pg_stat_statements} with {@code track = all}: the
 * statements the client sent (with the BEGIN pgjdbc sends before the first; PostgreSQL 17's pg_stat_statements does not
 * record the COMMIT of {@code Connection.commit()}, which the round trips count) and every statement run inside them by
 * functions and triggers (nested), each call counted (a row trigger's statement once per row). QueryMetrics counts
 * what the client sends; this counts what the server ran. The counter is server-wide: count only while nothing else
 * runs on the server (the bench's cases run one at a time). Needs the library preloaded ({@link #SETTINGS}); on a
 * server without it every count is {@link Count#UNKNOWN} and {@link #describe()} says why. Blocking; thread-safe.
 */
final class ServerStatements {
    /** The settings the bench's embedded server starts with (pg_stat_statements.max: no entry evicted in a run). */
    static final Map<String, String> SETTINGS = Map.of(
            "shared_preload_libraries", "pg_stat_statements",
            "pg_stat_statements.track", "all",
            "pg_stat_statements.track_utility", "on",
            "pg_stat_statements.max", "20000");
    /** The extension's own schema, so the app's schema holds nothing it did not create. */
    static final String SCHEMA = "bench_stats";

    /** Statements the server ran: sent by the client (top level) and run inside them (nested); null when unknown. */
    record Count(Long topLevel, Long nested) {
        static final Count UNKNOWN = new Count(null, null);

        boolean known() {
            return topLevel != null;
        }

        /** Every statement the server ran; null when unknown. */
        Long total() {
            return known() ? topLevel + nested : null;
        }

        /** "9 (2 sent, 7 in functions and triggers)", or "not counted". */
        String describe() {
            return known()
                    ? total() + " (" + topLevel + " sent, " + nested + " in functions and triggers)"
                    : "not counted";
        }
    }

    /** The counters at one moment: per statement and nesting, its calls and text; how many entries were evicted. */
    record Snapshot(Map<String, Calls> calls, long evicted) {}

    /** One statement's calls so far, its normalised text, and whether the client sent it (top level). */
    record Calls(long calls, String query, boolean topLevel) {}

    private final Jdbi server;
    private final String unavailable;

    private ServerStatements(Jdbi server, String unavailable) {
        this.server = server;
        this.unavailable = unavailable;
    }

    /** A counter for a run with no bench server (the start scenario runs the app's own): counts nothing. */
    static ServerStatements none() {
        return new ServerStatements(null, "no bench server in this run");
    }

    /**
     * Counts on {@code server} (a superuser's pool: it creates the extension) when the library is preloaded with
     * {@code track = all}; otherwise a counter that counts nothing and says why.
     */
    static ServerStatements on(Jdbi server) {
        try {
            String preloaded = setting(server, "shared_preload_libraries");
            if (!List.of(preloaded.split("\\s*,\\s*")).contains("pg_stat_statements")) {
                return new ServerStatements(
                        server, "pg_stat_statements is not in shared_preload_libraries ('" + preloaded + "')");
            }
            server.useHandle(handle -> {
                handle.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
                handle.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA " + SCHEMA);
            });
            String track = setting(server, "pg_stat_statements.track");
            return "all".equals(track)
                    ? new ServerStatements(server, null)
                    : new ServerStatements(server, "pg_stat_statements.track is '" + track + "', not 'all'");
        } catch (RuntimeException e) {
            // a configured server's login may not read the setting or create the extension: then say so
            return new ServerStatements(server, "pg_stat_statements cannot be used here: " + e.getMessage());
        }
    }

    private static String setting(Jdbi server, String name) {
        return server.withHandle(handle -> handle.createQuery("SELECT current_setting(:name)")
                .bind("name", name)
                .mapTo(String.class)
                .one());
    }

    boolean available() {
        return unavailable == null;
    }

    /** "pg_stat_statements, track = all", or why nothing is counted: for the bench's notes. */
    String describe() {
        return available()
                ? "server statements from pg_stat_statements (track = all: statements run by functions and triggers"
                        + " counted too, a row trigger's once per row; BEGIN counted, the driver's COMMIT not recorded"
                        + " by pg_stat_statements, counted in the round trips)"
                : "server statements not counted: " + unavailable;
    }

    /** The counters now; empty when not available. Its own read is not among them (it is recorded after it ends). */
    Snapshot snapshot() {
        if (!available()) {
            return new Snapshot(Map.of(), 0);
        }
        return server.withHandle(handle -> {
            Map<String, Calls> calls = new HashMap<>();
            handle.createQuery("SELECT queryid::text || '/' || toplevel::text AS entry, calls, query, toplevel FROM "
                            + SCHEMA + ".pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'")
                    .map((rows, context) -> Map.entry(
                            rows.getString("entry"),
                            new Calls(rows.getLong("calls"), rows.getString("query"), rows.getBoolean("toplevel"))))
                    .forEach(entry -> calls.merge(
                            entry.getKey(),
                            entry.getValue(),
                            (one, other) -> new Calls(one.calls() + other.calls(), one.query(), one.topLevel())));
            long evicted = handle.createQuery("SELECT dealloc FROM " + SCHEMA + ".pg_stat_statements_info")
                    .mapTo(Long.class)
                    .one();
            return new Snapshot(calls, evicted);
        });
    }

    /** What ran between two snapshots; unknown when not available or when an entry was evicted in between. */
    Count between(Snapshot before, Snapshot after) {
        if (!available() || before.evicted() != after.evicted()) {
            return Count.UNKNOWN;
        }
        long topLevel = 0;
        long nested = 0;
        for (Calls ran : ran(before, after)) {
            if (ran.topLevel()) {
                topLevel += ran.calls();
            } else {
                nested += ran.calls();
            }
        }
        return new Count(topLevel, nested);
    }

    /** Each statement that ran between two snapshots, with how many times: to say what a count is made of. */
    List<Calls> ran(Snapshot before, Snapshot after) {
        return after.calls().entrySet().stream()
                .map(entry -> {
                    Calls earlier = before.calls().get(entry.getKey());
                    Calls now = entry.getValue();
                    return new Calls(
                            now.calls() - (earlier == null ? 0 : earlier.calls()), now.query(), now.topLevel());
                })
                .filter(calls -> calls.calls() > 0)
                .sorted(java.util.Comparator.comparing(Calls::topLevel)
                        .reversed()
                        .thenComparing(Calls::calls, java.util.Comparator.reverseOrder()))
                .toList();
    }
}
