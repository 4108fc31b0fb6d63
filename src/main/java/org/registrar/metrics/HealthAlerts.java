package org.registrar.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.registrar.i18n.Messages;

/**
 * Whether this desktop should warn its user, and why: the rules behind the status bar's alert lamp. Fed the
 * sampler's recent samples, the connection state and the last server poll's connection count (known only while
 * the Health screen polls; kept until the next poll). Thread-safe.
 */
public final class HealthAlerts {
    /** Pool wait (connection acquire) p99 above this is a warning. */
    public static final double POOL_WAIT_P99_MILLIS = 500;
    /** Server connections at or above this share of max_connections is a warning. */
    public static final double SERVER_CONNECTIONS_SHARE = 0.8;
    /** How far back the samples count: long enough that a one-second burst is still seen at the next glance. */
    public static final Duration WINDOW = Duration.ofSeconds(10);

    /** How bad it is: the lamp's colour. */
    public enum Level {
        OK,
        WARNING,
        ALERT
    }

    /** The level and every reason for it, the worst first; "" when all is well. Immutable. */
    public record State(Level level, String reason) {
        static final State OK = new State(Level.OK, "");
    }

    private record ServerConnections(int used, int maximum) {}

    private volatile ServerConnections server;

    /** The last server poll's figure: {@code used} client connections of {@code maximum} max_connections. */
    public void serverConnections(int used, int maximum) {
        server = maximum <= 0 ? null : new ServerConnections(used, maximum);
    }

    /**
     * The state at {@code now} from the samples (oldest first; only those within {@link #WINDOW} count) and
     * whether the server refuses connections.
     */
    public State evaluate(List<MetricsSample> samples, Instant now, boolean serverDown) {
        List<String> alerts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (serverDown) {
            alerts.add(Messages.text("messages.alert.serverRefuses"));
        }
        List<MetricsSample> window = samples.stream()
                .filter(sample -> sample.at().isAfter(now.minus(WINDOW)))
                .toList();
        if (!window.isEmpty()) {
            judgeDesktop(MetricsSample.merge(window), alerts, warnings);
        }
        ServerConnections connections = server;
        if (connections != null && connections.used() >= SERVER_CONNECTIONS_SHARE * connections.maximum()) {
            warnings.add(Messages.text(
                    "messages.alert.serverConnections",
                    connections.used(),
                    connections.maximum(),
                    Math.round(100.0 * connections.used() / connections.maximum())));
        }
        List<String> reasons = new ArrayList<>(alerts);
        reasons.addAll(warnings);
        if (reasons.isEmpty()) {
            return State.OK;
        }
        return new State(alerts.isEmpty() ? Level.WARNING : Level.ALERT, String.join(" · ", reasons));
    }

    private static void judgeDesktop(MetricsSample merged, List<String> alerts, List<String> warnings) {
        if (merged.poolTimeouts() > 0) {
            alerts.add(Messages.text("messages.alert.poolTimeouts", merged.poolTimeouts()));
        }
        if (merged.acquireP99Millis() > POOL_WAIT_P99_MILLIS) {
            warnings.add(Messages.text(
                    "messages.alert.poolWait",
                    Math.round(merged.acquireP99Millis()),
                    Math.round(POOL_WAIT_P99_MILLIS)));
        }
        long errors = Math.round(merged.errorsPerSecond() * merged.seconds());
        if (errors > 0) {
            warnings.add(
                    Messages.text("messages.alert.statementErrors", errors, Math.round(Math.ceil(merged.seconds()))));
        }
    }
}
