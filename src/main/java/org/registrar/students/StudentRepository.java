package org.registrar.students;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Keyset pages of students (never OFFSET) and their count or estimate. Every method blocks on the database: never
 * call it on the FX thread. Thread-safe.
 */
public final class StudentRepository {
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

    /** Every class in name order, from the name index alone (V75: the id rides in cohorts_name_key). */
    static final String CLASS_CHOICES = "SELECT id, name FROM cohorts ORDER BY name";

    /**
     * The classes whose folded name starts with :typed, first :counted in folded-name order (a range of V78's index
     * read alone), then the first :shown of them with how many there were. The range's upper end is the prefix
     * followed by the last code point: in the C collation (byte order) every longer name with the prefix sorts
     * below it.
     */
    public static final String CLASSES_STARTING_WITH = "SELECT id, name, count(*) OVER () AS matched FROM ("
            + "SELECT id, name, registrar_fold(name) COLLATE \"C\" AS folded FROM cohorts"
            + " WHERE registrar_fold(name) COLLATE \"C\" >= (registrar_fold(CAST(:typed AS text)) COLLATE \"C\")"
            + " AND registrar_fold(name) COLLATE \"C\""
            + " < ((registrar_fold(CAST(:typed AS text)) || chr(1114111)) COLLATE \"C\")"
            + " ORDER BY registrar_fold(name) COLLATE \"C\", id LIMIT :counted) matching"
            + " ORDER BY folded, id LIMIT :shown";

    private final Jdbi jdbi;

