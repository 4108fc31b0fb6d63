package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.registrar.db.ConnectionMonitor;
import org.registrar.health.ServerActivityRepository;
import org.registrar.metrics.HealthAlerts;
import org.registrar.metrics.MetricsSample;
import org.registrar.metrics.OperationPhrases;
import org.registrar.metrics.OperationSummary;
import org.registrar.metrics.PoolMetrics;

/** What the status bar says, without JavaFX: a hand-set clock, pool and samples, and the model's own tick. */
class StatusBarViewModelTest {
    private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

    private Clock clock = Clock.fixed(START, ZoneOffset.UTC);
    private PoolMetrics.Snapshot pool = new PoolMetrics.Snapshot(0, 1, 0, 1, 2, 0, 1);
    private final List<MetricsSample> samples = new ArrayList<>();
    private boolean serverDown;
    private final StatusBarViewModel model = new StatusBarViewModel(
            () -> pool,
            () -> List.copyOf(samples),
            () -> serverDown,
            new HealthAlerts(),
            new Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return clock.instant();
                }
            },
            Runnable::run);

    @Test
    void saysReadyThenWhatTheUsersOwnOperationsCostButNotTheBackgroundChecks() {
        assertThat(model.operationProperty().get()).isEqualTo("Ready");

        model.operationDone(operation("Save results", 3, 1));
        String saved = model.operationProperty().get();
        model.operationDone(operation(ConnectionMonitor.CHECK_OPERATION, 1, 0));
        model.operationDone(operation(ServerActivityRepository.POLL_OPERATION, 2, 0));

        assertThat(saved).isEqualTo(OperationPhrases.describe(operation("Save results", 3, 1)));
        assertThat(model.operationProperty().get())
                .as("background work is not reported")
                .isEqualTo(saved);
    }

    @Test
    void namesEachConnectionStateWithItsLamp() {
        model.connectionChanged(ConnectionMonitor.State.CONNECTED);
        assertThat(model.connectionProperty().get()).isEqualTo(new StatusBarViewModel.Lamp("Connected", "state-ok"));
        model.connectionChanged(ConnectionMonitor.State.RECONNECTING);
        assertThat(model.connectionProperty().get())
                .isEqualTo(new StatusBarViewModel.Lamp("Reconnecting…", "state-warn"));
        model.connectionChanged(ConnectionMonitor.State.DOWN);
        assertThat(model.connectionProperty().get())
                .isEqualTo(new StatusBarViewModel.Lamp("Database unavailable", "state-down"));
    }

    @Test
    void eachTickReadsThePoolAgainAndSaysWhenRequestsWait() {
        model.tick();
        assertThat(model.poolProperty().get()).isEqualTo("Pool 0/2 in use");

        pool = new PoolMetrics.Snapshot(2, 0, 3, 2, 2, 0, 2);
        model.tick();

        assertThat(model.poolProperty().get()).isEqualTo("Pool 2/2 in use, 3 waiting");
    }

    @Test
    void aPoolTimeoutLightsTheAlertUntilItLeavesTheWindow() {
        model.tick();
        assertThat(model.alertProperty().get().level()).isEqualTo(HealthAlerts.Level.OK);

        samples.add(sample(START.minusSeconds(1), 2));
        model.tick();
        assertThat(model.alertProperty().get().level()).isEqualTo(HealthAlerts.Level.ALERT);
        assertThat(model.alertProperty().get().reason()).contains("2 requests got no pooled connection in time");

        clock = Clock.offset(clock, HealthAlerts.WINDOW.plus(Duration.ofSeconds(1)));
        model.tick();
        assertThat(model.alertProperty().get().level()).isEqualTo(HealthAlerts.Level.OK);
    }

    @Test
    void aServerThatRefusesConnectionsIsAnAlert() {
        serverDown = true;
        model.tick();
        assertThat(model.alertProperty().get())
                .isEqualTo(new HealthAlerts.State(HealthAlerts.Level.ALERT, "Server refuses connections"));
    }

    private static OperationSummary operation(String name, int statements, int transactions) {
        return new OperationSummary(
                name, statements, statements + transactions, transactions, 0, Duration.ofMillis(6), START);
    }

    private static MetricsSample sample(Instant at, long timeouts) {
        return new MetricsSample(
                at, 1.0, false, 10, 10, 2, 0, 0.4, 0.9, 1.2, 2.0, 1, 1, 0, 2, 2, 1.0, timeouts, Double.NaN);
    }
}
