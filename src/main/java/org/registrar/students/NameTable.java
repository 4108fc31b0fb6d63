package org.registrar.students;

import java.util.Arrays;

/**
 * Names by id, as read at one moment: every class's name or every mentor's "family, given". Two sorted arrays, so
 * 35,000 classes take about what their strings take, and a look-up is a binary search. Immutable.
 */
final class NameTable {
    private final long[] ids;
    private final String[] names;

    /** {@code ids} in ascending order, {@code names} at the same positions. */
    NameTable(long[] ids, String[] names) {
        if (ids.length != names.length) {
            throw new IllegalArgumentException("One name per id");
        }
        for (int i = 1; i < ids.length; i++) {
            if (ids[i - 1] >= ids[i]) {
                throw new IllegalArgumentException("Ids must be ascending and unique");
            }
        }
        this.ids = ids.clone();
        this.names = names.clone();
    }

    /** Whether {@code id} has a name here (a null id needs none). */
    boolean knows(Long id) {
        return id == null || Arrays.binarySearch(ids, id) >= 0;
    }

    /** The name of {@code id}; null for a null id or one not in the table. */
    String name(Long id) {
        if (id == null) {
            return null;
        }
        int at = Arrays.binarySearch(ids, id);
        return at < 0 ? null : names[at];
    }

    int size() {
        return ids.length;
    }
}
