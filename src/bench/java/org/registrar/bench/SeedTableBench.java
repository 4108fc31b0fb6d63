package org.registrar.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.save.Draft;
import org.registrar.assessments.save.DraftStore;
import org.registrar.assessments.save.SaveResults;
import org.registrar.cache.ChangeStamps;
import org.registrar.db.Database;
import org.registrar.mentors.MentorDirectory;
import org.registrar.mentors.MentorRepository;
import org.registrar.students.PageKey;
import org.registrar.students.PageRequest;
import org.registrar.students.StudentFilter;
import org.registrar.students.StudentOrder;
import org.registrar.students.StudentRepository;
import org.registrar.tasks.Tasks;

/**
 * The old platform's published before/after table, row by row, with Registrar's figure measured in this run and
 * the old platform's access pattern replayed against the same server beside it. The scale-out row comes from
 * {@link ScaleOutBench}, run separately (scenario "pgbouncer").
 */
public final class SeedTableBench implements BenchScenario {
    static final int BULK_ITEMS = 100;
    static final Duration LOAD = Duration.ofSeconds(Long.getLong("registrar.bench.loadSeconds", 60));
    static final int LOAD_DESKTOPS = 100;
    private static final String MENTORS = "Bench mentor list";
    private static final String PAGES = "Bench students page";

    @Override
    public String name() {
        return "seed-table";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        Database database = context.database();
        List<long[]> groups = DesktopMix.cohorts(database, 400);
        BenchResult table = new BenchResult(
                name(), "metric", "old platform before", "old platform after", "Registrar", "how measured");
        OldPlatform old = new OldPlatform(context.jdbcUrl(), context.user(), context.password());

        Measure measure = Measure.of(context);
        // one class of 100: a result's student must be in its assessment's class (V62)
        BulkSaveFixture bulkClass = BulkSaveFixture.create(database, BULK_ITEMS);
        Measure.Figures bulk = ScreenSaveBench.screenSave(measure, bulkClass, BULK_ITEMS, context.repetitions());
        Replayed oldBulk = oldBulkSave(database, old, bulkClass);
        table.row(
                "Bulk assessment of 100 items",
                "8-12 s",
                "1-2 s",
                ms(bulk.median()),
                String.format(
                        "median of %d saves of 100 new results as the Save button runs them after the last edit's"
                                + " journal (the draft on disk already, with its fsyncs, is not written again; one not"
                                + " yet there is written while SaveResults saves, both awaited; fsync on); the old pattern replayed"
                                + " here: %s",
                        context.repetitions(),
                        ms(oldBulk.median())));
        table.row(
                "Queries per bulk save",
                "400+",
                "5-10",
                bulk.describeCounts(),
                "statements and round trips counted by QueryMetrics in one save, server statements by the server;"
                        + " old pattern replayed: " + oldBulk.statements() + " statements");

        Replayed oldMentors = oldMentorList(old);
        MentorDirectory directory = new MentorDirectory(
                new MentorRepository(database.jdbi()),
                new ChangeStamps(database.jdbi()),
                MentorDirectory.settingsFromSystemProperties());
        Measure.Figures cold = measure.time(MENTORS, context.repetitions(), () -> {
            directory.invalidateAll();
            directory.mentors();
        });
        Measure.Figures warm = measure.time(MENTORS, context.repetitions() * 20, () -> {
            directory.mentors();
        });
        table.row(
                "Mentor list",
                "1.5-2 s",
                "200-300 ms",
                ms(cold.median()) + " cold, " + ms(warm.median()) + " warm",
                "median; old pattern (list + 2 look-ups per mentor, own connection) replayed: "
                        + ms(oldMentors.median()));
        table.row(
                "Queries per mentor request",
                "3-4",
                "1-2",
                "cold: " + cold.describeCounts() + "; warm: " + warm.statements(),
                "QueryMetrics and the server; old pattern replayed: " + oldMentors.statements() + " statements");

        Measure.Figures[] paging = paging(measure, database, context);
        table.row(
                "Students page at depth (page " + (context.students() / 50 - 1) + ")",
                "-",
                "-",
                ms(paging[0].median()) + " keyset",
                "OFFSET at the same depth: " + ms(paging[1].median()) + "; keyset: " + paging[0].describeCounts());

        LoadRun.Outcome load = LoadRun.run(
                LOAD_DESKTOPS,
                LOAD,
                desktop -> context.openDatabase().apply(2),
                DesktopMix.actions(groups),
                // held for the whole run: from the app's pool its leak detection would log it as leaked
                context.plainDataSource(null, "Registrar bench observer"),
                42);
        table.row(
                "Active connections",
                "50+ per instance",
                "2-3",
                "≤ 2 per desktop; peak " + load.peakServerConnections() + " for " + LOAD_DESKTOPS + " desktops",
                "pool maximum 2, min idle 0; peak sampled from pg_stat_activity every 200 ms during the load run");
        table.row(
                "Connection errors",
                "frequent",
                "zero",
                String.valueOf(load.errors()),
                String.format(
                        "%d desktops × %d s mixed load, %,d operations, %.0f ops/s",
                        LOAD_DESKTOPS, LOAD.toSeconds(), load.operations(), load.throughputPerSecond()));
        for (Map.Entry<String, double[]> action : load.percentilesByAction().entrySet()) {
            double[] figures = action.getValue();
            table.note(String.format(
                    "Load, %s: %,.0f runs, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
                    action.getKey(), figures[0], figures[1], figures[2], figures[3]));
        }
        load.sampleErrors().forEach(error -> table.note("Load error: " + error));
        return table.note(String.format(
                        "%,d students. \"handles 1000+ concurrent instances\": see the `pgbouncer` scenario (300"
                                + " desktops through PgBouncer on a server with max_connections = 40).",
                        context.students()))
                .note("Server (SHOW): " + DurableServer.shown(database.jdbi()) + "; "
                        + context.serverStatements().describe() + ".");
    }

