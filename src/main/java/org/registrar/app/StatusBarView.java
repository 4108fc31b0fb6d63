package org.registrar.app;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.registrar.metrics.HealthAlerts;
import org.registrar.metrics.QueryMetrics;

/**
 * The bottom bar, bound to its {@link StatusBarViewModel}: the last operation's cost, the connection lamp, the
 * pool, and the alert lamp (hidden while all is well). Its only logic is the one-second timeline that ticks the
 * model.
 */
final class StatusBarView {
    private final StatusBar bar = new StatusBar();
    private final Label connection = new Label();
    private final Circle lamp = new Circle(5);
    private final Label pool = new Label();
    private final Label alert = new Label();
    private final Circle alertLamp = new Circle(5);
    private final Tooltip alertTip = new Tooltip();
    private final StatusBarViewModel model;
    private final Runnable detach;
    private final Timeline refresh;

    StatusBarView(StatusBarViewModel model, Runnable detach) {
        this.model = model;
        this.detach = detach;
        bar.setId("status-bar");
        bar.textProperty().bind(model.operationProperty());
        connection.setId("connection-state");
        connection.setGraphic(lamp);
        pool.setId("pool-state");
        pool.textProperty().bind(model.poolProperty());
        alert.setId("health-alert");
        alert.setGraphic(alertLamp);
        alert.setTooltip(alertTip);
        alert.setMaxWidth(520);
        Separator alertSeparator = new Separator(Orientation.VERTICAL);
        alert.managedProperty().bind(alert.visibleProperty());
        alertSeparator.visibleProperty().bind(alert.visibleProperty());
        alertSeparator.managedProperty().bind(alert.visibleProperty());
        bar.getRightItems().addAll(alert, alertSeparator, connection, new Separator(Orientation.VERTICAL), pool);
        bar.setPadding(new Insets(2, 8, 2, 8));
        model.connectionProperty().addListener((obs, old, now) -> showConnection(now));
        showConnection(model.connectionProperty().get());
        model.alertProperty().addListener((obs, old, now) -> showAlert(now));
        model.tick();
        showAlert(model.alertProperty().get());
        refresh = new Timeline(new KeyFrame(Duration.seconds(1), event -> model.tick()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
    }

    /** The bar of the running app. */
    static StatusBarView create(AppContext context) {
        QueryMetrics metrics = context.database().queryMetrics();
        StatusBarViewModel model = StatusBarViewModel.of(context, Platform::runLater);
        return new StatusBarView(model, () -> model.stopListening(metrics));
    }

    Node root() {
        return bar;
    }

    private void showConnection(StatusBarViewModel.Lamp state) {
        connection.setText(state.text());
        lamp.getStyleClass().setAll("lamp", state.style());
    }

    /** Hidden while all is well, amber for a warning, red for an alert, with every reason. */
    private void showAlert(HealthAlerts.State state) {
        alert.setVisible(state.level() != HealthAlerts.Level.OK);
        alert.setText(state.reason());
        alertTip.setText(state.reason());
        alertLamp
                .getStyleClass()
                .setAll("lamp", state.level() == HealthAlerts.Level.ALERT ? "state-down" : "state-warn");
    }

    void dispose() {
        refresh.stop();
        detach.run();
    }
}
