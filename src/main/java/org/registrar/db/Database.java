package org.registrar.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's one connection pool (HikariCP), the schema (Flyway) and the one {@link Jdbi} every statement goes
 * through. Thread-safe. Opening and closing block: never on the FX thread.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final Duration CONNECTION_TIMEOUT = Timeouts.DEFAULT.connect();
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(15);
    static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

    private final ConnectionProfile profile;
    private final Timeouts timeouts;
    private final String url;
    private final HikariDataSource pool;
    private final DataSource borrowing;
    private final Jdbi jdbi;
    private final QueryMetrics queryMetrics;
    private final PoolMetrics poolMetrics;
    private final String roundTripKey;

    private Database(
            ConnectionProfile profile,
            Timeouts timeouts,
            String url,
            HikariDataSource pool,
            DataSource borrowing,
            QueryMetrics queryMetrics,
            PoolMetrics poolMetrics,
            String roundTripKey) {
        this.profile = profile;
        this.roundTripKey = roundTripKey;
        this.timeouts = timeouts;
        this.url = url;
        this.pool = pool;
        this.borrowing = borrowing;
        this.queryMetrics = queryMetrics;
        this.poolMetrics = poolMetrics;
        this.jdbi = Jdbi.create(borrowing).installPlugin(new PostgresPlugin());
        jdbi.setSqlLogger(queryMetrics);
        jdbi.setTransactionHandler(new CountingTransactionHandler(jdbi.getTransactionHandler(), queryMetrics));
    }

    /**
     * Opens the pool for {@code profile} (no connection is made yet: an idle desktop holds none).
     *
     * @param url the JDBC URL to use (the embedded server's when the profile is embedded)
     * @param password may be null; kept only inside the pool's configuration in memory
     */
    public static Database open(
            ConnectionProfile profile,
            String url,
            String password,
            QueryMetrics queryMetrics,
            PoolMetrics poolMetrics) {
        return open(profile, Timeouts.DEFAULT, url, password, queryMetrics, poolMetrics);
    }

    /** As {@link #open(ConnectionProfile, String, String, QueryMetrics, PoolMetrics)} with other timeouts. */
    public static Database open(
            ConnectionProfile profile,
            Timeouts timeouts,
            String url,
            String password,
            QueryMetrics queryMetrics,
            PoolMetrics poolMetrics) {
        Properties login = driverProperties(profile, timeouts);
        if (profile.user() != null) {
            login.setProperty("user", profile.user());
        }
        if (password != null) {
            login.setProperty("password", password);
        }
        // every connection counts its round trips on the wire (COMMIT, idle validation) beside Jdbi's statements
        String roundTripKey = RoundTripSockets.register(queryMetrics);
        login.setProperty("socketFactory", RoundTripSockets.class.getName());
        login.setProperty("socketFactoryArg", roundTripKey);
        LoginGate gate = new LoginGate(url, login, timeouts.login());
        HikariConfig config = poolConfig(profile, timeouts);
        config.setDataSource(gate.physical());
        config.setMetricsTrackerFactory(poolMetrics);
        poolMetrics.setMaximum(profile.poolSize());
        LOG.info(
                "Opening pool for {} (max {} connections, PgBouncer mode {}, sslmode {})",
                profile.isEmbedded() ? "the embedded server" : profile.describe(),
                profile.poolSize(),
                profile.pgBouncer(),
                profile.sslMode().jdbcValue());
        HikariDataSource pool = new HikariDataSource(config);
        gate.attach(pool);
        return new Database(profile, timeouts, url, pool, gate.borrowing(), queryMetrics, poolMetrics, roundTripKey);
    }

    /** The pool's settings; the connections themselves are opened by a {@link LoginGate}. */
    static HikariConfig poolConfig(ConnectionProfile profile, Timeouts timeouts) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("registrar");
        config.setMaximumPoolSize(profile.poolSize());
        config.setMinimumIdle(0);
        config.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        config.setMaxLifetime(MAX_LIFETIME.toMillis());
        config.setKeepaliveTime(Duration.ofMinutes(2).toMillis());
        config.setConnectionTimeout(timeouts.connect().toMillis());
        config.setValidationTimeout(Math.min(timeouts.connect().toMillis(), 5000));
        config.setLeakDetectionThreshold(timeouts.leakDetection().toMillis());
        // the window opens even while the server is down; the first operation reports it
        config.setInitializationFailTimeout(-1);
        return config;
    }

    static Properties driverProperties(ConnectionProfile profile, Timeouts timeouts) {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", ApplicationName.forThisDesktop());
        properties.setProperty(
                "connectTimeout", String.valueOf(Math.max(1, timeouts.connect().toSeconds())));
        properties.setProperty(
                "socketTimeout", String.valueOf(Math.max(1, timeouts.socket().toSeconds())));
        // a server that accepts the connection and never answers the login is given up after this, not after
        // socketTimeout (pgjdbc's default is to wait for ever)
        properties.setProperty("loginTimeout", String.valueOf(timeouts.login().toSeconds()));
        // the server's error detail can echo row values; keep them out of messages and logs
        properties.setProperty("logServerErrorDetail", "false");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("sslmode", profile.sslMode().jdbcValue());
        profile.rootCertificate().ifPresent(file -> properties.setProperty("sslrootcert", file.toString()));
        if (profile.pgBouncer()) {
            // PgBouncer in transaction mode cannot keep server-side prepared statements between transactions; it
            // refuses the startup parameter "options", so there the server's settings for the app's roles or
            // database (docs/admin-guide.md) must bound idle transactions and lock waits
            properties.setProperty("prepareThreshold", "0");
        } else {
            // set per session at login, no statement sent: a client that goes silent inside a transaction (a save
            // whose network died) loses its session and its row locks after idleInTransaction, and a retry waits
            // for those locks at most lockWait before it is told why
            properties.setProperty("options", sessionOptions(timeouts));
        }
        return properties;
    }

    /** The server settings each session of the app starts with (pgjdbc's "options" startup parameter). */
    static String sessionOptions(Timeouts timeouts) {
        return "-c idle_in_transaction_session_timeout="
                + timeouts.idleInTransaction().toMillis() + " -c lock_timeout="
                + timeouts.lockWait().toMillis();
    }

    /**
     * Opens the pool's first connection (name, network, TLS and login), so that a failure there is known before
     * anything else is tried: the pool opens none until asked. The server's refusal ends the wait at once
     * ({@link LoginGate}). Blocking; sends no statement.
     *
     * @throws org.jdbi.v3.core.ConnectionException with the driver's failure as its cause
     */
    public void connect() {
        jdbi.useHandle(handle -> {});
    }

    /** Applies pending migrations through the pool and returns the schema version. Blocking. */
    public String migrate() {
        return Migrations.apply(borrowing);
    }

    /**
     * What {@link #migrate()} would do, changing nothing. Blocking.
     *
     * @throws SchemaVersionException when migrate would refuse (a newer schema, a history that differs)
     */
    public MigrationPlan migrationPlan() {
        return Migrations.plan(borrowing, Migrations.LOCATION);
    }

    /** The migrations applied to this database, oldest first, each with the time it took. Blocking. */
    public java.util.List<MigrationPlan.Step> appliedMigrations() {
        return Migrations.applied(borrowing, Migrations.LOCATION);
    }

    /**
     * Loads, without a server, what opening a pool and running its first statements loads the first time in a process
     * (Hikari's configuration, Jdbi with its Postgres plugin, Jdbi's SQL parser on {@code statements}, its Boolean
     * mapper): run beside the embedded server's start, so the pool opened after it opens quickly (ADR 0058). Opens no
     * connection and starts no thread. Blocking CPU work; any thread.
     */
    public static void warmUp(String... statements) {
        Jdbi idle = Jdbi.create(() -> {
                    throw new java.sql.SQLException("No server: a warm-up only");
                })
                .installPlugin(new PostgresPlugin());
        org.jdbi.v3.core.statement.SqlParser parser =
                idle.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).getSqlParser();
        for (String statement : statements) {
            parser.parse(statement, null);
        }
        idle.getConfig(org.jdbi.v3.core.mapper.ColumnMappers.class).findFor(Boolean.class);
        poolConfig(ConnectionProfile.embedded(), Timeouts.DEFAULT);
        new QueryMetrics();
    }

    /**
     * Parses {@code statements} into this pool's Jdbi's cache without a connection, so their first run does not pay
     * for the parser's first use (ADR 0058). Blocking CPU work; any thread.
     */
    public void parseAhead(String... statements) {
        org.jdbi.v3.core.statement.SqlParser parser =
                jdbi.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).getSqlParser();
        for (String statement : statements) {
            parser.parse(statement, null);
        }
        jdbi.getConfig(org.jdbi.v3.core.mapper.ColumnMappers.class).findFor(Boolean.class);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** For statements Jdbi cannot send (COPY); callers must report them to {@link #queryMetrics()}. */
    public DataSource dataSource() {
        return pool;
    }

    public ConnectionProfile profile() {
        return profile;
    }

    /** The URL the pool connects to (the embedded server's when the profile is embedded). Never holds a password. */
    public String jdbcUrl() {
        return url;
    }

    /** The timeouts this pool was opened with. */
    public Timeouts timeouts() {
        return timeouts;
    }

    /** How long a TCP connect or a wait for a pooled connection may take. */
    public java.time.Duration connectTimeout() {
        return timeouts.connect();
    }

    public QueryMetrics queryMetrics() {
        return queryMetrics;
    }

    public PoolMetrics poolMetrics() {
        return poolMetrics;
    }

    /** The pool's state read live from HikariCP. */
    public PoolMetrics.Snapshot poolState() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        PoolMetrics.Snapshot counters = poolMetrics.snapshot();
        if (bean == null) {
            return counters;
        }
        return new PoolMetrics.Snapshot(
                bean.getActiveConnections(),
                bean.getIdleConnections(),
                bean.getThreadsAwaitingConnection(),
                bean.getTotalConnections(),
                profile.poolSize(),
                counters.timeouts(),
                counters.connectionsCreated());
    }

    /** Settings worth showing support staff. */
    public String poolSettings() {
        return String.format(
                "max %d, min idle 0, idle timeout %d s, max lifetime %d min, connection timeout %d s, socket timeout %d s%s",
                profile.poolSize(),
                IDLE_TIMEOUT.toSeconds(),
                MAX_LIFETIME.toMinutes(),
                timeouts.connect().toSeconds(),
                timeouts.socket().toSeconds(),
                profile.pgBouncer()
                        ? ", PgBouncer transaction mode"
                        : String.format(
                                ", idle in transaction %d s, lock wait %d s",
                                timeouts.idleInTransaction().toSeconds(),
                                timeouts.lockWait().toSeconds()));
    }

    @Override
    public void close() {
        pool.close();
        RoundTripSockets.unregister(roundTripKey);
    }
}
