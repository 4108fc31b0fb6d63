package org.registrar.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.registrar.cache.ChangeStamps;
import org.registrar.db.ConnectionMonitor;
import org.registrar.db.Database;
import org.registrar.db.DemoData;
import org.registrar.db.EmbeddedServer;
import org.registrar.db.Privileges;
import org.registrar.i18n.Messages;
import org.registrar.mentors.MentorDirectory;
import org.registrar.mentors.MentorRepository;
import org.registrar.metrics.CacheMetrics;
import org.registrar.metrics.HealthAlerts;
import org.registrar.metrics.MetricsSampler;
import org.registrar.metrics.SampleHistory;
import org.registrar.reports.ReportCache;
import org.registrar.reports.ReportsRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one running app holds open: the embedded server (if used), the one pool, the connection monitor, and
 * every thread the app runs work on: the database worker (sized to the pool), the draft writer, the metrics sampler
 * and the connection monitor's checks. Nothing else in the app starts an executor; {@link #close()} stops them all
 * and waits for them. Built by {@link Startup}; closed once on exit. Thread-safe after construction.
 */
final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final EmbeddedServer server;
    private final Database database;
    private final ConnectionMonitor monitor;
    private final String schemaVersion;
    private final DemoData.Summary demoLoaded;
    private final String jdbcUrl;
    private final MetricsSampler sampler;
    private final MentorDirectory mentors;
    private final ReportCache reports;
    private final Path dataHome;
    private final Privileges privileges;
    private final HealthAlerts healthAlerts = new HealthAlerts();
    private final ExecutorService databaseWorker;
    private final ExecutorService draftWriter;

    AppContext(
            EmbeddedServer server,
            Database database,
            String jdbcUrl,
            String schemaVersion,
            DemoData.Summary demoLoaded,
            Path dataHome,
            Privileges privileges) {
        this.server = server;
        this.privileges = privileges;
        this.dataHome = dataHome;
        this.jdbcUrl = jdbcUrl;
        this.database = database;
        this.schemaVersion = schemaVersion;
        this.demoLoaded = demoLoaded;
        this.monitor = new ConnectionMonitor(database, Duration.ofSeconds(2));
        this.databaseWorker = daemons("registrar-db-", database.profile().poolSize());
        this.draftWriter = daemons("registrar-drafts-", 1);
        this.mentors = new MentorDirectory(
                new MentorRepository(database.jdbi()),
                new ChangeStamps(database.jdbi()),
                MentorDirectory.settingsFromSystemProperties());
        this.reports = new ReportCache(
                new ReportsRepository(database.jdbi()),
                new ChangeStamps(database.jdbi()),
                ReportCache.settingsFromSystemProperties());
        this.sampler = new MetricsSampler(
                database.queryMetrics(),
                new MetricsSampler.PoolSource(database::poolState, database.poolMetrics()::takeAcquireHistogram),
                List.<CacheMetrics>of(mentors, reports),
                new SampleHistory());
        monitor.addListener(state -> {
            switch (state) {
                case DOWN -> sampler.markEvent(Messages.text("messages.event.unreachable"));
                case CONNECTED -> sampler.markEvent(Messages.text("messages.event.connected"));
                default -> {}
            }
        });
    }

    /** Runs every piece of database work the screens ask for; as many threads as the pool has connections. */
    ExecutorService databaseWorker() {
        return databaseWorker;
    }

    /** Writes drafts to the user data folder, one at a time and in order, off the FX thread. */
    ExecutorService draftWriter() {
        return draftWriter;
    }

    private static ExecutorService daemons(String prefix, int threads) {
        AtomicInteger counter = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            // daemons so a hung statement cannot keep the JVM alive; close() still stops and waits for them
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The one mentor cache of this desktop; the Mentors screen reads it, the health panel charts it. */
    MentorDirectory mentors() {
        return mentors;
    }

    /** The one report cache of this desktop; the Reports screen and the CLI export read it. */
    ReportCache reports() {
        return reports;
    }

    /** Records this desktop's figures each second from startup to exit, for the Health screen. */
    MetricsSampler sampler() {
        return sampler;
    }

    /** The rules behind the status bar's alert lamp; the Health screen's server polls feed it. */
    HealthAlerts healthAlerts() {
        return healthAlerts;
    }

    /** What this login may do, read from the server once at start. */
    Privileges privileges() {
        return privileges;
    }

    Database database() {
        return database;
    }

    /** The URL the pool connects to (the embedded server's when embedded). */
    String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user data folder: drafts, logs, the embedded server's data. */
    Path dataHome() {
        return dataHome;
    }

    ConnectionMonitor monitor() {
        return monitor;
    }

    String schemaVersion() {
        return schemaVersion;
    }

    /** What was generated on this start, or null when the data was already there. */
    DemoData.Summary demoLoaded() {
        return demoLoaded;
    }

    boolean embedded() {
        return server != null;
    }

    /** The embedded server this app runs or joined, or null with a configured server. */
    EmbeddedServer embeddedServer() {
        return server;
    }

    /** "Registrar — Embedded demo database" or "Registrar — user@host:port/db". */
    String title() {
        return Messages.text("shell.title", database.profile().describe());
    }

    /**
     * Stops every thread of the app and closes the pool and the embedded server. Database work still running is
     * interrupted; a draft being written is finished first, so what the user typed is on disk. Blocks: not on the
     * FX thread.
     */
    @Override
    public void close() {
        databaseWorker.shutdownNow();
        draftWriter.shutdown();
        await(draftWriter, "the draft writer");
        await(databaseWorker, "the database worker");
        sampler.close();
        monitor.close();
        database.close();
        if (server != null) {
            LOG.info("Stopping the embedded server");
            server.close();
        }
    }

    private static void await(ExecutorService executor, String name) {
        try {
            if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} did not stop within {}", name, CLOSE_WAIT);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
