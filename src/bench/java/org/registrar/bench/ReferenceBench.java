package org.registrar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.registrar.db.Database;
import org.registrar.mentors.MentorDirectory;
import org.registrar.students.StudentRepository;

/**
 * Issue 16's "How it must perform" list, every row in one run on one loaded server, each beside its floor measured
 * in the same run: the saves of 100 new results against a COPY of the same rows into assessment_results, the updates
 * of 100 and 10,000 against one set-based UPDATE of the same rows with every trigger (ADR 0042), the cold mentors
 * list and count without a mentor, the Students screen's filter lists, first page and keyset pages at depths 1, 100
 * and 19,999 against the students-only page at the same depth, and a jump to the middle page number against the same
 * page by keyset. The cases are the other scenarios' own ({@link
 * BulkSaveBench}, {@link SeedTableBench}, {@link MentorsBench}, {@link StudentsBench}). With {@code --runs N} every
 * run gets a fresh server and {@link #combine} takes each row's median over the runs.
 */
public final class ReferenceBench implements BenchScenario {
    /** The columns of one run's table (the JSON of each run): limit and limit_of let {@link #combine} judge the bar. */
    static final String[] COLUMNS = {
        "row",
        "measured_ms",
        "floor_ms",
        "ratio",
        "bar",
        "limit",
        "limit_of",
        "met",
        "statements",
        "round_trips",
        "server_statements",
        "load_average"
    };

    /** The class the saves write to: as large as the largest save. */
    static final int SAVE_CLASS = 10_000;

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        Database database = context.database();
        Measure measure = Measure.of(context);
        int repetitions = context.repetitions();
        int fewer = Math.max(3, repetitions / 3);
        BenchResult result = new BenchResult(name(), COLUMNS);

        BulkSaveFixture fixture = BulkSaveFixture.create(database, SAVE_CLASS);
        try {
            BulkSaveBench.warmUp(database, fixture);
            // the floor and both saves take turns (ScreenSaveBench.newResultsInTurns): each ratio is taken under the
            // same moments of the run, not against a block of COPYs timed before the saves
            Measure.Figures[] newResults = ScreenSaveBench.newResultsInTurns(measure, fixture, 100, repetitions);
            Measure.Figures copy100 = newResults[0];
            String copyFloor = "COPY of the same rows into assessment_results, timed in turns with the saves";
            Row.ratio(
                            "save 100 new results (ResultsRepository.save, assessment made before)",
                            newResults[1],
                            copy100,
                            2.0,
                            copyFloor)
                    .addTo(result);
            Row.ratio(
                            "the screen's Save of 100 new results creating the assessment (SaveResults, after the last edit's journal)",
                            newResults[2],
                            copy100,
                            2.0,
                            copyFloor)
                    .addTo(result);
            String updateFloor = "one set-based UPDATE of the same rows, every trigger firing (ADR 0042)";
            BulkSaveBench.Updates update100 = BulkSaveBench.updates(measure, fixture, 100, repetitions);
            Row.ratio("update 100 results", update100.save(), update100.floor(), 2.0, updateFloor)
                    .addTo(result);
            BulkSaveBench.Updates update10k = BulkSaveBench.updates(measure, fixture, SAVE_CLASS, fewer);
            Row.ratio("update 10,000 results", update10k.save(), update10k.floor(), 1.5, updateFloor)
                    .addTo(result);
            // after the rows, so their cases run as before; the parts' saves only add to the class's assessments
            double[] parts = ScreenSaveBench.parts(measure, fixture, 100, repetitions);
            result.note(String.format(
                    "The screen's Save of 100 new results in parts, four ways taking turns, %d each (medians, ms): the"
                            + " Save pressed before the last edit's journal is on disk, its draft written beside the"
                            + " save (ADR 0065) %.2f; the draft first,"
                            + " then the save (the path before) %.2f; the draft alone (file forced, renamed, folder"
                            + " forced) %.2f; the save creating the assessment without a draft %.2f.",
                    repetitions,
                    parts[0],
                    parts[1],
                    parts[2],
                    parts[3]));
            double[] creating = ScreenSaveBench.creatingAndScreen(measure, fixture, 100, repetitions);
            result.note(String.format(
                    "Saves of 100 new results taken apart, five ways taking turns, %d each, every statement warmed"
                            + " (medians, ms; in brackets the median of each round's ratio to its COPY): the COPY"
                            + " floor %.2f; the repository's save creating the assessment %.2f (%.2f×), into an"
                            + " assessment made before %.2f (%.2f×); the screen's Save creating it %.2f (%.2f×),"
                            + " into an assessment made before %.2f (%.2f×).",
                    repetitions,
                    creating[0],
                    creating[1],
                    creating[5],
                    creating[2],
                    creating[6],
                    creating[3],
                    creating[7],
                    creating[4],
                    creating[8]));
        } finally {
            fixture.dropCopyTables();
        }

