package org.registrar.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.registrar.metrics.HealthAlerts.Level;

/** The status bar's alert rules from synthetic samples. */
class HealthAlertsTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private final HealthAlerts alerts = new HealthAlerts();

    /** One calm second ending {@code secondsAgo} before now, with the given acquire p99, errors and timeouts. */
    private static MetricsSample second(int secondsAgo, double acquireP99, long errors, long timeouts) {
        return new MetricsSample(
                NOW.minusSeconds(secondsAgo),
                1.0,
                false,
                20,
                20,
                5,
                errors,
                0.4,
                1.2,
                2.0,
                3.0,
                1,
                1,
                0,
                2,
                2,
                acquireP99,
                timeouts,
                Double.NaN);
    }

    private static List<MetricsSample> calm(int seconds) {
        List<MetricsSample> samples = new ArrayList<>();
        for (int ago = seconds; ago >= 0; ago--) {
            samples.add(second(ago, 0.05, 0, 0));
        }
        return samples;
    }

    @Test
    void calmDesktopAndNoServerFigureIsOk() {
        HealthAlerts.State state = alerts.evaluate(calm(30), NOW, false);

        assertThat(state.level()).isEqualTo(Level.OK);
        assertThat(state.reason()).isEmpty();
        assertThat(alerts.evaluate(List.of(), NOW, false).level()).isEqualTo(Level.OK);
    }

    @Test
    void poolWaitP99OverTheThresholdIsAmberWithTheFigure() {
        List<MetricsSample> samples = calm(30);
        samples.set(samples.size() - 3, second(2, 640, 0, 0));

        HealthAlerts.State state = alerts.evaluate(samples, NOW, false);

        assertThat(state.level()).isEqualTo(Level.WARNING);
        assertThat(state.reason()).isEqualTo("Pool wait p99 640 ms (over 500 ms)");
        assertThat(alerts.evaluate(List.of(second(0, 499, 0, 0)), NOW, false).level())
                .isEqualTo(Level.OK);
    }

    @Test
    void errorsInTheWindowAreAmberAndForgottenAfterIt() {
        List<MetricsSample> samples = calm(30);
        samples.set(samples.size() - 1 - 4, second(4, 0.05, 3, 0));

        HealthAlerts.State state = alerts.evaluate(samples, NOW, false);
        assertThat(state.level()).isEqualTo(Level.WARNING);
        assertThat(state.reason()).isEqualTo("3 statement errors in the last 10 s");

        // the same errors 20 s later are outside the window
        assertThat(alerts.evaluate(samples, NOW.plusSeconds(20), false).level()).isEqualTo(Level.OK);
    }

    @Test
    void refusedConnectionsAndPoolTimeoutsAreRedAndListedBeforeWarnings() {
        List<MetricsSample> samples = calm(30);
        samples.set(samples.size() - 1, second(0, 5000, 2, 1));

        HealthAlerts.State down = alerts.evaluate(calm(5), NOW, true);
        HealthAlerts.State timeouts = alerts.evaluate(samples, NOW, false);

        assertThat(down.level()).isEqualTo(Level.ALERT);
        assertThat(down.reason()).isEqualTo("Server refuses connections");
        assertThat(timeouts.level()).isEqualTo(Level.ALERT);
        assertThat(timeouts.reason())
                .isEqualTo("1 request got no pooled connection in time · Pool wait p99 5000 ms (over 500 ms) · "
                        + "2 statement errors in the last 10 s");
    }

    @Test
    void serverConnectionsFromTheLastPollWarnAtEightyPercentUntilTheNextPoll() {
        alerts.serverConnections(79, 100);
        assertThat(alerts.evaluate(calm(5), NOW, false).level()).isEqualTo(Level.OK);

        alerts.serverConnections(80, 100);
        HealthAlerts.State busy = alerts.evaluate(calm(5), NOW, false);
        assertThat(busy.level()).isEqualTo(Level.WARNING);
        assertThat(busy.reason()).isEqualTo("Server connections 80 of 100 (80 % of max_connections)");
        // kept while nobody polls (the Health screen closed) ...
        assertThat(alerts.evaluate(calm(5), NOW.plusSeconds(600), false).level())
                .isEqualTo(Level.WARNING);

        // ... until the next poll says otherwise
        alerts.serverConnections(12, 100);
        assertThat(alerts.evaluate(calm(5), NOW, false).level()).isEqualTo(Level.OK);
    }
}
