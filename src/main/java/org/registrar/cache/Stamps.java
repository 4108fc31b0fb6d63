package org.registrar.cache;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.registrar.cache.ChangeStamps.Table;

/** The change stamps of every watched table as read at one moment. Immutable. */
final class Stamps {
    /** Before the first read: differs from every stamp a table can have. */
    static final Stamps UNKNOWN = new Stamps(Map.of());

    private final Map<Table, Long> byTable;

    Stamps(Map<Table, Long> byTable) {
        this.byTable = byTable.isEmpty() ? Map.of() : new EnumMap<>(byTable);
    }

    /** A table's stamp, or {@link Long#MIN_VALUE} when unknown. */
    long of(Table table) {
        return byTable.getOrDefault(table, Long.MIN_VALUE);
    }

    /** Whether any of {@code tables} has another stamp here than in {@code earlier}. */
    boolean movedSince(Stamps earlier, Set<Table> tables) {
        for (Table table : tables) {
            if (of(table) != earlier.of(table)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Stamps stamps && byTable.equals(stamps.byTable);
    }

    @Override
    public int hashCode() {
        return byTable.hashCode();
    }

    @Override
    public String toString() {
        return "Stamps" + byTable;
    }
}
