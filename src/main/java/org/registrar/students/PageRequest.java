package org.registrar.students;

/**
 * Which page to read. Keyset positions only: after or before a row's key, from either end, at a name prefix, or
 * at a page number (found by skipping keys in the sort index). Immutable.
 */
public record PageRequest(Kind kind, PageKey key, String namePrefix, long pageNumber) {
    /** The kinds of page requests. */
    public enum Kind {
        FIRST,
        LAST,
        AFTER,
        BEFORE,
        AT_NAME,
        AT_PAGE,
        /** From a row's key, that row included: the same page read again. */
        FROM
    }

    public static PageRequest first() {
        return new PageRequest(Kind.FIRST, null, null, 1);
    }

    public static PageRequest last() {
        return new PageRequest(Kind.LAST, null, null, 0);
    }

    public static PageRequest after(PageKey key) {
        return new PageRequest(Kind.AFTER, key, null, 0);
    }

    public static PageRequest before(PageKey key) {
        return new PageRequest(Kind.BEFORE, key, null, 0);
    }

    /** The first row whose name (under NAME or GIVEN_NAME ascending) starts at or after {@code prefix}. */
    public static PageRequest atName(String prefix) {
        return new PageRequest(Kind.AT_NAME, null, prefix, 0);
    }

    /** The page starting at the row with {@code key} (inclusive): to show the current page's changes. */
    public static PageRequest from(PageKey key) {
        return new PageRequest(Kind.FROM, key, null, 0);
    }

    /** Page {@code number} (1-based). */
    public static PageRequest atPage(long number) {
        return new PageRequest(Kind.AT_PAGE, null, null, number);
    }
}
