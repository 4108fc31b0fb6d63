package org.registrar.bench;

import java.util.List;
import java.util.function.Supplier;
import org.registrar.db.Database;
import org.registrar.metrics.OperationScope;
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

    @Override
    public String name() {
        return "students";
    }

    @Override
    public BenchResult run(BenchContext context) {
        Database database = context.database();
        // what autovacuum does within a minute of the load: sets the visibility map, so key-only scans stay in the
        // index
        database.jdbi().useHandle(handle -> handle.execute("VACUUM (ANALYZE) students"));
        StudentRepository repository = new StudentRepository(database.jdbi());
        OffsetPages offsets = new OffsetPages(database.jdbi());
        BenchResult result =
                new BenchResult(name(), "operation", "depth", "method", "median_ms", "p95_ms", "statements");
        int repetitions = Math.max(20, context.repetitions() * 2);
        Timer timer = new Timer(database, repetitions, result);
        StudentOrder order = StudentOrder.DEFAULT;
        StudentFilter all = StudentFilter.NONE;
        StudentPage first = repository.page(order, all, PageRequest.first(), SIZE, false);
        StudentPage second = repository.page(order, all, PageRequest.after(first.lastKey()), SIZE, false);
        long lastDepth = Math.max(1, (context.students() + SIZE - 1) / SIZE);

        timer.time(
                "first page + count", 1, "keyset", () -> repository.page(order, all, PageRequest.first(), SIZE, true));
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
        for (long depth : List.of(1L, 100L, 19_999L)) {
            if ((depth - 1) * SIZE >= context.students()) {
                continue;
            }
            PageKey before = depth == 1 ? null : offsets.keyAt((depth - 1) * SIZE - 1);
            timer.time(
                    "page",
                    depth,
                    "keyset",
                    () -> repository.page(
                            order, all, before == null ? PageRequest.first() : PageRequest.after(before), SIZE, false));
            timer.time("page", depth, "OFFSET", () -> offsets.page((depth - 1) * SIZE, SIZE));
        }
        floors(timer, database, offsets, context.students());
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
                        + " Floor: the same rows from students alone (no class, assignment or mentor), same server.")
                .note("Server (SHOW): " + DurableServer.shown(database.jdbi()) + ".");
    }

    /**
     * What the filter lists cost: opening the screen (the ViewModel's start, inline) reads none of them; each is read
     * when the user first opens it, and an unchanged one costs one read of its change stamp when opened again.
     */
    private static void filterLists(Timer timer, Database database, StudentRepository repository) {
        timer.time("open Students: first page + count + prefetch, no filter list", 1, "screen start", () -> {
            StudentsViewModel model =
                    new StudentsViewModel(Tasks.inline(database.queryMetrics()), repository);
            model.start();
            return model;
        });
        timer.time("class list, first opened", 0, "stamp + list", () -> repository.choices(FilterList.COHORTS, null));
        timer.time("mentor list, first opened", 0, "stamp + list", () -> repository.choices(FilterList.MENTORS, null));
        long stamp = repository.choices(FilterList.COHORTS, null).stamp();
        timer.time(
                "class list, opened again (unchanged)",
                0,
                "stamp only",
                () -> repository.choices(FilterList.COHORTS, stamp));
    }

    /** The students-only floor in the same run: the page's rows without their class, assignment and mentor. */
    private static void floors(
            Timer timer,
            Database database,
            OffsetPages offsets,
            int students) {
        for (long depth : List.of(1L, 19_999L)) {
            if ((depth - 1) * SIZE >= students) {
                continue;
            }
            PageKey before = depth == 1 ? null : offsets.keyAt((depth - 1) * SIZE - 1);
            String after = before == null ? "" : " WHERE (s.search_key, s.id) > (:key, :id)";
            String sql = "SELECT s.id, s.student_number, s.family_name, s.given_name, s.cohort_id, s.status, s.email,"
                    + " s.updated_at, s.version, s.search_key FROM students s" + after
                    + " ORDER BY s.search_key, s.id LIMIT " + (SIZE + 1);
            timer.time("page, students only (floor)", depth, "keyset", () -> database.jdbi()
                    .withHandle(handle -> {
                        var query = handle.createQuery(sql);
                        if (before != null) {
                            query.bind("key", (String) before.values().get(0))
                                    .bind("id", (Long) before.values().get(1));
                        }
                        return query.mapToMap().list();
                    }));
        }
    }

    /** Times one case: median, p95 and the statements of its last run as counted by QueryMetrics. */
    private record Timer(Database database, int repetitions, BenchResult result) {
        void time(String operation, long depth, String method, Supplier<?> work) {
            work.get();
            double[] millis = new double[repetitions];
            int statements = 0;
            for (int i = 0; i < repetitions; i++) {
                long start = System.nanoTime();
                try (OperationScope scope = database.queryMetrics().begin("Bench " + operation)) {
                    work.get();
                    millis[i] = Measurements.since(start);
                    scope.close();
                    statements = scope.summary().statements();
                }
            }
            result.row(
                    operation,
                    depth,
                    method,
                    Measurements.median(millis),
                    Measurements.percentile(millis, 95),
                    statements);
        }
    }
}
