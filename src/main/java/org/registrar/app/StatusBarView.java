package org.registrar.app;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.registrar.db.ConnectionMonitor;
import org.registrar.health.ServerActivityRepository;
import org.registrar.metrics.HealthAlerts;
import org.registrar.metrics.OperationSummary;
import org.registrar.metrics.PoolMetrics;

/**
 * The bottom bar: what the last operation cost (in words, {@link OperationPhrases}), the connection state, and the pool in use against its maximum.
 * Reads only in-memory counters, once a second; never touches the database.
 */
final class StatusBarView {
    private final StatusBar bar = new StatusBar();
    private final Label connection = new Label();
    private final Circle lamp = new Circle(5);
    private final Label pool = new Label();
    private final Label alert = new Label();
    private final Circle alertLamp = new Circle(5);
    private final Tooltip alertTip = new Tooltip();
    private final AppContext context;
    private final Timeline refresh;
    private final java.util.function.Consumer<OperationSummary> operationListener;
    /** Work the app does by itself; the status bar reports only what the user asked for. */
    private static final java.util.Set<String> BACKGROUND_OPERATIONS =
            java.util.Set.of(ConnectionMonitor.CHECK_OPERATION, ServerActivityRepository.POLL_OPERATION);

    StatusBarView(AppContext context) {
        this.context = context;
        bar.setId("status-bar");
        bar.setText("Ready");
        connection.setId("connection-state");
        connection.setGraphic(lamp);
        pool.setId("pool-state");
        alert.setId("health-alert");
        alert.setGraphic(alertLamp);
        alert.setTooltip(alertTip);
        alert.setMaxWidth(520);
        Separator alertSeparator = new Separator(javafx.geometry.Orientation.VERTICAL);
        alert.managedProperty().bind(alert.visibleProperty());
        alertSeparator.visibleProperty().bind(alert.visibleProperty());
        alertSeparator.managedProperty().bind(alert.visibleProperty());
        alert.setVisible(false);
        bar.getRightItems()
                .addAll(alert, alertSeparator, connection, new Separator(javafx.geometry.Orientation.VERTICAL), pool);
        bar.setPadding(new Insets(2, 8, 2, 8));
        showState(context.monitor().state());
        context.monitor().addListener(state -> Platform.runLater(() -> showState(state)));
        operationListener = summary -> {
            if (!BACKGROUND_OPERATIONS.contains(summary.operation())) {
                String text = OperationPhrases.describe(summary);
                Platform.runLater(() -> bar.setText(text));
            }
        };
        context.database().queryMetrics().addListener(operationListener);
        refresh = new Timeline(new KeyFrame(Duration.seconds(1), event -> {
            showPool();
            showAlerts();
        }));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        showPool();
        showAlerts();
    }

    Node root() {
        return bar;
    }

    private void showState(ConnectionMonitor.State state) {
        String text;
        String style;
        switch (state) {
            case CONNECTED -> {
                text = "Connected";
                style = "state-ok";
            }
            case RECONNECTING -> {
                text = "Reconnecting…";
                style = "state-warn";
            }
            case DOWN -> {
                text = "Database unavailable";
                style = "state-down";
            }
            default -> {
                text = "Connecting…";
                style = "state-warn";
            }
        }
        connection.setText(text);
        lamp.getStyleClass().setAll("lamp", style);
    }

    private void showPool() {
        PoolMetrics.Snapshot state = context.database().poolState();
        pool.setText(String.format(
                "Pool %d/%d in use%s",
                state.active(), state.maximum(), state.pending() > 0 ? ", " + state.pending() + " waiting" : ""));
    }

    /** The alert lamp: hidden while all is well, amber for a warning, red for an alert, with every reason. */
    private void showAlerts() {
        HealthAlerts.State state = context.healthAlerts()
                .evaluate(
                        context.sampler().history().recent(),
                        java.time.Instant.now(),
                        context.monitor().state() == ConnectionMonitor.State.DOWN);
        alert.setVisible(state.level() != HealthAlerts.Level.OK);
        alert.setText(state.reason());
        alertTip.setText(state.reason());
        alertLamp
                .getStyleClass()
                .setAll("lamp", state.level() == HealthAlerts.Level.ALERT ? "state-down" : "state-warn");
    }

    void dispose() {
        refresh.stop();
        context.database().queryMetrics().removeListener(operationListener);
    }
}