        MentorDirectory directory = MentorsBench.directory(database);
        Row.absolute(
                        "mentors list, cold",
                        MentorsBench.coldList(measure, directory, repetitions).figures(),
                        50)
                .addTo(result);
        Row.absolute(
                        "students without a mentor (count), cold",
                        MentorsBench.withoutMentor(measure, directory, repetitions)
                                .figures(),
                        5)
                .addTo(result);

        StudentsBench.vacuum(database);
        StudentRepository students = new StudentRepository(database.jdbi());
        OffsetPages offsets = new OffsetPages(database.jdbi());
        StudentsBench.Timer timer = StudentsBench.timer(context);
        Measure.Figures[] classFilter = StudentsBench.filterLists(timer, database, students);
        Row.absolute(
                        "class filter, first opened (first 100 classes and the count to 1,000; opening Students reads"
                                + " none)",
                        classFilter[0],
                        10)
                .addTo(result);
        Row.absolute("class filter, a prefix typed ('" + StudentsBench.TYPED_CLASS + "')", classFilter[1], 10)
                .addTo(result);
        Measure.Figures[] cohortPicker = PickersBench.assessmentsPicker(timer, database);
        Row.absolute(
                        "Assessments cohort picker, first opened (first 100 classes with their sizes and the count to"
                                + " 1,000; opening Assessments reads none)",
                        cohortPicker[0],
                        10)
                .addTo(result);
        result.note(String.format(
                "Assessments cohort list as the screen read it before ADR 0072 (every class with its size, in turns"
                        + " with the picker's first opening): %.2f ms median.",
                cohortPicker[1].median()));
        result.note("Class filter, the typed prefix's plan: " + StudentsBench.classPlan(database) + ".");
        Row.absolute(
                        "first page (with its count, as the screen opens)",
                        StudentsBench.firstPageWithCount(timer, students),
                        2)
                .addTo(result);
        for (long depth : StudentsBench.FLOOR_DEPTHS) {
            if ((depth - 1) * StudentsBench.SIZE >= context.students()) {
                continue;
            }
            Measure.Figures[] pageAndFloor = StudentsBench.keysetAndFloor(timer, database, students, offsets, depth);
            Row.ratio(
                            String.format("keyset page at depth %,d", depth),
                            pageAndFloor[0],
                            pageAndFloor[1],
                            2.0,
                            "the same page from students alone")
                    .addTo(result);
        }
        // the middle page: the deepest a walk from the nearer end had to go (half the name index)
        long middle = Math.max(1, context.students() / StudentsBench.SIZE / 2);
        Measure.Figures[] jumpAndKeyset = StudentsBench.jumpAndKeyset(timer, students, offsets, middle);
        Row.ratio(
                        "jump to page number (deep)",
                        jumpAndKeyset[0],
                        jumpAndKeyset[1],
                        2.0,
                        "the same page by keyset from the key before it")
                .addTo(result);
        return result.note(String.format(
                        "%,d students. Repetitions: %d per case (%d for 10,000 rows, %d for the Students pages),"
                                + " medians; ratio = measured / floor in this run; each Students page and its floor"
                                + " timed in turns after 6 untimed runs each. Counts, of one more untimed run:"
                                + " statements and round trips (QueryMetrics), server statements (%s).",
                        context.students(),
                        repetitions,
                        fewer,
                        StudentsBench.repetitions(context),
                        context.serverStatements().available()
                                ? "pg_stat_statements, triggers included"
                                : "not counted"))
                .note(String.format(
                        "Jump to page number (deep): page %,d of %,d, the middle (the deepest walk before the name"
                                + " marks of V72).",
                        middle,
                        Math.max(1, (context.students() + StudentsBench.SIZE - 1) / StudentsBench.SIZE)))
                .note("Not in this table: demo data for 1,000,000 students against its floor and the second start (no"
                        + " bench scenario measures them yet).")
                .note("Server (SHOW): " + DurableServer.shown(database.jdbi()) + ".");
    }

    /**
     * The table of several runs: each row's median measured time, median floor and median ratio (each run's ratio
     * is taken within that run), whether the median meets the bar, and the load average over the runs.
     */
    static BenchResult combine(List<BenchResult> runs) {
        Map<String, List<Map<String, Object>>> byRow = new LinkedHashMap<>();
        runs.forEach(run -> run.rows()
                .forEach(row -> byRow.computeIfAbsent((String) row.get("row"), name -> new ArrayList<>())
                        .add(row)));
        BenchResult table = new BenchResult(
                "reference",
                "row",
                "measured_ms",
                "floor_ms",
                "ratio",
                "bar",
                "met",
                "runs",
                "statements",
                "round_trips",
                "server_statements",
                "load_average");
        byRow.forEach((name, rows) -> {
            Map<String, Object> first = rows.get(0);
            double measured = median(rows, "measured_ms");
            double floor = median(rows, "floor_ms");
            double ratio = median(rows, "ratio");
            double limit = ((Number) first.get("limit")).doubleValue();
            boolean byRatio = "ratio".equals(first.get("limit_of"));
            String met = (byRatio ? ratio <= limit : measured <= limit) ? "met" : "not met";
            table.row(
                    name,
                    measured,
                    Double.isNaN(floor) ? null : floor,
                    Double.isNaN(ratio) ? null : ratio,
                    first.get("bar"),
                    met,
                    rows.size(),
                    first.get("statements"),
                    first.get("round_trips"),
                    first.get("server_statements"),
                    range(rows, "load_average"));
        });
        return table.note(
                        "Medians of " + runs.size() + " run(s), each on a fresh server with fresh demo data; ratio: the"
                                + " median of the runs' ratios, each measured / floor within one run. Counts:"
                                + " those of the first run's counted repetition. Load average: the 1-minute load"
                                + " when each run measured the row"
                                + " (lowest-highest over the runs).")
                .note(runs.get(0).notes().stream()
                        .reduce((one, other) -> one + "\n" + other)
                        .orElse(""));
    }

    /** Writes the combined table as reference.md (with the command that produced it) and reference.json. */
    static void write(BenchResult combined, Path folder, String command) throws IOException {
        Files.writeString(
                folder.resolve("reference.md"),
                "# Reference table (issue 16)\n\n```\n" + command + "\n```\n\n" + combined.toMarkdown());
        Files.writeString(folder.resolve("reference.json"), combined.toJson());
    }

    private static double median(List<Map<String, Object>> rows, String column) {
        double[] values = rows.stream()
                .map(row -> row.get(column))
                .filter(value -> value instanceof Number)
                .mapToDouble(value -> ((Number) value).doubleValue())
                .toArray();
        return values.length == 0 ? Double.NaN : Measurements.median(values);
    }

    private static String range(List<Map<String, Object>> rows, String column) {
        double[] values = rows.stream()
                .mapToDouble(row -> ((Number) row.get(column)).doubleValue())
                .sorted()
                .toArray();
        return values.length == 1
                ? String.format("%.2f", values[0])
                : String.format("%.2f-%.2f", values[0], values[values.length - 1]);
    }

    /** The 1-minute load average now (Linux), NaN elsewhere. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** One row of one run: the measured case, its floor (if any) and the bar it must meet. */
    private record Row(
            String name, Measure.Figures measured, Measure.Figures floor, double limit, boolean byRatio, String bar) {
        /** A row whose bar is a ratio to the floor measured in the same run. */
        static Row ratio(String name, Measure.Figures measured, Measure.Figures floor, double limit, String floorName) {
            return new Row(name, measured, floor, limit, true, "≤ " + trim(limit) + "× " + floorName);
        }

        /** A row whose bar is a time. */
        static Row absolute(String name, Measure.Figures measured, double limitMillis) {
            return new Row(name, measured, null, limitMillis, false, "≤ " + trim(limitMillis) + " ms");
        }

        void addTo(BenchResult result) {
            Double ratio = floor == null ? null : measured.median() / floor.median();
            boolean met = byRatio ? ratio != null && ratio <= limit : measured.median() <= limit;
            result.row(
                    name,
                    measured.median(),
                    floor == null ? null : floor.median(),
                    ratio,
                    bar,
                    limit,
                    byRatio ? "ratio" : "ms",
                    met ? "met" : "not met",
                    measured.statements(),
                    measured.roundTrips(),
                    measured.serverStatements(),
                    loadAverage());
        }

        private static String trim(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }
    }
}
