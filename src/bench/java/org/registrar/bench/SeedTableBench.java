package org.registrar.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.db.Database;
import org.registrar.mentors.ChangeStamps;
import org.registrar.mentors.MentorDirectory;
import org.registrar.mentors.MentorRepository;
import org.registrar.mentors.MentorSettings;
import org.registrar.metrics.OperationScope;
import org.registrar.students.PageKey;
import org.registrar.students.PageRequest;
import org.registrar.students.StudentFilter;
import org.registrar.students.StudentOrder;
import org.registrar.students.StudentRepository;

/**
 * The old platform's published before/after table, row by row, with Registrar's figure measured in this run and
 * the old platform's access pattern replayed against the same server beside it. The scale-out row comes from
 * {@link ScaleOutBench}, run separately (scenario "pgbouncer").
 */
public final class SeedTableBench implements BenchScenario {
    static final int BULK_ITEMS = 100;
    static final Duration LOAD = Duration.ofSeconds(Long.getLong("registrar.bench.loadSeconds", 60));
    static final int LOAD_DESKTOPS = 100;

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

        // one class of 100: a result's student must be in its assessment's class (V62)
        BulkSaveFixture bulkClass = BulkSaveFixture.create(database, BULK_ITEMS);
        Figures bulk = bulkSave(database, bulkClass, context.repetitions());
        Figures oldBulk = oldBulkSave(database, old, bulkClass);
        table.row(
                "Bulk assessment of 100 items",
                "8-12 s",
                "1-2 s",
                ms(bulk.median()),
                String.format(
                        "median of %d saves of 100 new results (fsync on); the old pattern replayed here: %s",
                        context.repetitions(), ms(oldBulk.median())));
        table.row(
                "Queries per bulk save",
                "400+",
                "5-10",
                String.valueOf(bulk.statements()),
                "statements counted by QueryMetrics in the save; old pattern replayed: " + oldBulk.statements());

        Figures oldMentors = oldMentorList(old);
        MentorDirectory directory = new MentorDirectory(
                new MentorRepository(database.jdbi()),
                new ChangeStamps(database.jdbi()),
                MentorSettings.fromSystemProperties());
        Figures cold = timed(database, context.repetitions(), () -> {
            directory.invalidateAll();
            directory.mentors();
        });
        Figures warm = timed(database, context.repetitions() * 20, directory::mentors);
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
                cold.statements() + " cold, " + warm.statements() + " warm",
                "QueryMetrics; old pattern replayed: " + oldMentors.statements());

        Figures[] paging = paging(database, context);
        table.row(
                "Students page at depth (page " + (context.students() / 50 - 1) + ")",
                "-",
                "-",
                ms(paging[0].median()) + " keyset",
                "OFFSET at the same depth: " + ms(paging[1].median()));

        LoadRun.Outcome load = LoadRun.run(
                LOAD_DESKTOPS,
                LOAD,
                desktop -> context.openDatabase().apply(2),
                DesktopMix.actions(groups),
                database.dataSource(),
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
        return table.note(
                "\"handles 1000+ concurrent instances\": see the `pgbouncer` scenario (300 desktops through PgBouncer on a server with max_connections = 40).");
    }

    private record Figures(double median, long statements) {}

    private static Figures timed(Database database, int repetitions, Runnable work) {
        double[] millis = new double[repetitions];
        long statements = 0;
        for (int i = 0; i < repetitions; i++) {
            OperationScope scope = database.queryMetrics().begin("Bench");
            long start = System.nanoTime();
            try (scope) {
                work.run();
            }
            millis[i] = Measurements.since(start);
            statements = scope.summary().statements();
        }
        return new Figures(Measurements.median(millis), statements);
    }

    private static Figures bulkSave(Database database, BulkSaveFixture bulkClass, int repetitions) {
        ResultsRepository results = new ResultsRepository(database.jdbi());
        List<ResultChange> changes = new ArrayList<>();
        for (long studentId : bulkClass.students()) {
            changes.add(new ResultChange(studentId, BigDecimal.valueOf(15), false, null, null));
        }
        return timed(
                database,
                repetitions,
                () -> results.save(SaveRequest.creating(
                        UUID.randomUUID(),
                        new NewAssessment(
                                bulkClass.cohort(),
                                "Bench " + UUID.randomUUID(),
                                "Maths",
                                BigDecimal.valueOf(20),
                                LocalDate.now()),
                        changes)));
    }

    private static Figures oldBulkSave(Database database, OldPlatform old, BulkSaveFixture bulkClass) throws Exception {
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
        return new Figures(Measurements.median(millis), old.statements());
    }

    private static Figures oldMentorList(OldPlatform old) throws Exception {
        double[] millis = new double[3];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            old.mentorListOneByOne();
            millis[i] = Measurements.since(start);
        }
        return new Figures(Measurements.median(millis), old.statements());
    }

    private static Figures[] paging(Database database, BenchContext context) {
        StudentRepository students = new StudentRepository(database.jdbi());
        long offset = Math.max(0, (long) (context.students() / 50 - 2) * 50);
        OffsetPages offsets = new OffsetPages(database.jdbi());
        PageKey deep = offsets.keyAt(offset + 49);
        Figures keyset = timed(
                database,
                context.repetitions(),
                () -> students.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.after(deep), 50, false));
        Figures byOffset = timed(
                database,
                Math.max(3, context.repetitions() / 5),
                () -> offsets.page(offset + 50, 50));
        return new Figures[] {keyset, byOffset};
    }

    private static String ms(double millis) {
        return millis >= 100 ? String.format("%.0f ms", millis) : String.format("%.1f ms", millis);
    }
}
