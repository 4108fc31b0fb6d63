package org.registrar.bench;

import java.util.List;
import java.util.function.Supplier;
import org.registrar.db.Database;
import org.registrar.students.FilterList;
import org.registrar.students.PageKey;
import org.registrar.students.PageRequest;
import org.registrar.students.StudentFilter;
import org.registrar.students.StudentOrder;
import org.registrar.students.StudentPage;
import org.registrar.students.StudentRepository;
import org.registrar.students.StudentsViewModel;
import org.registrar.tasks.Tasks;

/**
 * The Students screen's page reads on the demo database: first, next, previous, last and jump-to-name by keyset;
 * pages at depth 1, 100 and 19,999 by keyset beside the same pages by OFFSET; jump to a page number; statements
 * per page view from QueryMetrics. Page size 50, sort by name.
 */
public final class StudentsBench implements BenchScenario {
    static final int SIZE = 50;
    /** Depths of the keyset pages and of the students-only floor beside them. */
    static final List<Long> FLOOR_DEPTHS = List.of(1L, 100L, 19_999L);

    @Override
    public String name() {
        return "students";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        Database database = context.database();
        vacuum(database);
        StudentRepository repository = new StudentRepository(database.jdbi());
        OffsetPages offsets = new OffsetPages(database.jdbi());
        Timer timer = timer(context);
        BenchResult result = timer.result();
        int repetitions = timer.repetitions();
        StudentOrder order = StudentOrder.DEFAULT;
        StudentFilter all = StudentFilter.NONE;
        StudentPage first = repository.page(order, all, PageRequest.first(), SIZE, false);
        StudentPage second = repository.page(order, all, PageRequest.after(first.lastKey()), SIZE, false);
        long lastDepth = Math.max(1, (context.students() + SIZE - 1) / SIZE);

        firstPageWithCount(timer, repository);
        timer.time("first page", 1, "keyset", () -> repository.page(order, all, PageRequest.first(), SIZE, false));
        timer.time(
                "next page",
                2,
                "keyset",
                () -> repository.page(order, all, PageRequest.after(first.lastKey()), SIZE, false));
        timer.time(
                "previous page",
                1,
                "keyset",
                () -> repository.page(order, all, PageRequest.before(second.firstKey()), SIZE, false));
        timer.time(
                "last page", lastDepth, "keyset", () -> repository.page(order, all, PageRequest.last(), SIZE, false));
        timer.time(
                "jump to name 'Mü'",
                0,
                "keyset",
                () -> repository.page(order, all, PageRequest.atName("Mü"), SIZE, false));
        StudentPage atName = repository.page(order, all, PageRequest.atName("Mü"), SIZE, false);
        timer.time(
                "page number after jump to 'Mü'",
                0,
                "index count",
                () -> repository.rowsBefore(order, all, atName.firstKey()));
        for (long depth : FLOOR_DEPTHS) {
            if ((depth - 1) * SIZE >= context.students()) {
                continue;
            }
            keysetPage(timer, repository, offsets, depth);
            timer.time("page", depth, "OFFSET", () -> offsets.page((depth - 1) * SIZE, SIZE));
        }
        for (long depth : FLOOR_DEPTHS) {
            if ((depth - 1) * SIZE < context.students()) {
                floorPage(timer, database, offsets, depth);
            }
        }
        filterLists(timer, database, repository);
        for (long depth : List.of(100L, 10_000L, 19_999L)) {
            if ((depth - 1) * SIZE < context.students()) {
                timer.time(
                        "jump to page number",
                        depth,
                        "index skip",
                        () -> repository.page(order, all, PageRequest.atPage(depth), SIZE, false));
            }
        }
        StudentFilter active = new StudentFilter(null, null, "active", null, false);
        timer.time(
                "first page + count, status = active",
                1,
                "keyset",
                () -> repository.page(order, active, PageRequest.first(), SIZE, true));
        StudentFilter search = new StudentFilter("mü", null, null, null, false);
        timer.time(
                "first page + count, search 'mü'",
                1,
                "keyset",
                () -> repository.page(order, search, PageRequest.first(), SIZE, true));
        return result.note("Page size " + SIZE + ", sort by name (search_key, id), " + context.students()
                        + " students, " + repetitions + " repetitions each, loopback to the embedded server. Time is"
                        + " request to mapped rows (the repository call the ViewModel makes off the FX thread)."
                        + " Floor: the same rows from students alone (no class, assignment or mentor), same server."
                        + " Counts, of one more untimed run of each case: statements and round trips from QueryMetrics,"
                        + " server statements from the server.")
                .note("Server (SHOW): " + DurableServer.shown(database.jdbi()) + "; "
                        + context.serverStatements().describe() + ".");
    }

