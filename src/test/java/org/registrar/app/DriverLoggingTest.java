package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * pgjdbc logs through java.util.logging: once a command has prepared logging, raising logback.xml's
 * {@code org.postgresql} logger to DEBUG must bring the driver's records into the log (support asks for this when
 * a desktop cannot connect).
 */
class DriverLoggingTest {
    @TempDir
    Path dataHome;

    @Test
    void driverRecordsReachLogbackAtTheLevelLogbackSets() throws Exception {
        Launcher.prepareLogging(dataHome);
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger driver = logback.getLogger("org.postgresql");
        Level configured = driver.getLevel();
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        driver.addAppender(seen);
        try {
            driver.setLevel(Level.DEBUG);
            String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/registrar";
            assertThatThrownBy(() -> new org.postgresql.Driver().connect(url, new Properties()))
                    .isInstanceOf(SQLException.class);
            assertThat(seen.list)
                    .as("records of the driver's java.util.logging loggers, seen by Logback")
                    .anySatisfy(event -> assertThat(event.getLoggerName()).startsWith("org.postgresql."));
        } finally {
            driver.setLevel(configured);
            driver.detachAppender(seen);
        }
    }

    @Test
    void driverRecordsBelowTheConfiguredLevelAreDroppedInsideTheDriver() throws Exception {
        Launcher.prepareLogging(dataHome);
        Logger driver = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("org.postgresql");
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        driver.addAppender(seen);
        try {
            String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/registrar";
            assertThatThrownBy(() -> new org.postgresql.Driver().connect(url, new Properties()))
                    .isInstanceOf(SQLException.class);
            assertThat(java.util.logging.Logger.getLogger("org.postgresql").isLoggable(java.util.logging.Level.INFO))
                    .as("JUL itself drops the driver's INFO records (no record built and bridged for nothing):"
                            + " logback.xml's WARN reached java.util.logging")
                    .isFalse();
            assertThat(seen.list)
                    .allSatisfy(event -> assertThat(event.getLevel().isGreaterOrEqual(Level.WARN))
                            .isTrue());
        } finally {
            driver.detachAppender(seen);
        }
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