    /** The old platform's pattern replayed: median time and statements. */
    private record Replayed(double median, long statements) {}

    private static Replayed oldBulkSave(Database database, OldPlatform old, BulkSaveFixture bulkClass)
            throws Exception {
        List<String> numbers = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT student_number FROM students WHERE id = ANY(:ids) ORDER BY id")
                .bind(
                        "ids",
                        bulkClass.students().stream().mapToLong(Long::longValue).toArray())
                .mapTo(String.class)
                .list());
        double[] millis = new double[3];
        for (int i = 0; i < millis.length; i++) {
            long assessment = database.jdbi().withHandle(handle -> handle.createQuery(
                            "INSERT INTO assessments (cohort_id, title, subject, max_score, assessed_on, created_by) "
                                    + "VALUES (:cohort, :title, 'Maths', 20, current_date, session_user) RETURNING id")
                    .bind("cohort", bulkClass.cohort())
                    .bind("title", "Old way " + UUID.randomUUID())
                    .mapTo(Long.class)
                    .one());
            long start = System.nanoTime();
            old.saveOneByOne(assessment, numbers, 15);
            millis[i] = Measurements.since(start);
        }
        return new Replayed(Measurements.median(millis), old.statements());
    }

    private static Replayed oldMentorList(OldPlatform old) throws Exception {
        double[] millis = new double[3];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            old.mentorListOneByOne();
            millis[i] = Measurements.since(start);
        }
        return new Replayed(Measurements.median(millis), old.statements());
    }

    private static Measure.Figures[] paging(Measure measure, Database database, BenchContext context)
            throws Exception {
        StudentRepository students = new StudentRepository(database.jdbi());
        long offset = Math.max(0, (long) (context.students() / 50 - 2) * 50);
        OffsetPages offsets = new OffsetPages(database.jdbi());
        PageKey deep = offsets.keyAt(offset + 49);
        Measure.Figures keyset = measure.time(PAGES, context.repetitions(), () -> {
            students.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.after(deep), 50, false);
        });
        Measure.Figures byOffset = measure.time(PAGES, Math.max(3, context.repetitions() / 5), () -> {
            offsets.page(offset + 50, 50);
        });
        return new Measure.Figures[] {keyset, byOffset};
    }

    private static String ms(double millis) {
        return millis >= 100 ? String.format("%.0f ms", millis) : String.format("%.1f ms", millis);
    }
}
