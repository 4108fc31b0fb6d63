package org.registrar.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.registrar.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many simulated desktops at once, each a Registrar core with its own pool and no UI, running a weighted mix of
 * real operations for a while. Measures throughput, per-operation latency, errors, and the server connections in
 * use (sampled from pg_stat_activity by a separate connection). Blocking.
 */
public final class LoadRun {
    private static final Logger LOG = LoggerFactory.getLogger(LoadRun.class);

    /** One kind of user action with its share of the mix. */
    public record Action(String name, int weight, DesktopAction run) {}

    /** What a desktop does for one action; {@code random} is the desktop's own. */
    @FunctionalInterface
    public interface DesktopAction {
        void run(Desktop desktop, java.util.Random random) throws Exception;
    }

    /** One simulated desktop: its pool and whatever per-desktop state the actions need. */
    public static final class Desktop {
        private final Database database;
        private final Map<String, Object> state = new ConcurrentHashMap<>();

        Desktop(Database database) {
            this.database = database;
        }

        public Database database() {
            return database;
        }

        @SuppressWarnings("unchecked")
        public <T> T state(String key, Supplier<T> create) {
            return (T) state.computeIfAbsent(key, ignored -> create.get());
        }
    }

    /** Figures of one run. */
    public record Outcome(
            int desktops,
            Duration duration,
            long operations,
            long errors,
            int peakServerConnections,
            Map<String, double[]> percentilesByAction,
            List<String> sampleErrors) {
        public double throughputPerSecond() {
            return operations / (duration.toMillis() / 1000.0);
        }
    }

    /** People read the screen between clicks: each desktop waits 0.5 to 1.5 s between actions. */
    static final int THINK_MIN_MILLIS = Integer.getInteger("registrar.bench.thinkMinMillis", 500);

    static final int THINK_MAX_MILLIS = Integer.getInteger("registrar.bench.thinkMaxMillis", 1500);

    private LoadRun() {}

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs {@code desktops} desktops for {@code duration}.
     *
     * @param openDesktop opens the pool of desktop number i (each its own)
     * @param observer a connection straight to the server (not through PgBouncer) to count its connections; the
     *     server must be durable ({@link DurableServer#require}), or the run is refused before any desktop starts
     */
    public static Outcome run(
            int desktops,
            Duration duration,
            IntFunction<Database> openDesktop,
            List<Action> mix,
            DataSource observer,
            long seed)
            throws InterruptedException {
        LOG.info("Load run on a durable server: {}", DurableServer.require(observer));
        Map<String, Recorder> latency = new LinkedHashMap<>();
        mix.forEach(action ->
                latency.put(action.name(), new Recorder(Duration.ofMinutes(2).toNanos(), 2)));
        AtomicLong operations = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<String> sampleErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger peak = new AtomicInteger();
        int totalWeight = mix.stream().mapToInt(Action::weight).sum();
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch done = new CountDownLatch(desktops);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < desktops; i++) {
            int number = i;
            Thread thread = new Thread(
                    () -> {
                        try (Database database = openDesktop.apply(number)) {
                            Desktop desktop = new Desktop(database);
                            java.util.Random random = new java.util.Random(seed + number);
                            while (System.nanoTime() < end) {
                                pause(THINK_MIN_MILLIS + random.nextInt(THINK_MAX_MILLIS - THINK_MIN_MILLIS));
                                Action action = pick(mix, random.nextInt(totalWeight));
                                long start = System.nanoTime();
                                try {
                                    action.run().run(desktop, random);
                                    latency.get(action.name())
                                            .recordValue(Math.min(
                                                    System.nanoTime() - start,
                                                    Duration.ofMinutes(2).toNanos()));
                                    operations.incrementAndGet();
                                } catch (Exception error) {
                                    errors.incrementAndGet();
                                    if (sampleErrors.size() < 5) {
                                        sampleErrors.add(action.name() + ": " + error);
                                    }
                                }
                            }
                        } catch (RuntimeException error) {
                            errors.incrementAndGet();
                            LOG.warn("Desktop {} failed", number, error);
                        } finally {
                            done.countDown();
                        }
                    },
                    "load-desktop-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        long started = System.nanoTime();
        // one observing connection for the whole run: a new one per sample would leave the last sample's backend
        // in pg_stat_activity while it exits and count it as a desktop's connection
        try (Connection watching = openObserver(observer)) {
            threads.forEach(Thread::start);
            while (!done.await(200, TimeUnit.MILLISECONDS)) {
                peak.accumulateAndGet(serverConnections(watching), Math::max);
            }
        } catch (SQLException error) {
            throw new IllegalStateException("The load run cannot watch the server's connections", error);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Map<String, double[]> percentiles = new LinkedHashMap<>();
        latency.forEach((name, recorder) -> {
            Histogram histogram = recorder.getIntervalHistogram();
            percentiles.put(name, new double[] {
                histogram.getTotalCount(),
                histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(95) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6
            });
        });
        return new Outcome(
                desktops, elapsed, operations.get(), errors.get(), peak.get(), percentiles, List.copyOf(sampleErrors));
    }

    private static Action pick(List<Action> mix, int ticket) {
        int running = 0;
        for (Action action : mix) {
            running += action.weight();
            if (ticket < running) {
                return action;
            }
        }
        return mix.get(mix.size() - 1);
    }

    private static Connection openObserver(DataSource observer) throws SQLException {
        Connection connection = observer.getConnection();
        connection.setAutoCommit(true);
        return connection;
    }

    /** Client connections the server holds right now, all databases and applications, not counting the observer. */
    static int serverConnections(Connection observer) {
        try (var statement = observer.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            return 0;
        }
    }
}
