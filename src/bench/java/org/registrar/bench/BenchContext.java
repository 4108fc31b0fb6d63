package org.registrar.bench;

import java.util.List;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
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
        ServerStatements serverStatements) {

    /**
     * A data source on the same server outside every pool, for what measures rather than works (the load run's
     * observer, the demo's template database): a connection from it is the caller's for as long as it likes.
     *
     * @param database the database to connect to; null for the URL's
     */
    DataSource plainDataSource(String database, String applicationName) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        if (database != null) {
            dataSource.setDatabaseName(database);
        }
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setApplicationName(applicationName);
        return dataSource;
    }
}
