package org.registrar.cache;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the change stamps of the tables the cached views (mentors, reports) are built from: one tiny query over the
 * 6-row table {@code change_stamps}, answering one stamp per table. Triggers bump a table's stamp in every writing
 * statement, visible at commit, so a table's stamp moves exactly when some desktop committed a write to it. Blocking.
 * Thread-safe.
 */
public final class ChangeStamps {
    /** The watched tables, each with a row in {@code change_stamps} (V2, and V57 for results). */
    public enum Table {
        COHORTS,
        STUDENTS,
        MENTORS,
        MENTOR_ASSIGNMENTS,
        ASSESSMENTS,
        ASSESSMENT_RESULTS;

        String tableName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Names from the enum above only (no user text), so the statement needs no parameters. */
    private static final String SQL = "SELECT table_name, stamp FROM change_stamps WHERE table_name IN ("
            + Stream.of(Table.values())
                    .map(table -> "'" + table.tableName() + "'")
                    .collect(Collectors.joining(", "))
            + ")";

    private final Jdbi jdbi;

    public ChangeStamps(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Every watched table's current stamp. Blocking.
     *
     * @throws IllegalStateException when a table has no stamp row (the schema is older than this app)
     */
    Stamps current() {
        Map<Table, Long> read = new EnumMap<>(Table.class);
        jdbi.useHandle(handle -> handle.createQuery(SQL)
                .map((rows, context) -> read.put(
                        Table.valueOf(rows.getString("table_name").toUpperCase(Locale.ROOT)), rows.getLong("stamp")))
                .list());
        for (Table table : Table.values()) {
            if (!read.containsKey(table)) {
                throw new IllegalStateException("change_stamps has no row for " + table.tableName());
            }
        }
        return new Stamps(read);
    }
}
