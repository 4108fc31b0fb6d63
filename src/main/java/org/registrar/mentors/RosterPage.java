package org.registrar.mentors;

import java.util.List;

/**
 * One keyset page of students, ordered by name. Immutable.
 *
 * @param next where the following page starts, or null when this is the last page
 */
public record RosterPage(List<RosterEntry> entries, PageKey next) {
    public RosterPage {
        entries = List.copyOf(entries);
    }

    public boolean hasMore() {
        return next != null;
    }
}
