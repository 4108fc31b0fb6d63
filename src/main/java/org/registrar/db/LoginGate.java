package org.registrar.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Makes the server's answer to a login reach the caller as soon as it comes. HikariCP opens connections on its own
 * thread and lets a caller wait its whole connection timeout even when the server refused the login at once
 * (wrong password, unknown database, no password): while the pool holds no connection, a failed attempt here ends
 * the waits of every caller with the server's answer. A caller whose wait ran out while an attempt was still under
 * way learns that attempt's outcome (a server that accepted but never answered), not "no connection became free".
 * Thread-safe.
 */
final class LoginGate {
    private final Driver driver = new org.postgresql.Driver();
    private final String url;
    private final Properties properties;
    private final Duration loginTimeout;
    private final Set<Waiter> waiters = new HashSet<>();
    private HikariDataSource pool;
    private SQLException lastFailure;

    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        SQLException refusal;
    }

    /** @param properties the driver's properties with user and password; kept in memory only */
    LoginGate(String url, Properties properties, Duration loginTimeout) {
        this.url = url;
        this.properties = properties;
        this.loginTimeout = loginTimeout;
    }

    synchronized void attach(HikariDataSource pool) {
        this.pool = pool;
    }

    /** What HikariCP opens its connections through. */
    DataSource physical() {
        return new Source() {
            @Override
            public Connection getConnection() throws SQLException {
                return open();
            }
        };
    }

    /** What the app borrows through: the pool, ending a wait as soon as the server's answer is known. Blocking. */
    DataSource borrowing() {
        return new Source() {
            @Override
            public Connection getConnection() throws SQLException {
                return borrow();
            }
        };
    }

    private Connection open() throws SQLException {
        try {
            Connection connection = driver.connect(url, properties);
            synchronized (this) {
                lastFailure = null;
            }
            return connection;
        } catch (SQLException failure) {
            synchronized (this) {
                lastFailure = failure;
                if (poolIsEmpty()) {
                    for (Waiter waiter : waiters) {
                        waiter.refusal = failure;
                        waiter.thread.interrupt();
                    }
                }
            }
            throw failure;
        } finally {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    private Connection borrow() throws SQLException {
        Waiter waiter = new Waiter();
        synchronized (this) {
            waiters.add(waiter);
        }
        SQLException refusal;
        try {
            return pool.getConnection();
        } catch (SQLTransientConnectionException timedOut) {
            SQLException outcome = waiter.refusal != null ? waiter.refusal : outcomeOfAttemptUnderWay();
            if (outcome == null) {
                // the attempt failed while this caller waited for it above: open() then hands the failure over
                // and interrupts the wait, which ends it without an outcome of its own
                outcome = waiter.refusal;
            }
            if (outcome == null) {
                throw timedOut;
            }
            refusal = outcome;
        } catch (SQLException interrupted) {
            if (waiter.refusal == null) {
                throw interrupted;
            }
            refusal = waiter.refusal;
        } finally {
            synchronized (this) {
                waiters.remove(waiter);
            }
            if (waiter.refusal != null) {
                Thread.interrupted(); // the interrupt was this gate's, to end the wait; it must not outlive it
            }
        }
        throw new SQLTransientConnectionException(
                "registrar - Connection is not available: the attempt to open one failed (the cause says why)",
                refusal.getSQLState(),
                refusal);
    }

    /**
     * The pool's wait ran out with no connection: while the pool stays empty, waits for an attempt's failure (a
     * server that accepted the connection and has not answered the login), at most the login timeout. The pool may
     * be between two attempts at that moment (pgjdbc 42.7.13 ends a silent login about when the pool's wait ends),
     * so this waits for a failure, not for an attempt under way. Null when nothing failed.
     */
    private synchronized SQLException outcomeOfAttemptUnderWay() {
        long deadline = System.nanoTime() + loginTimeout.toNanos();
        while (lastFailure == null && poolIsEmpty() && System.nanoTime() < deadline) {
            try {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return poolIsEmpty() ? lastFailure : null;
    }

    private boolean poolIsEmpty() {
        HikariPoolMXBean bean = pool == null ? null : pool.getHikariPoolMXBean();
        return bean == null || bean.getTotalConnections() == 0;
    }

    /** The parts of DataSource HikariCP and Jdbi use; the rest is not supported. */
    private abstract static class Source implements DataSource {
        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("The login is fixed by the connection profile");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("Not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
