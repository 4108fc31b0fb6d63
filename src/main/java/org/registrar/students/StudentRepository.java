package org.registrar.students;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.registrar.db.ClassPrefix;

/**
 * Keyset pages of students (never OFFSET) and their count or estimate. Every method blocks on the database: never
 * call it on the FX thread. Thread-safe.
 */
public final class StudentRepository {
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

    /** Every class in name order, from the name index alone (V75: the id rides in cohorts_name_key). */
    static final String CLASS_CHOICES = "SELECT id, name FROM cohorts ORDER BY name";

    /** The first classes starting with :typed and how many matched (ADR 0069); shared with the other pickers. */
    public static final String CLASSES_STARTING_WITH = ClassPrefix.FIRST_MATCHES;

    private final Jdbi jdbi;
    private final NameDirectory names;

    public StudentRepository(Jdbi jdbi) {
        this(jdbi, new NameDirectory(jdbi));
    }

    StudentRepository(Jdbi jdbi, NameDirectory names) {
        this.jdbi = jdbi;
        this.names = names;
    }

    /**
     * Reads one page: one statement, plus one EXPLAIN when {@code withCount} and more than
     * {@link StudentQuery#EXACT_COUNT_LIMIT} filtered rows match. Paging on (first, last, next, previous, by name or
     * number) the rows' class and mentor names come from the {@link NameDirectory} (ADR 0066), so the statement
     * probes only each row's assignment; reading the directory adds its statements when it is not held or classes
     * or mentors changed (and a stamp read at most every 10 s). A page read with its count (the screen opening, a
     * new filter, "Refresh") or read again ({@link PageRequest.Kind#FROM}) joins the names as the database holds
     * them now, never waits for the directory, and drops it when it named a row otherwise. Blocking.
     *
     * @param withCount also count the matches (exactly up to 10,000, else "about N"); for FIRST, LAST and FROM only
     */
    public StudentPage page(
            StudentOrder order, StudentFilter filter, PageRequest request, int size, boolean withCount) {
        boolean readAgain = withCount || request.kind() == PageRequest.Kind.FROM;
        // before the page's connection is taken: reading the directory takes one of its own
        RowNames known = readAgain ? null : names.loaded();
        return jdbi.withHandle(handle -> {
            PageReader reader = new PageReader(handle, order, filter, names, known);
            return switch (request.kind()) {
                case FIRST -> reader.fromEnd(size, withCount, true);
                case LAST -> reader.fromEnd(size, withCount, false);
                case AFTER -> reader.after(request.key(), size, false, false);
                case FROM -> reader.after(request.key(), size, true, withCount);
                case BEFORE -> reader.before(request.key(), size);
                case AT_NAME -> reader.atName(request.namePrefix(), size);
                case AT_PAGE -> reader.atPage(request.pageNumber(), size);
            };
        });
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

    /** The top plan node's "Plan Rows" (the first in the JSON). */
    static long planRows(String planJson) {
        Matcher matcher = PLAN_ROWS.matcher(planJson);
        if (!matcher.find()) {
            throw new IllegalStateException("No row estimate in the plan: " + planJson);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Maps a page row; the key columns are read with the types of the order's keys. */
    static final class StudentRows {
        private StudentRows() {}

        /** A row of a statement that joined the class and mentor names ({@link StudentQuery#COLUMNS}). */
        static StudentRow map(ResultSet results, StudentSort sort) throws SQLException {
            return map(results, sort, results.getString("cohort_name"), results.getString("mentor_name"));
        }

        /**
         * A row of a statement that read ids only ({@link StudentQuery#COLUMNS_BY_ID}), named from {@code names}; null
         * when its class or mentor is not there.
         */
        static StudentRow map(ResultSet results, StudentSort sort, RowNames names) throws SQLException {
            Long cohortId = results.getObject("cohort_id", Long.class);
            Long mentorId = results.getObject("mentor_id", Long.class);
            if (!names.knows(cohortId, mentorId)) {
                return null;
            }
            return map(
                    results,
                    sort,
                    names.classes().name(cohortId),
                    names.mentors().name(mentorId));
        }

        private static StudentRow map(ResultSet results, StudentSort sort, String cohortName, String mentorName)
                throws SQLException {
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
                    cohortName,
                    results.getObject("mentor_id", Long.class),
                    mentorName,
                    results.getString("status"),
                    results.getString("email"),
                    results.getObject("updated_at", java.time.OffsetDateTime.class),
                    results.getInt("version"),
                    new PageKey(key));
        }
    }
}
