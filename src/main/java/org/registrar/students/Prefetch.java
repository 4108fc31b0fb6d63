package org.registrar.students;

/**
 * A page read ahead: the key it follows and what it was read for, so a stale one is never shown; {@code page} is
 * null until it arrived. Immutable.
 */
record Prefetch(PageKey after, StudentOrder order, StudentFilter filter, int size, StudentPage page) {
    /** Whether this is the page after {@code key} under the given order, filter and page size. */
    boolean answers(PageKey key, StudentOrder currentOrder, StudentFilter currentFilter, int currentSize) {
        return after.equals(key) && order.equals(currentOrder) && filter.equals(currentFilter) && size == currentSize;
    }

    Prefetch with(StudentPage loaded) {
        return new Prefetch(after, order, filter, size, loaded);
    }
}
