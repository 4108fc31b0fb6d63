package org.registrar.db;

import java.time.Duration;

/**
 * How long the app waits for the server at each level. pgjdbc waits forever by default (socketTimeout 0); the app
 * never does. Immutable.
 *
 * @param connect TCP connect and HikariCP's wait for a pooled connection ("database busy" after this)
 * @param socket longest silence on an open connection before it is given up (longer than the longest save)
 * @param leakDetection a connection held longer than this is logged with the stack that took it
 */
public record Timeouts(Duration connect, Duration socket, Duration leakDetection) {
    public static final Timeouts DEFAULT =
            new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(120), Duration.ofSeconds(60));
}