    public StudentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Reads one page: one statement, plus one EXPLAIN when {@code withCount} and more than
     * {@link StudentQuery#EXACT_COUNT_LIMIT} filtered rows match. Blocking.
     *
     * @param withCount also count the matches (exactly up to 10,000, else "about N"); for FIRST, LAST and FROM only
     */
    public StudentPage page(
            StudentOrder order, StudentFilter filter, PageRequest request, int size, boolean withCount) {
        return jdbi.withHandle(handle -> switch (request.kind()) {
            case FIRST -> fromEnd(handle, order, filter, size, withCount, true);
            case LAST -> fromEnd(handle, order, filter, size, withCount, false);
            case AFTER -> after(handle, order, filter, request.key(), size, false, false);
            case FROM -> after(handle, order, filter, request.key(), size, true, withCount);
            case BEFORE -> before(handle, order, filter, request.key(), size);
            case AT_NAME -> atName(handle, order, filter, request.namePrefix(), size);
            case AT_PAGE -> atPage(handle, order, filter, request.pageNumber(), size);
        });
    }

    private StudentPage fromEnd(
            Handle handle, StudentOrder order, StudentFilter filter, int size, boolean withCount, boolean forward) {
        StudentQuery query = new StudentQuery(order, filter);
        String sql = query.page("", forward, withCount, size + 1);
        Fetched fetched = fetch(handle, sql, query, order, withCount);
        boolean more = fetched.rows.size() > size;
        List<StudentRow> rows = trim(fetched.rows, size, !forward);
        RowCount count = withCount ? count(handle, filter, fetched) : null;
        long number = forward ? 1 : lastPageNumber(count, size);
        return new StudentPage(rows, forward ? false : more, forward ? more : false, number, count);
    }

    private StudentPage after(
            Handle handle,
            StudentOrder order,
            StudentFilter filter,
            PageKey key,
            int size,
            boolean inclusive,
            boolean withCount) {
        StudentQuery query = new StudentQuery(order, filter);
        String sql =
                query.page(query.keysetCondition(key, true, inclusive, filter.isEmpty()), true, withCount, size + 1);
        Fetched fetched = fetch(handle, sql, query, order, withCount);
        if (inclusive && fetched.rows.isEmpty()) {
            return fromEnd(handle, order, filter, size, withCount, false);
        }
        RowCount count = withCount ? count(handle, filter, fetched) : null;
        return new StudentPage(trim(fetched.rows, size, false), true, fetched.rows.size() > size, 0, count);
    }

    /**
     * How many rows of the filtered view sort before {@code key}: a count over the sort index only, as costly as a
     * jump to a page at that depth (the position of a page reached by name). Blocking.
     */
    public long rowsBefore(StudentOrder order, StudentFilter filter, PageKey key) {
        StudentQuery query = new StudentQuery(order, filter);
        String sql = "SELECT count(*)" + query.countFrom() + " WHERE true" + query.filterConditions()
                + query.keysetCondition(key, false, false);
        return jdbi.withHandle(handle -> handle.createQuery(sql)
                .bindMap(query.parameters())
                .mapTo(Long.class)
                .one());
    }

    private StudentPage before(Handle handle, StudentOrder order, StudentFilter filter, PageKey key, int size) {
        StudentQuery query = new StudentQuery(order, filter);
        String sql = query.page(query.keysetCondition(key, false, false, filter.isEmpty()), false, false, size + 1);
        List<StudentRow> fetched = fetch(handle, sql, query, order, false).rows;
        if (fetched.size() < size) {
            // fewer rows than a page before this one: the first page is what the user expects to see
            return fromEnd(handle, order, filter, size, false, true);
        }
        return new StudentPage(trim(fetched, size, true), fetched.size() > size, true, 0, null);
    }

    private StudentPage atName(Handle handle, StudentOrder order, StudentFilter filter, String prefix, int size) {
        StudentQuery query = new StudentQuery(order, filter);
        query.parameters().put("prefix", prefix == null ? "" : prefix.strip());
        String firstKey = order.sort().keys().get(0).expression();
        String sql = query.page(
                " AND " + firstKey + (order.ascending() ? " >= " : " <= ") + "registrar_fold(CAST(:prefix AS text))",
                true,
                false,
                size + 1);
        List<StudentRow> fetched = fetch(handle, sql, query, order, false).rows;
        if (fetched.isEmpty()) {
            return fromEnd(handle, order, filter, size, false, false);
        }
        return new StudentPage(trim(fetched, size, false), true, fetched.size() > size, 0, null);
    }

    private StudentPage atPage(Handle handle, StudentOrder order, StudentFilter filter, long number, int size) {
        long page = Math.max(1, number);
        StudentQuery query = new StudentQuery(order, filter);
        String anchor = query.anchorCte((page - 1) * size);
        // the marked jump (every student, default order) keeps a generic plan with the limit written in (ADR 0063)
        boolean marked = filter.isEmpty() && order.equals(StudentOrder.DEFAULT);
        String sql = anchor + query.page(query.anchorCondition(), true, false, size + 1, marked);
        List<StudentRow> fetched = fetch(handle, sql, query, order, false).rows;
        if (fetched.isEmpty()) {
            return fromEnd(handle, order, filter, size, false, false);
        }
        return new StudentPage(trim(fetched, size, false), page > 1, fetched.size() > size, page, null);
    }

    /**
     * One filter list by name, unless its table's change stamp (V2) is still {@code knownStamp}: one statement for the
     * stamp, and a second for the list when it moved (or {@code knownStamp} is null). Each list is read in the order
     * of a unique index (class names are unique, mentors end in their id), so nothing is sorted. The stamp is read
     * first: a write committed between the two makes the next opening read the list again, never miss it. Blocking.
     */
    public ChoicesRead choices(FilterList list, Long knownStamp) {
        return jdbi.withHandle(handle -> {
            long stamp = handle.createQuery("SELECT stamp FROM change_stamps WHERE table_name = :table")
                    .bind("table", list.table())
                    .mapTo(Long.class)
                    .one();
            if (knownStamp != null && knownStamp == stamp) {
                return new ChoicesRead(stamp, false, List.of());
            }
            String sql = switch (list) {
                case COHORTS -> CLASS_CHOICES;
                case MENTORS ->
                    "SELECT id, family_name || ', ' || given_name AS name FROM mentors"
                            + " ORDER BY family_name, given_name, id";
            };
            List<Choice> choices = handle.createQuery(sql)
                    .map((rs, ctx) -> new Choice(rs.getLong("id"), rs.getString("name")))
                    .list();
            return new ChoicesRead(stamp, true, choices);
        });
    }

    /**
     * The first {@code shown} classes whose name starts with {@code typed} (folded: case and accents do not matter),
     * in folded-name order, and how many match, counted up to {@code counted}: one range walk of the folded-name
     * index (V78), never the whole list. The cohorts change stamp is read first, and the classes only when it moved
     * from {@code knownStamp} (or that is null), as {@link #choices} does. Blocking.
     */
    public ClassesRead classesStartingWith(String typed, int shown, int counted, Long knownStamp) {
        return jdbi.withHandle(handle -> {
            long stamp = handle.createQuery("SELECT stamp FROM change_stamps WHERE table_name = :table")
                    .bind("table", FilterList.COHORTS.table())
                    .mapTo(Long.class)
                    .one();
            if (knownStamp != null && knownStamp == stamp) {
                return new ClassesRead(stamp, false, ClassMatches.NONE);
            }
            long[] matched = {0};
            List<Choice> choices = handle.createQuery(CLASSES_STARTING_WITH)
                    .bind("typed", typed == null ? "" : typed.strip())
                    .bind("counted", counted)
                    .bind("shown", shown)
                    .map((rs, ctx) -> {
                        matched[0] = rs.getLong("matched");
                        return new Choice(rs.getLong("id"), rs.getString("name"));
                    })
                    .list();
            return new ClassesRead(stamp, true, new ClassMatches(choices, matched[0], matched[0] >= counted));
        });
    }

    /** The cohorts change stamp and, when {@code changed}, the classes matching a typed prefix. Immutable. */
    public record ClassesRead(long stamp, boolean changed, ClassMatches matches) {}

    /** A filter list's change stamp and, when {@code changed}, the list read after it. Immutable. */
    public record ChoicesRead(long stamp, boolean changed, List<Choice> choices) {
        public ChoicesRead {
            choices = List.copyOf(choices);
        }
    }

    private static Fetched fetch(Handle handle, String sql, StudentQuery query, StudentOrder order, boolean withCount) {
        Fetched fetched = new Fetched();
        handle.createQuery(sql).bindMap(query.parameters()).scanResultSet((supplier, context) -> {
            try (ResultSet results = supplier.get()) {
                while (results.next()) {
                    fetched.rows.add(StudentRows.map(results, order.sort()));
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

    private RowCount count(Handle handle, StudentFilter filter, Fetched fetched) {
        if (fetched.rows.isEmpty()) {
            return new RowCount(0, true);
        }
        if (filter.isEmpty() || fetched.cappedCount <= StudentQuery.EXACT_COUNT_LIMIT) {
            return new RowCount(fetched.cappedCount, true);
        }
        return new RowCount(Math.max(estimate(handle, filter), fetched.cappedCount), false);
    }

    /** The planner's row estimate for the filtered table (one EXPLAIN, nothing is read). */
    private static long estimate(Handle handle, StudentFilter filter) {
        StudentQuery query = new StudentQuery(StudentOrder.DEFAULT, filter);
        String sql = "EXPLAIN (FORMAT JSON) SELECT 1" + query.countFrom() + " WHERE true" + query.filterConditions();
        String plan = handle.createQuery(sql)
                .bindMap(query.parameters())
                .mapTo(String.class)
                .one();
        return planRows(plan);
    }

    /** The top plan node's "Plan Rows" (the first in the JSON). */
    static long planRows(String planJson) {
        Matcher matcher = PLAN_ROWS.matcher(planJson);
        if (!matcher.find()) {
            throw new IllegalStateException("No row estimate in the plan: " + planJson);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static long lastPageNumber(RowCount count, int size) {
        return count != null && count.exact() ? Math.max(1, (count.value() + size - 1) / size) : 0;
    }

    /** Rows read by one statement and, when asked, the count columns. */
    private static final class Fetched {
        final List<StudentRow> rows = new ArrayList<>();
        long cappedCount;
    }

    /** Maps a page row; the key columns are read with the types of the order's keys. */
    static final class StudentRows {
        private StudentRows() {}

        static StudentRow map(ResultSet results, StudentSort sort) throws SQLException {
            List<Object> key = new ArrayList<>();
            for (int i = 0; i < sort.keys().size(); i++) {
                key.add(results.getObject("key_" + i, sort.keys().get(i).type()));
            }
            return new StudentRow(
                    results.getLong("id"),
                    results.getString("student_number"),
                    results.getString("family_name"),
                    results.getString("given_name"),
                    results.getObject("cohort_id", Long.class),
                    results.getString("cohort_name"),
                    results.getObject("mentor_id", Long.class),
                    results.getString("mentor_name"),
                    results.getString("status"),
                    results.getString("email"),
                    results.getObject("updated_at", java.time.OffsetDateTime.class),
                    results.getInt("version"),
                    new PageKey(key));
        }
    }
}
