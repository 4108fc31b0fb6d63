package org.registrar.students;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the page statements from a {@link StudentOrder}, a {@link StudentFilter} and a position. Only constant
 * SQL fragments are concatenated; every user value is a named bind parameter. Not thread-safe: one per statement.
 */
final class StudentQuery {
    /** Counted exactly up to here; beyond, the count is a planner estimate. */
    static final int EXACT_COUNT_LIMIT = 10_000;

    static final String COLUMNS = "s.id, s.student_number, s.family_name, s.given_name, s.cohort_id,"
            + " c.name AS cohort_name, m.id AS mentor_id,"
            + " CASE WHEN m.id IS NULL THEN NULL ELSE m.family_name || ', ' || m.given_name END AS mentor_name,"
            + " s.status, s.email, s.updated_at, s.version";
    static final String JOINS = " LEFT JOIN cohorts c ON c.id = s.cohort_id"
            + " LEFT JOIN mentor_assignments ma ON ma.student_id = s.id"
            + " LEFT JOIN mentors m ON m.id = ma.mentor_id";
    static final String FROM = " FROM students s" + JOINS;
    /**
     * A page's columns when the class and mentor names come from the {@link NameDirectory} (ADR 0066): the ids only,
     * the mentor's from the assignment, the one probe per row left.
     */
    static final String COLUMNS_BY_ID = "s.id, s.student_number, s.family_name, s.given_name, s.cohort_id,"
            + " ma.mentor_id, s.status, s.email, s.updated_at, s.version";

    static final String ASSIGNMENT_JOIN = " LEFT JOIN mentor_assignments ma ON ma.student_id = s.id";

    private final StudentOrder order;
    private final StudentFilter filter;
    private final boolean namesJoined;
    private final Map<String, Object> parameters = new HashMap<>();

    StudentQuery(StudentOrder order, StudentFilter filter) {
        this(order, filter, true);
    }

    /** @param namesJoined a page reads each row's class and mentor names (else ids only: {@link #COLUMNS_BY_ID}) */
    StudentQuery(StudentOrder order, StudentFilter filter, boolean namesJoined) {
        this.order = order;
        this.filter = filter;
        this.namesJoined = namesJoined;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /** Escapes LIKE wildcards so user text matches literally (backslash is PostgreSQL's default LIKE escape). */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The filter's conditions, each starting with " AND ". */
    String filterConditions() {
        List<String> conditions = new ArrayList<>();
        if (filter.search() != null) {
            parameters.put("search", escapeLike(filter.search()));
            conditions.add(
                    filter.searchesNumber()
                            ? "(upper(s.student_number) COLLATE \"C\") LIKE upper(CAST(:search AS text)) || '%'"
                            : "s.search_key LIKE registrar_fold(CAST(:search AS text)) || '%'");
        }
        if (filter.cohortId() != null) {
            parameters.put("cohort", filter.cohortId());
            conditions.add("s.cohort_id = :cohort");
        }
        if (filter.status() != null) {
            parameters.put("status", filter.status());
            conditions.add("s.status = :status");
        }
        if (filter.noMentor()) {
            conditions.add("ma.student_id IS NULL");
        } else if (filter.mentorId() != null) {
            parameters.put("mentor", filter.mentorId());
            conditions.add("ma.mentor_id = :mentor");
        }
        StringBuilder sql = new StringBuilder();
        conditions.forEach(condition -> sql.append(" AND ").append(condition));
        return sql.toString();
    }

    /** " AND (k1, k2) > (:key0, :key1)" (or &lt;, &gt;=, &lt;=): rows strictly after/before, or from the key. */
    String keysetCondition(PageKey key, boolean forward, boolean inclusive) {
        return keysetCondition(key, forward, inclusive, false);
    }

    /**
     * As {@link #keysetCondition(PageKey, boolean, boolean)}; with {@code hiddenKey} each key value is a sub-select,
     * "(SELECT CAST(:key0 AS text))", still an index bound but one the planner cannot see (V75, ADR 0063). A page
     * statement with a visible key was planned again on every view: near the end of the name order the planner
     * expects a row or two after the key, prices that custom plan far below the generic one, and never keeps the
     * generic plan (pg_prepared_statements: 0 generic, 27 custom after 31 views at depth 19,999). Hidden, every key
     * prices alike, so after five views the page is planned no more on that connection (the same plan: nested
     * loops over the sort index).
     */
    String keysetCondition(PageKey key, boolean forward, boolean inclusive, boolean hiddenKey) {
        List<StudentSort.Key> keys = order.sort().keys();
        boolean greater = forward == order.ascending();
        String operator = (greater ? ">" : "<") + (inclusive ? "=" : "");
        StringBuilder left = new StringBuilder();
        StringBuilder right = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            left.append(i == 0 ? "" : ", ").append(keys.get(i).expression());
            right.append(i == 0 ? "" : ", ").append(hiddenKey ? keys.get(i).hiddenValue("key" + i) : ":key" + i);
            parameters.put("key" + i, key.values().get(i));
        }
        return " AND (" + left + ") " + operator + " (" + right + ")";
    }

