package org.registrar.students;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Reads the pages of one {@link StudentRepository#page} call on its connection: keyset positions, the fallbacks to
 * an end when a position has no rows, and the count. The class and mentor names come from {@code names} when it is
 * given (ADR 0066); when it is null, or a row's class or mentor is not in it, the statement joins them. Not
 * thread-safe: one per call.
 */
final class PageReader {
    private final Handle handle;
    private final StudentOrder order;
    private final StudentFilter filter;
    private final NameDirectory directory;
    private RowNames names;

    PageReader(Handle handle, StudentOrder order, StudentFilter filter, NameDirectory directory, RowNames names) {
        this.handle = handle;
        this.order = order;
        this.filter = filter;
        this.directory = directory;
        this.names = names;
    }

    StudentPage fromEnd(int size, boolean withCount, boolean forward) {
        Fetched fetched = fetch(withCount, query -> query.page("", forward, withCount, size + 1));
        boolean more = fetched.rows.size() > size;
        List<StudentRow> rows = trim(fetched.rows, size, !forward);
        RowCount count = withCount ? count(fetched) : null;
        long number = forward ? 1 : lastPageNumber(count, size);
        return new StudentPage(rows, forward ? false : more, forward ? more : false, number, count);
    }

    StudentPage after(PageKey key, int size, boolean inclusive, boolean withCount) {
        Fetched fetched = fetch(
                withCount,
                query -> query.page(
                        query.keysetCondition(key, true, inclusive, filter.isEmpty()), true, withCount, size + 1));
        if (inclusive && fetched.rows.isEmpty()) {
            return fromEnd(size, withCount, false);
        }
        RowCount count = withCount ? count(fetched) : null;
        return new StudentPage(trim(fetched.rows, size, false), true, fetched.rows.size() > size, 0, count);
    }

    StudentPage before(PageKey key, int size) {
        List<StudentRow> fetched = fetch(
                        false,
                        query -> query.page(
                                query.keysetCondition(key, false, false, filter.isEmpty()), false, false, size + 1))
                .rows;
        if (fetched.size() < size) {
            // fewer rows than a page before this one: the first page is what the user expects to see
            return fromEnd(size, false, true);
        }
        return new StudentPage(trim(fetched, size, true), fetched.size() > size, true, 0, null);
    }

    StudentPage atName(String prefix, int size) {
        String firstKey = order.sort().keys().get(0).expression();
        List<StudentRow> fetched = fetch(false, query -> {
                    query.parameters().put("prefix", prefix == null ? "" : prefix.strip());
                    return query.page(
                            " AND " + firstKey + (order.ascending() ? " >= " : " <= ")
                                    + "registrar_fold(CAST(:prefix AS text))",
                            true,
                            false,
                            size + 1);
                })
                .rows;
        if (fetched.isEmpty()) {
            return fromEnd(size, false, false);
        }
        return new StudentPage(trim(fetched, size, false), true, fetched.size() > size, 0, null);
    }

    StudentPage atPage(long number, int size) {
        long page = Math.max(1, number);
        // the marked jump (every student, default order) keeps a generic plan with the limit written in (ADR 0063)
        boolean marked = filter.isEmpty() && order.equals(StudentOrder.DEFAULT);
        List<StudentRow> fetched = fetch(
                        false,
                        query -> query.anchorCte((page - 1) * size)
                                + query.page(query.anchorCondition(), true, false, size + 1, marked))
                .rows;
        if (fetched.isEmpty()) {
            return fromEnd(size, false, false);
        }
        return new StudentPage(trim(fetched, size, false), page > 1, fetched.size() > size, page, null);
    }

    /**
     * Runs the statement {@code statement} builds: with ids only when the names are known, else (or when a row's
     * class or mentor is not in them: added since they were read) with the names joined. The directory is read again
     * at its next use when it missed a row's name or named one otherwise than the joined page.
     */
    private Fetched fetch(boolean withCount, Function<StudentQuery, String> statement) {
        if (names != null) {
            Fetched fetched = run(withCount, statement, names);
            if (!fetched.unknownName) {
                return fetched;
            }
            directory.forget();
            names = null;
        }
        Fetched fetched = run(withCount, statement, null);
        RowNames held = directory.lastRead();
        if (held != null && fetched.rows.stream().anyMatch(row -> namedOtherwise(held, row))) {
            directory.forget();
        }
        return fetched;
    }

    /** Whether {@code held} has this row's class or mentor under another name than the row (joined) shows. */
    private static boolean namedOtherwise(RowNames held, StudentRow row) {
        return (held.classes().knows(row.cohortId())
                        && !Objects.equals(held.classes().name(row.cohortId()), row.cohortName()))
                || (held.mentors().knows(row.mentorId())
                        && !Objects.equals(held.mentors().name(row.mentorId()), row.mentorName()));
    }

    private Fetched run(boolean withCount, Function<StudentQuery, String> statement, RowNames known) {
        StudentQuery query = new StudentQuery(order, filter, known == null);
        String sql = statement.apply(query);
        Fetched fetched = new Fetched();
        handle.createQuery(sql).bindMap(query.parameters()).scanResultSet((supplier, context) -> {
            try (ResultSet results = supplier.get()) {
                while (results.next()) {
                    StudentRow row = known == null
                            ? StudentRepository.StudentRows.map(results, order.sort())
                            : StudentRepository.StudentRows.map(results, order.sort(), known);
                    if (row == null) {
                        fetched.unknownName = true;
                        return null;
                    }
                    fetched.rows.add(row);
                    if (withCount) {
                        fetched.cappedCount = results.getLong("capped_count");
                    }
                }
            }
            return null;
        });
        return fetched;
    }

    private static List<StudentRow> trim(List<StudentRow> rows, int size, boolean reverse) {
        List<StudentRow> page = new ArrayList<>(rows.subList(0, Math.min(size, rows.size())));
        if (reverse) {
            Collections.reverse(page);
        }
        return page;
    }

    private RowCount count(Fetched fetched) {
        if (fetched.rows.isEmpty()) {
            return new RowCount(0, true);
        }
        if (filter.isEmpty() || fetched.cappedCount <= StudentQuery.EXACT_COUNT_LIMIT) {
            return new RowCount(fetched.cappedCount, true);
        }
        return new RowCount(Math.max(estimate(), fetched.cappedCount), false);
    }

    /** The planner's row estimate for the filtered table (one EXPLAIN, nothing is read). */
    private long estimate() {
        StudentQuery query = new StudentQuery(StudentOrder.DEFAULT, filter);
        String sql = "EXPLAIN (FORMAT JSON) SELECT 1" + query.countFrom() + " WHERE true" + query.filterConditions();
        String plan = handle.createQuery(sql)
                .bindMap(query.parameters())
                .mapTo(String.class)
                .one();
        return StudentRepository.planRows(plan);
    }

    private static long lastPageNumber(RowCount count, int size) {
        return count != null && count.exact() ? Math.max(1, (count.value() + size - 1) / size) : 0;
    }

    /** Rows read by one statement and, when asked, the count columns. */
    private static final class Fetched {
        final List<StudentRow> rows = new ArrayList<>();
        long cappedCount;
        /** A row's class or mentor was not in the names: the rows are incomplete, read them again joined. */
        boolean unknownName;
    }
}