    /** A timer of this scenario's cases, adding their rows to a new table of the scenario's columns. */
    static Timer timer(BenchContext context) {
        BenchResult table = new BenchResult(
                "students",
                "operation",
                "depth",
                "method",
                "median_ms",
                "p95_ms",
                "statements",
                "round_trips",
                "server_statements");
        return new Timer(Measure.of(context), repetitions(context), table);
    }

    /** Repetitions of each case: at least 20. */
    static int repetitions(BenchContext context) {
        return Math.max(20, context.repetitions() * 2);
    }

    /**
     * What autovacuum does within a minute of the load: sets the visibility map (so key-only scans stay in the index)
     * and the statistics.
     */
    static void vacuum(Database database) {
        database.jdbi().useHandle(handle -> handle.execute("VACUUM (ANALYZE) students"));
    }

    /** The first page with its count, as the screen opens. */
    static Measure.Figures firstPageWithCount(Timer timer, StudentRepository repository) throws Exception {
        return timer.time(
                "first page + count",
                1,
                "keyset",
                () -> repository.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.first(), SIZE, true));
    }

    /** The page at {@code depth} (1 = the first) by keyset, after the key OFFSET finds for the page before. */
    static Measure.Figures keysetPage(Timer timer, StudentRepository repository, OffsetPages offsets, long depth)
            throws Exception {
        PageKey before = depth == 1 ? null : offsets.keyAt((depth - 1) * SIZE - 1);
        return timer.time(
                "page",
                depth,
                "keyset",
                () -> repository.page(
                        StudentOrder.DEFAULT,
                        StudentFilter.NONE,
                        before == null ? PageRequest.first() : PageRequest.after(before),
                        SIZE,
                        false));
    }

    /**
     * A jump to page number {@code depth} over every student in the default order, as the pager's "go to page" does:
     * from the nearest name mark (V72) since ADR 0047, before that a walk of the name index from the nearer end.
     */
    static Measure.Figures jumpToPage(Timer timer, StudentRepository repository, long depth) throws Exception {
        return timer.time(
                "jump to page number",
                depth,
                "page number",
                () -> repository.page(
                        StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.atPage(depth), SIZE, false));
    }

    /**
     * What the filter lists cost: opening the screen (the ViewModel's start, inline) reads none of them; each is read
     * when the user first opens it, and an unchanged one costs one read of its change stamp when opened again. Returns
     * the class list's first opening, the larger of the two.
     */
    static Measure.Figures filterLists(Timer timer, Database database, StudentRepository repository)
            throws Exception {
        timer.time("open Students: first page + count + prefetch, no filter list", 1, "screen start", () -> {
            StudentsViewModel model =
                    new StudentsViewModel(Tasks.inline(database.queryMetrics()), repository);
            model.start();
            return model;
        });
        Measure.Figures classes = timer.time(
                "class list, first opened", 0, "stamp + list", () -> repository.choices(FilterList.COHORTS, null));
        timer.time("mentor list, first opened", 0, "stamp + list", () -> repository.choices(FilterList.MENTORS, null));
        long stamp = repository.choices(FilterList.COHORTS, null).stamp();
        timer.time(
                "class list, opened again (unchanged)",
                0,
                "stamp only",
                () -> repository.choices(FilterList.COHORTS, stamp));
        return classes;
    }

    /** The students-only floor in the same run: the page's rows without their class, assignment and mentor. */
    static Measure.Figures floorPage(Timer timer, Database database, OffsetPages offsets, long depth)
            throws Exception {
        PageKey before = depth == 1 ? null : offsets.keyAt((depth - 1) * SIZE - 1);
        String after = before == null ? "" : " WHERE (s.search_key, s.id) > (:key, :id)";
        String sql = "SELECT s.id, s.student_number, s.family_name, s.given_name, s.cohort_id, s.status, s.email,"
                + " s.updated_at, s.version, s.search_key FROM students s" + after
                + " ORDER BY s.search_key, s.id LIMIT " + (SIZE + 1);
        return timer.time("page, students only (floor)", depth, "keyset", () -> database.jdbi()
                .withHandle(handle -> {
                    var query = handle.createQuery(sql);
                    if (before != null) {
                        query.bind("key", (String) before.values().get(0)).bind("id", (Long) before.values().get(1));
                    }
                    return query.mapToMap().list();
                }));
    }

    /** Times one case with {@link Measure} after one untimed run, and adds its row. */
    record Timer(Measure measure, int repetitions, BenchResult result) {
        Measure.Figures time(String operation, long depth, String method, Supplier<?> work) throws Exception {
            work.get();
            Measure.Figures figures = measure.time("Bench " + operation, repetitions, () -> {
                work.get();
            });
            result.row(
                    operation,
                    depth,
                    method,
                    figures.median(),
                    figures.p95(),
                    figures.statements(),
                    figures.roundTrips(),
                    figures.serverStatements());
            return figures;
        }
    }
}
