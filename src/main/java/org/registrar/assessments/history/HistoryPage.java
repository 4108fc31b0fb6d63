package org.registrar.assessments.history;

import java.util.List;

/** One page of history, newest first; {@code more} when older entries follow. Immutable. */
public record HistoryPage(List<HistoryEntry> entries, boolean more) {

    /** The cursor for the next page, or null when this page is empty. */
    public HistoryCursor next() {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1).cursor();
    }
}
