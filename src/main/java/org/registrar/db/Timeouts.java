package org.registrar.db;

import java.time.Duration;

/**
 * How long the app waits for the server at each level, and how long the server lets a session of this app hold
 * locks it no longer uses. pgjdbc waits forever by default (socketTimeout 0); the app never does. Immutable.
 *
 * @param connect TCP connect and HikariCP's wait for a pooled connection ("database busy" after this)
 * @param socket longest silence on an open connection before it is given up (longer than the longest save)
 * @param leakDetection a connection held longer than this is logged with the stack that took it
 * @param idleInTransaction the server ends a session of this app that sits this long inside a transaction without
 *     sending anything (its client went silent), releasing its row locks ({@code idle_in_transaction_session_timeout})
 * @param lockWait longest wait for a row lock before the statement fails ({@code lock_timeout}); longer than
 *     {@code idleInTransaction}, so a retry waits out the locks of an earlier attempt whose connection went silent
 */
public record Timeouts(
        Duration connect, Duration socket, Duration leakDetection, Duration idleInTransaction, Duration lockWait) {
    public static final Duration IDLE_IN_TRANSACTION = Duration.ofSeconds(20);
    public static final Duration LOCK_WAIT = Duration.ofSeconds(25);
    public static final Timeouts DEFAULT =
            new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(120), Duration.ofSeconds(60));

    public Timeouts {
        if (lockWait.compareTo(idleInTransaction) <= 0 || socket.compareTo(lockWait) <= 0) {
            throw new IllegalArgumentException("Timeouts must grow: idle in transaction < lock wait < socket");
        }
    }

    /** With the server-side defaults for idle transactions and lock waits. */
    public Timeouts(Duration connect, Duration socket, Duration leakDetection) {
        this(
                connect,
                socket,
                leakDetection,
                min(IDLE_IN_TRANSACTION, socket.dividedBy(3)),
                min(LOCK_WAIT, socket.dividedBy(2)));
    }

    /**
     * pgjdbc's {@code loginTimeout}: a second longer than the TCP connect timeout, so that a server that accepted the
     * connection but never answers the login is told apart from one that cannot be reached.
     */
    public Duration login() {
        return connect.plusSeconds(1);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
