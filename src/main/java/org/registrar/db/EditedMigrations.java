package org.registrar.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three migrations that were edited after they were committed (V53, V54, V58, ADR 0032), and the one narrow
 * repair that lets databases which ran an earlier text upgrade: their recorded checksum is set to the shipped
 * file's. Each earlier text below left the same schema once V64 ran (the functions it defined differently are all
 * replaced by V60-V64; the rest were comments), which MigrationUpgradeTest proves for each. Nothing else in the
 * history is touched, never on a database without Registrar's marker; any other mismatch still stops Flyway.
 * Immutable, thread-safe; blocking.
 */
final class EditedMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(EditedMigrations.class);

    /** Registrar's marker: V1__schema.sql as Registrar shipped it (never edited) heads the history. */
    static final int V1_CHECKSUM = 396_313_348;

    /** An applied migration's checksum from an earlier committed text, and the shipped file's. */
    record Edit(String version, String commit, int earlier, int shipped) {}

    /** Frozen: the append-only rule (MigrationChecksumsTest) means no entry is ever added. */
    static final List<Edit> KNOWN = List.of(
            new Edit("53", "497ce70", 632_035_468, -894_535_535),
            new Edit("53", "ca9f018", -318_378_848, -894_535_535),
            new Edit("54", "497ce70", 698_128_289, 2_116_862_290),
            new Edit("58", "e49e1e1", -589_556_239, 1_028_490_291));

    private EditedMigrations() {}

    /**
     * Sets the checksum of each applied migration that ran an earlier text listed in {@link #KNOWN} to the shipped
     * file's, when the history is Registrar's; returns how many rows changed. A login that may not write the history
     * changes nothing here (Flyway then refuses with its checksum mismatch, and the owner login upgrades).
     */
    static int realign(DataSource dataSource, String historyTable) {
        try (Connection connection = dataSource.getConnection()) {
            if (!isRegistrarHistory(connection, historyTable)) {
                return 0;
            }
            int changed = 0;
            for (Edit edit : applied(connection, historyTable)) {
                changed += realign(connection, historyTable, edit);
            }
            return changed;
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                return 0;
            }
            throw new IllegalStateException("Could not read the schema history: " + e.getMessage(), e);
        }
    }

    /** The known edits {@link #realign} would correct on this database, read without writing. */
    static List<Edit> toRealign(DataSource dataSource, String historyTable) {
        try (Connection connection = dataSource.getConnection()) {
            return isRegistrarHistory(connection, historyTable) ? applied(connection, historyTable) : List.of();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the schema history: " + e.getMessage(), e);
        }
    }

    /** The known edits whose earlier text this history recorded; read first, so most starts write nothing. */
    private static List<Edit> applied(Connection connection, String historyTable) throws SQLException {
        List<Edit> found = new ArrayList<>();
        String sql = "SELECT version, checksum FROM " + historyTable + " WHERE success AND type = 'SQL'"
                + " AND version IN ('53', '54', '58')";
        try (PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String version = rows.getString(1);
                int checksum = rows.getInt(2);
                KNOWN.stream()
                        .filter(edit -> edit.version().equals(version) && edit.earlier() == checksum)
                        .forEach(found::add);
            }
        }
        return found;
    }

    private static int realign(Connection connection, String historyTable, Edit edit) throws SQLException {
        String sql = "UPDATE " + historyTable + " SET checksum = ? WHERE version = ? AND checksum = ? AND success"
                + " AND type = 'SQL'";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setInt(1, edit.shipped());
            update.setString(2, edit.version());
            update.setInt(3, edit.earlier());
            int rows = update.executeUpdate();
            LOG.warn(
                    "Schema history: V{} was applied from its text of commit {} (checksum {}), edited later without"
                            + " changing the final schema; recorded checksum set to the shipped file's ({})."
                            + " See docs/decisions/0032-migration-baseline.md.",
                    edit.version(),
                    edit.commit(),
                    edit.earlier(),
                    edit.shipped());
            return rows;
        }
    }

    private static boolean isRegistrarHistory(Connection connection, String historyTable) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, historyTable);
            try (ResultSet result = exists.executeQuery()) {
                if (!result.next() || !result.getBoolean(1)) {
                    return false;
                }
            }
        }
        String sql = "SELECT EXISTS (SELECT FROM " + historyTable
                + " WHERE version = '1' AND script = 'V1__schema.sql' AND checksum = ? AND success)";
        try (PreparedStatement marker = connection.prepareStatement(sql)) {
            marker.setInt(1, V1_CHECKSUM);
            try (ResultSet result = marker.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
