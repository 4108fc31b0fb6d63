package org.registrar.health;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.registrar.db.DatabaseErrors;
import org.registrar.i18n.Messages;
import org.registrar.metrics.HealthAlerts;
import org.registrar.tasks.Tasks;

/**
 * State of the server half of the Health screen: pg_stat_activity polled while the screen is visible, alerts
 * against the thresholds, and cancelling or terminating a backend. Polls never overlap; stale answers are
 * dropped. Use on the FX thread only.
 */
public final class ServerViewModel {
    static final String CANCEL_OPERATION = "Cancel backend";
    static final String TERMINATE_OPERATION = "Terminate backend";

    private final Tasks tasks;
    private final ServerActivityRepository repository;
    private final HealthSettings settings;
    private final HealthAlerts healthAlerts;
    private final ObservableList<ServerSession> sessions = FXCollections.observableArrayList();
    private final ObservableList<ServerActivity.Group> groups = FXCollections.observableArrayList();
    private final StringProperty connections = new SimpleStringProperty(Messages.text("health.server.notPolled"));
    private final DoubleProperty usedShare = new SimpleDoubleProperty();
    private final StringProperty alerts = new SimpleStringProperty("");
    private final StringProperty missing = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty alerting = new SimpleBooleanProperty();
    private boolean polling;
    private long latest;

    public ServerViewModel(Tasks tasks, ServerActivityRepository repository, HealthSettings settings) {
        this(tasks, repository, settings, new HealthAlerts());
    }

    /** As above, reporting each poll's connection count to {@code healthAlerts} (the status bar's lamp). */
    public ServerViewModel(
            Tasks tasks, ServerActivityRepository repository, HealthSettings settings, HealthAlerts healthAlerts) {
        this.tasks = tasks;
        this.repository = repository;
        this.settings = settings;
        this.healthAlerts = healthAlerts;
    }

    /** Polls the server unless a poll is still running (a slow server is not asked twice). */
    void poll() {
        if (polling) {
            return;
        }
        polling = true;
        long ticket = ++latest;
        tasks.run(ServerActivityRepository.POLL_OPERATION, repository::activity)
                .onDone(activity -> {
                    polling = false;
                    if (ticket == latest) {
                        show(activity);
                    }
                })
                .onError(error -> {
                    polling = false;
                    if (ticket == latest) {
                        connections.set(Messages.text("health.server.error", DatabaseErrors.describe(error)));
                        alerting.set(true);
                    }
                });
    }

    private void show(ServerActivity activity) {
        healthAlerts.serverConnections(activity.connectionsUsed(), activity.maxConnections());
        sessions.setAll(activity.sessions());
        groups.setAll(activity.groups());
        usedShare.set(activity.usedShare());
        connections.set(Messages.text(
                "health.server.connections",
                activity.connectionsUsed(),
                activity.maxConnections(),
                Math.round(activity.usedShare() * 100),
                activity.count(ServerSession.Category.ACTIVE),
                activity.count(ServerSession.Category.WAITING),
                activity.count(ServerSession.Category.IDLE_IN_TRANSACTION),
                activity.count(ServerSession.Category.IDLE)));
        missing.set(activity.missing() == null ? "" : activity.missing());
        describeAlerts(activity);
    }

    private void describeAlerts(ServerActivity activity) {
        long alerted = activity.sessions().stream()
                .filter(session -> session.level(settings) == ServerSession.Level.ALERT)
                .count();
        long warned = activity.sessions().stream()
                .filter(session -> session.level(settings) == ServerSession.Level.WARNING)
                .count();
        List<String> text = new ArrayList<>();
        if (activity.usedShare() >= 0.8) {
            text.add(Messages.text("health.server.nearMax"));
        }
        if (alerted > 0) {
            text.add(
                    Messages.text("health.server.sessionsOver", alerted, HealthFormat.duration(settings.alertAfter())));
        }
        if (warned > 0) {
            text.add(Messages.text(
                    "health.server.sessionsBlocked", warned, HealthFormat.duration(settings.warnAfter())));
        }
        alerts.set(String.join(" ", text));
        alerting.set(alerted > 0 || activity.usedShare() >= 0.8);
    }

    /** Whether the role may signal this session (and it is not the panel's own). */
    boolean maySignal(ServerSession session) {
        return session != null && session.maySignal() && !session.own();
    }

    /** Cancels the session's running query, then polls again. */
    Tasks.Pending<Boolean> cancel(ServerSession session) {
        return signal(
                CANCEL_OPERATION,
                session,
                () -> repository.cancel(session.pid()),
                Messages.text("health.server.cancelled", session.describe()));
    }

    /** Ends the session (its open transaction rolls back), then polls again. */
    Tasks.Pending<Boolean> terminate(ServerSession session) {
        return signal(
                TERMINATE_OPERATION,
                session,
                () -> repository.terminate(session.pid()),
                Messages.text("health.server.terminated", session.describe()));
    }

    private Tasks.Pending<Boolean> signal(
            String operation, ServerSession session, java.util.concurrent.Callable<Boolean> work, String done) {
        return tasks.run(operation, work)
                .onDone(sent -> {
                    message.set(sent ? done : Messages.text("health.server.alreadyEnded", session.pid()));
                    poll();
                })
                .onError(error -> message.set(DatabaseErrors.describe(error)));
    }

    HealthSettings settings() {
        return settings;
    }

    ObservableList<ServerSession> sessions() {
        return sessions;
    }

    ObservableList<ServerActivity.Group> groups() {
        return groups;
    }

    ReadOnlyStringProperty connectionsProperty() {
        return connections;
    }

    ReadOnlyDoubleProperty usedShareProperty() {
        return usedShare;
    }

    ReadOnlyStringProperty alertsProperty() {
        return alerts;
    }

    ReadOnlyBooleanProperty alertingProperty() {
        return alerting;
    }

    ReadOnlyStringProperty missingProperty() {
        return missing;
    }

    ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