    /** " ORDER BY k1 ASC, k2 ASC" in the order's direction, or reversed. */
    String orderBy(boolean forward) {
        String direction = forward == order.ascending() ? " ASC" : " DESC";
        StringBuilder sql = new StringBuilder(" ORDER BY ");
        List<StudentSort.Key> keys = order.sort().keys();
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(keys.get(i).expression()).append(direction);
        }
        return sql.toString();
    }

    /**
     * A page statement: the students' own rows are found and cut to the page first, by the sort index alone (with
     * the assignment only when a mentor filter reads it); only then is each page row's assignment looked up, one key
     * probe, and, unless the names come from the {@link NameDirectory} (ADR 0066), its class and mentor, one probe
     * each more. Joined before the cut, the planner could hash a whole table of classes or mentors for every page.
     * {@code conditions} are the position's own, each starting with " AND ".
     *
     * <p>Unfiltered, the limit is written into the statement (a number from the page size, never user text): then
     * PostgreSQL prices the generic plan of the server-prepared statement like the custom ones and keeps it, so a page
     * is planned once per connection instead of on every view (planning the joins cost more than running them at a
     * million students). With {@code LIMIT $n} it guesses 10% of the table, the generic plan looks dear and every
     * execution is planned again. Filtered, the limit stays a parameter on purpose: a generic plan cannot use a
     * search prefix as an index range, so those statements keep their custom plans.
     */
    String page(String conditions, boolean forward, boolean withCount, int limit) {
        return page(conditions, forward, withCount, limit, filter.isEmpty());
    }

    /**
     * As {@link #page(String, boolean, boolean, int)}, with the limit a parameter unless {@code plannedOnce}. A jump
     * to a page number kept the parameter after ADR 0041 (two bench runs with a literal limit there were 2× slower at
     * page 10,000, cause not found); with it every jump was planned again (0 generic plans of 12). Since ADR 0063 a
     * jump over every student in the default order (the name marks) writes the limit too, and keeps its generic plan.
     */
    String page(String conditions, boolean forward, boolean withCount, int limit, boolean plannedOnce) {
        if (!plannedOnce) {
            parameters.put("limit", limit);
        }
        String inner = "SELECT s.id, s.student_number, s.family_name, s.given_name, s.cohort_id, s.status, s.email,"
                + " s.updated_at, s.version" + keyColumns() + countFrom() + " WHERE true" + filterConditions()
                + conditions + orderBy(forward) + " LIMIT " + (plannedOnce ? Integer.toString(limit) : ":limit");
        StringBuilder keys = new StringBuilder();
        StringBuilder outerOrder = new StringBuilder(" ORDER BY ");
        String direction = forward == order.ascending() ? " ASC" : " DESC";
        for (int i = 0; i < order.sort().keys().size(); i++) {
            keys.append(", s.key_").append(i);
            outerOrder.append(i == 0 ? "" : ", ").append("s.key_").append(i).append(direction);
        }
        return "SELECT " + (namesJoined ? COLUMNS : COLUMNS_BY_ID) + keys + (withCount ? countColumns() : "")
                + " FROM (" + inner + ") s" + (namesJoined ? JOINS : ASSIGNMENT_JOIN) + outerOrder;
    }

    /** The key expressions as result columns key_0, key_1, ... */
    String keyColumns() {
        StringBuilder sql = new StringBuilder();
        List<StudentSort.Key> keys = order.sort().keys();
        for (int i = 0; i < keys.size(); i++) {
            sql.append(", ").append(keys.get(i).expression()).append(" AS key_").append(i);
        }
        return sql.toString();
    }

    /** The FROM clause a count or key scan needs: the mentor join only when a mentor filter reads it. */
    String countFrom() {
        boolean mentorJoin = filter.noMentor() || filter.mentorId() != null;
        return " FROM students s" + (mentorJoin ? " LEFT JOIN mentor_assignments ma ON ma.student_id = s.id" : "");
    }

    /**
     * A result column that counts the filtered rows up to {@link #EXACT_COUNT_LIMIT} + 1, evaluated once per
     * statement (an uncorrelated sub-select), not per row. Unfiltered, the count of students the database maintains
     * (V65) instead: one row read, exact, nothing counted.
     */
    String countColumns() {
        if (filter.isEmpty()) {
            return ", (SELECT row_count FROM row_counts WHERE table_name = 'students') AS capped_count";
        }
        return ", (SELECT count(*) FROM (SELECT 1" + countFrom() + " WHERE true" + filterConditions() + " LIMIT "
                + (EXACT_COUNT_LIMIT + 1) + ") capped) AS capped_count";
    }

    /**
     * The anchor of a jump over every student in the default order (V72, ADR 0047): the name mark whose students
     * hold the position (its position is the sum of the marks' counts before it, about 1,000 rows at a million
     * students), then a key-only walk of the name index from that mark over the rest, fewer than ~2,000 entries
     * whatever the depth. No count, no walk from either end. The marks are summed in order only up to that mark and
     * the first one past the position ends the read (ADR 0063): before, every mark was summed and the ones before
     * the position sorted backwards to find the last (0.45 of 1.1 ms at the middle page, server time).
     */
    static final String MARKED_ANCHOR = "WITH mark AS MATERIALIZED (SELECT search_key, student_id, upto - students"
            + " AS before FROM (SELECT search_key, student_id, students, sum(students) OVER (ORDER BY search_key,"
            + " student_id) AS upto FROM student_name_marks) marks WHERE upto > CAST(:skip AS bigint)"
            + " ORDER BY search_key, student_id LIMIT 1),"
            + " anchor AS MATERIALIZED (SELECT s.search_key AS a0, s.id AS a1 FROM students s"
            + " WHERE (s.search_key, s.id) >= ((SELECT search_key FROM mark), (SELECT student_id FROM mark))"
            + " ORDER BY s.search_key, s.id OFFSET CAST(:skip AS bigint) - (SELECT before FROM mark) LIMIT 1) ";

    /**
     * The key of the page's first row, from a key-only walk of the sort index: it skips {@code skip} entries from
     * the start; for every student in another order (the count is maintained, V65) from whichever end is nearer, so
     * the deepest pages cost what the first ones do and no jump walks more than half the index; for every student in
     * the default order from the nearest name mark ({@link #MARKED_ANCHOR}). Used as the start of the page:
     * "(k1, k2) >= ((SELECT a0 FROM anchor), (SELECT a1 FROM anchor))".
     */
    String anchorCte(long skip) {
        parameters.put("skip", skip);
        if (filter.isEmpty() && order.equals(StudentOrder.DEFAULT)) {
            // every student in the default order: from the nearest name mark (V72), never a long walk
            return MARKED_ANCHOR;
        }
        StringBuilder select = new StringBuilder("SELECT ");
        List<StudentSort.Key> keys = order.sort().keys();
        for (int i = 0; i < keys.size(); i++) {
            select.append(i == 0 ? "" : ", ")
                    .append(keys.get(i).expression())
                    .append(" AS a")
                    .append(i);
        }
        String walk = select + countFrom() + " WHERE true" + filterConditions();
        if (!filter.isEmpty()) {
            return "WITH anchor AS MATERIALIZED (" + walk + orderBy(true) + " OFFSET :skip LIMIT 1) ";
        }
        // each branch's condition names no column: checked once, so only the nearer end's walk runs
        String total = "(SELECT row_count FROM row_counts WHERE table_name = 'students')";
        String skipped = "CAST(:skip AS bigint)";
        return "WITH anchor AS MATERIALIZED ((" + walk + " AND " + skipped + " * 2 <= " + total + orderBy(true)
                + " OFFSET :skip LIMIT 1) UNION ALL (" + walk + " AND " + skipped + " * 2 > " + total + " AND "
                + skipped + " < " + total + orderBy(false) + " OFFSET " + total + " - " + skipped + " - 1 LIMIT 1)) ";
    }

    String anchorCondition() {
        List<StudentSort.Key> keys = order.sort().keys();
        StringBuilder left = new StringBuilder();
        StringBuilder right = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            left.append(i == 0 ? "" : ", ").append(keys.get(i).expression());
            right.append(i == 0 ? "" : ", ").append("(SELECT a").append(i).append(" FROM anchor)");
        }
        return " AND (" + left + ") " + (order.ascending() ? ">=" : "<=") + " (" + right + ")";
    }
}
