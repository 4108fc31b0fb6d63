package org.registrar.bench;

import java.util.List;
import java.util.function.Supplier;
import org.registrar.db.Database;
import org.registrar.students.ClassMatches;
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
            keysetAndFloor(timer, database, repository, offsets, depth);
            timer.time("page", depth, "OFFSET", () -> offsets.page((depth - 1) * SIZE, SIZE));
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
     * and the statistics, of students and of the tables a page and the filter lists read beside it (classes, mentors,
     * assignments: ADR 0063; before, only students was vacuumed, so the class list's index-only scan would have
     * depended on whether autovacuum had come by yet).
     */
    static void vacuum(Database database) {
        database.jdbi()
                .useHandle(handle -> handle.execute("VACUUM (ANALYZE) students, cohorts, mentors, mentor_assignments"));
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
    static Supplier<StudentPage> keysetPage(StudentRepository repository, OffsetPages offsets, long depth) {
        PageKey before = depth == 1 ? null : offsets.keyAt((depth - 1) * SIZE - 1);
        return () -> repository.page(
                StudentOrder.DEFAULT,
                StudentFilter.NONE,
                before == null ? PageRequest.first() : PageRequest.after(before),
                SIZE,
                false);
    }

    /**
     * The keyset page at {@code depth} and its students-only floor, timed in turns ({@link Timer#inTurns}). Before
     * ADR 0063 the page was timed all its repetitions and then the floor all of its, so whichever ran first met a
     * colder client and server. Returns both figures, the page's first.
     */
    static Measure.Figures[] keysetAndFloor(
            Timer timer, Database database, StudentRepository repository, OffsetPages offsets, long depth)
            throws Exception {
        return timer.inTurns(
                new Case("page", depth, "keyset", keysetPage(repository, offsets, depth)),
                new Case("page, students only (floor)", depth, "keyset", floorPage(database, offsets, depth)));
    }

    /**
     * A jump to page number {@code depth} over every student in the default order, as the pager's "go to page" does:
     * from the nearest name mark (V72) since ADR 0047, before that a walk of the name index from the nearer end.
     */
    static Supplier<StudentPage> jumpToPage(StudentRepository repository, long depth) {
        return () -> repository.page(
                StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.atPage(depth), SIZE, false);
    }

    /** The jump to page {@code depth} and the same page by keyset from the key before it, timed in turns. */
    static Measure.Figures[] jumpAndKeyset(
            Timer timer, StudentRepository repository, OffsetPages offsets, long depth) throws Exception {
        return timer.inTurns(
                new Case("jump to page number", depth, "page number", jumpToPage(repository, depth)),
                new Case("page", depth, "keyset", keysetPage(repository, offsets, depth)));
    }

    /** The prefix timed as typed into the class filter: one of the demo's 78 grade-and-letter groups (~458 at 1M). */
    static final String TYPED_CLASS = "7b";

    /** The typed prefix's class query as the reference bench shows its plan at this size: EXPLAIN ANALYZE, BUFFERS. */
    static String classPlan(Database database) {
        List<String> lines = database.jdbi().withHandle(handle -> handle.createQuery(
                        "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) "
                                + StudentRepository.CLASSES_STARTING_WITH)
                .bind("typed", TYPED_CLASS)
                .bind("counted", ClassMatches.COUNTED)
                .bind("shown", ClassMatches.SHOWN)
                .mapTo(String.class)
                .list());
        return lines.stream()
                .map(String::strip)
                .filter(line -> line.contains("Scan") || line.startsWith("Heap Fetches") || line.startsWith("Buffers")
                        || line.startsWith("Execution Time") || line.startsWith("Sort"))
                .distinct()
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /**
     * What the filter choices cost: opening the screen (the ViewModel's start, inline) reads none of them. The class
     * filter, first opened, reads the first 100 classes and counts the matches to 1,000 (ADR 0069), as does each
     * prefix typed; a prefix typed again costs the change stamp while the classes are unchanged. The mentor list and
     * the former whole class list are read as one list each. Returns the class filter's first opening and the typed
     * prefix, in that order.
     */
    static Measure.Figures[] filterLists(Timer timer, Database database, StudentRepository repository)
            throws Exception {
        timer.time("open Students: first page + count + prefetch, no filter list", 1, "screen start", () -> {
            StudentsViewModel model =
                    new StudentsViewModel(Tasks.inline(database.queryMetrics()), repository);
            model.start();
            return model;
        });
        // what the class filter does now (ADR 0069): the first 100 classes for what was typed and how many more
        Measure.Figures classes = timer.time(
                "class filter, first opened (nothing typed)",
                0,
                "stamp + first 100 + count to 1,000",
                () -> repository.classesStartingWith("", ClassMatches.SHOWN, ClassMatches.COUNTED, null));
        Measure.Figures typed = timer.time(
                "class filter, '" + TYPED_CLASS + "' typed",
                0,
                "stamp + first 100 + count to 1,000",
                () -> repository.classesStartingWith(TYPED_CLASS, ClassMatches.SHOWN, ClassMatches.COUNTED, null));
        long typedStamp = repository.classesStartingWith(TYPED_CLASS, ClassMatches.SHOWN, ClassMatches.COUNTED, null)
                .stamp();
        timer.time(
                "class filter, '" + TYPED_CLASS + "' typed again (unchanged)",
                0,
                "stamp only",
                () -> repository.classesStartingWith(
                        TYPED_CLASS, ClassMatches.SHOWN, ClassMatches.COUNTED, typedStamp));
        timer.time(
                "every class as one list (the filter before ADR 0069)",
                0,
                "stamp + list",
                () -> repository.choices(FilterList.COHORTS, null));
        timer.time("mentor list, first opened", 0, "stamp + list", () -> repository.choices(FilterList.MENTORS, null));
        return new Measure.Figures[] {classes, typed};
    }

    /** The students-only floor in the same run: the page's rows without their class, assignment and mentor. */
    static Supplier<?> floorPage(Database database, OffsetPages offsets, long depth) {
        PageKey before = depth == 1 ? null : offsets.keyAt((depth - 1) * SIZE - 1);
        String after = before == null ? "" : " WHERE (s.search_key, s.id) > (:key, :id)";
        String sql = "SELECT s.id, s.student_number, s.family_name, s.given_name, s.cohort_id, s.status, s.email,"
                + " s.updated_at, s.version, s.search_key FROM students s" + after
                + " ORDER BY s.search_key, s.id LIMIT " + (SIZE + 1);
        return () -> database.jdbi().withHandle(handle -> {
            var query = handle.createQuery(sql);
            if (before != null) {
                query.bind("key", (String) before.values().get(0)).bind("id", (Long) before.values().get(1));
            }
            return query.mapToMap().list();
        });
    }

    /** One case of the table: its row's operation, depth and method, and the work timed. */
    record Case(String operation, long depth, String method, Supplier<?> work) {}

    /** Times one case with {@link Measure} after one untimed run, and adds its row. */
    record Timer(Measure measure, int repetitions, BenchResult result) {
        /** Untimed runs of each of two cases timed in turns: pgjdbc prepares a statement on the server at its 5th. */
        static final int WARM_UP = 6;

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

        /**
         * Times two cases that are compared with each other in turns: both warmed alike ({@link #WARM_UP} untimed
         * runs each, alternating, so pgjdbc has prepared both on the server and the plan cache has settled), then
         * {@code repetitions} timed runs each, alternating which goes first, so neither is measured while the other
         * warms the client or the server for it. Counted like {@link #time}. Adds both rows; returns both figures.
         */
        Measure.Figures[] inTurns(Case one, Case other) {
            for (int i = 0; i < WARM_UP; i++) {
                one.work().get();
                other.work().get();
            }
            double[] first = new double[repetitions];
            double[] second = new double[repetitions];
            for (int i = 0; i < repetitions; i++) {
                if (i % 2 == 0) {
                    first[i] = measure.once("Bench " + one.operation(), one.work()::get);
                    second[i] = measure.once("Bench " + other.operation(), other.work()::get);
                } else {
                    second[i] = measure.once("Bench " + other.operation(), other.work()::get);
                    first[i] = measure.once("Bench " + one.operation(), one.work()::get);
                }
            }
            Measure.Figures[] figures = {
                measure.figures("Bench " + one.operation(), first, one.work()::get),
                measure.figures("Bench " + other.operation(), second, other.work()::get)
            };
            add(one, figures[0]);
            add(other, figures[1]);
            return figures;
        }

        private void add(Case timed, Measure.Figures figures) {
            result.row(
                    timed.operation(),
                    timed.depth(),
                    timed.method(),
                    figures.median(),
                    figures.p95(),
                    figures.statements(),
                    figures.roundTrips(),
                    figures.serverStatements());
        }
    }
}
