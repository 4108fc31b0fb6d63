package org.registrar.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A start's schema check without Flyway when there is nothing for it to do or to find wrong: the history holds
 * exactly the migrations this app ships (the baseline and the V files after it, or the whole V chain for a database
 * that predates the baseline), each applied successfully from an unchanged script (same file name, the checksum
 * Flyway computes). Flyway's class-path scan, validation and its own reads of the history took seconds of every
 * start. Anything else (no history, a migration pending, failed, newer, edited, or a row of another kind) is left to
 * Flyway, which decides as always. Thread-safe (stateless); blocking.
 */
final class ShippedSchema {
    private static final Set<String> KINDS = Set.of("SQL", "SQL_BASELINE", "SCHEMA");

    private ShippedSchema() {}

    /** The schema version when the history is exactly as shipped; otherwise empty. One connection, two queries. */
    static Optional<String> appliedAsShipped(DataSource dataSource) {
        Map<String, Integer> applied = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet table = statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
                if (!table.next() || !table.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT script, checksum, success, type FROM flyway_schema_history ORDER BY installed_rank")) {
                while (rows.next()) {
                    if (!rows.getBoolean("success") || !KINDS.contains(rows.getString("type"))) {
                        return Optional.empty();
                    }
                    if (!"SCHEMA".equals(rows.getString("type"))) {
                        applied.put(rows.getString("script"), rows.getInt("checksum"));
                    }
                }
            }
        } catch (SQLException e) {
            return Optional.empty(); // Flyway reports what is wrong, in its own words
        }
        return expected(applied).equals(applied) ? Optional.of(MigrationFiles.latestVersion()) : Optional.empty();
    }

    /** What the history would hold had Flyway applied every shipped migration, by script, with its checksum. */
    private static Map<String, Integer> expected(Map<String, Integer> applied) {
        Optional<String> baseline = applied.keySet().stream()
                .filter(script -> script.startsWith("B"))
                .findFirst();
        String from = baseline.flatMap(MigrationFiles::versionOf).orElse("0");
        return MigrationFiles.names().stream()
                .filter(name -> MigrationFiles.versionOf(name).isPresent())
                .filter(name -> baseline.map(name::equals).orElse(false)
                        || (name.startsWith("V")
                                && MigrationFiles.compareVersions(
                                                MigrationFiles.versionOf(name).get(), from)
                                        > 0))
                .collect(Collectors.toMap(name -> name, MigrationFiles::checksum, (a, b) -> a, TreeMap::new));
    }
}
