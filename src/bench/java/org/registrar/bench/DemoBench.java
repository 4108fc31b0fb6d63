package org.registrar.bench;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.registrar.db.DemoData;
import org.registrar.db.DemoFloor;
import org.registrar.db.Migrations;

/**
 * The demo school's load against its floor, in the same run on the same server: each repetition loads
 * {@code --students} demo students with {@link DemoData#load} into a fresh migrated database, and the same rows into
 * plain tables with only their indexes ({@link DemoFloor}) in another, alternating which goes first; a checkpoint
 * before each, so neither pays for the other's writes. Three repetitions unless {@code --repetitions} says fewer.
 * Needs a login that may create databases (the bench's own embedded server).
 */
public final class DemoBench implements BenchScenario {
    private static final int MAX_REPETITIONS = 3;

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public boolean needsDemoSchool() {
        return false;
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        Jdbi server = Jdbi.create(dataSource(context, null));
        BenchResult result = new BenchResult(name(), "repetition", "demo load s", "floor s", "demo / floor");
        String loadBefore = StartBench.loadAverage();
        createTemplate(server, context);
        int repetitions = Math.max(1, Math.min(MAX_REPETITIONS, context.repetitions()));
        double[] demo = new double[repetitions];
        double[] floor = new double[repetitions];
        List<String> slowest = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            boolean demoFirst = i % 2 == 0;
            for (int turn = 0; turn < 2; turn++) {
                if ((turn == 0) == demoFirst) {
                    StatementTimes times = new StatementTimes();
                    demo[i] = inFreshDatabase(server, context, jdbi -> {
                        jdbi.setSqlLogger(times);
                        return seconds(() -> DemoData.load(jdbi, context.students()));
                    });
                    slowest.add(String.format(Locale.ROOT, "Repetition %d, the demo's slowest statements: %s", i + 1,
                            times.slowest(6)));
                } else {
                    floor[i] = inFreshDatabase(
                            server, context, jdbi -> DemoFloor.load(jdbi, context.students()).toMillis() / 1000.0);
                }
            }
            result.row(String.valueOf(i + 1), demo[i], floor[i], demo[i] / floor[i]);
        }
        double medianDemo = Measurements.median(demo);
        double medianFloor = Measurements.median(floor);
        result.row("median", medianDemo, medianFloor, medianDemo / medianFloor);
        slowest.forEach(result::note);
        return result.note(String.format(
                        Locale.ROOT,
                        "%,d students; demo = DemoData.load (inserts that also fill the maintained tables,"
                                + " deferred keys and indexes rebuilt, foreign keys validated, ANALYZE); floor = DemoFloor.load (the same INSERT ... SELECT"
                                + " into plain copies of the tables, then the same indexes, ANALYZE). Server: %s."
                                + " Load average before: %s, after: %s.",
                        context.students(),
                        DurableServer.shown(server),
                        loadBefore,
                        StartBench.loadAverage()))
                .note("Server settings of the load: " + server.withHandle(handle -> handle.createQuery(
                                "SELECT string_agg(name || ' = ' || setting, ', ' ORDER BY name) FROM pg_settings"
                                        + " WHERE name IN ('wal_level', 'max_wal_size', 'shared_buffers',"
                                        + " 'max_parallel_maintenance_workers', 'checkpoint_timeout')")
                        .mapTo(String.class)
                        .one()));
    }

    @FunctionalInterface
    private interface Work {
        double apply(Jdbi jdbi) throws Exception;
    }

    private static double inFreshDatabase(Jdbi server, BenchContext context, Work work) throws Exception {
        server.useHandle(handle -> {
            handle.execute("DROP DATABASE IF EXISTS bench_demo");
            handle.execute("CREATE DATABASE bench_demo TEMPLATE bench_demo_template");
            handle.execute("CHECKPOINT");
        });
        try {
            return work.apply(Jdbi.create(dataSource(context, "bench_demo")));
        } finally {
            server.useHandle(handle -> handle.execute("DROP DATABASE bench_demo"));
        }
    }

    /** A migrated empty database to copy from: each repetition starts from the same schema, unmigrated time. */
    private static void createTemplate(Jdbi server, BenchContext context) {
        server.useHandle(handle -> {
            handle.execute("DROP DATABASE IF EXISTS bench_demo_template");
            handle.execute("CREATE DATABASE bench_demo_template");
        });
        Migrations.apply(dataSource(context, "bench_demo_template"));
    }

    private static DataSource dataSource(BenchContext context, String database) {
        return context.plainDataSource(database, "Registrar bench demo");
    }

    private static double seconds(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return Measurements.since(started) / 1000.0;
    }

    /** Each statement's first words and its time, as the server answered it. */
    private static final class StatementTimes implements SqlLogger {
        private final List<String[]> times = new ArrayList<>();

        @Override
        public void logAfterExecution(StatementContext context) {
            Duration took = Duration.between(context.getExecutionMoment(), context.getCompletionMoment())
                    .truncatedTo(ChronoUnit.MILLIS);
            String sql = context.getRenderedSql().replaceAll("\\s+", " ").strip();
            times.add(new String[] {String.valueOf(took.toMillis()), sql.substring(0, Math.min(48, sql.length()))});
        }

        String slowest(int count) {
            return times.stream()
                    .sorted(Comparator.comparingLong((String[] time) -> Long.parseLong(time[0]))
                            .reversed())
                    .limit(count)
                    .map(time -> time[0] + " ms " + time[1])
                    .toList()
                    .toString();
        }
    }
}
