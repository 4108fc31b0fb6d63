package org.registrar.bench;

import java.util.List;
import java.util.function.IntFunction;
import org.registrar.db.Database;

/**
 * What a scenario may use: the app's database (one pool of 2, QueryMetrics attached), a way to open more
 * independent pools (simulated desktops, each with its own QueryMetrics), and the size of the demo data.
 *
 * @param openDatabase opens a new pool of the given size on the same server; the scenario closes it
 * @param jdbcUrl the server's URL, for baselines that must not use the app's pool (the old platform's replay)
 * @param saveSizes rows per save for the bulk-save scenario; empty for its own sizes
 * @param serverStatements counts what the server ran per case (see {@link Measure})
 */
public record BenchContext(
        Database database,
        IntFunction<Database> openDatabase,
        int students,
        int repetitions,
        String jdbcUrl,
        String user,
        String password,
        List<Integer> saveSizes,
        ServerStatements serverStatements) {}
