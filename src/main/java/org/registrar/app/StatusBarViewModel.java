package org.registrar.app;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.registrar.db.ConnectionMonitor;
import org.registrar.health.ServerActivityRepository;
import org.registrar.i18n.Messages;
import org.registrar.metrics.HealthAlerts;
import org.registrar.metrics.MetricsSample;
import org.registrar.metrics.OperationPhrases;
import org.registrar.metrics.OperationSummary;
import org.registrar.metrics.PoolMetrics;
import org.registrar.metrics.QueryMetrics;

/**
 * What the status bar says: the last operation the user asked for and its cost, the connection state with its lamp,
 * the pool in use, and the health alert with every reason. Reads in-memory counters only, never the database.
 * {@link #tick()} re-reads the pool and the alert rules; the view calls it once a second, tests when they like.
 * Properties change on the FX thread only (listeners on other threads hand over through {@code fxThread}).
 */
final class StatusBarViewModel {
    /** Work the app does by itself; the status bar reports only what the user asked for. */
    private static final Set<String> BACKGROUND_OPERATIONS =
            Set.of(ConnectionMonitor.CHECK_OPERATION, ServerActivityRepository.POLL_OPERATION);

    /** How a state looks: the words and the lamp's style class. */
    record Lamp(String text, String style) {}

    private final Supplier<PoolMetrics.Snapshot> pool;
    private final Supplier<List<MetricsSample>> recent;
    private final BooleanSupplier serverDown;
    private final HealthAlerts alerts;
    private final Clock clock;
    private final Executor fxThread;
    private final StringProperty operation = new SimpleStringProperty(Messages.text("messages.status.ready"));
    private final ObjectProperty<Lamp> connection = new SimpleObjectProperty<>();
    private final StringProperty poolText = new SimpleStringProperty("");
    private final ObjectProperty<HealthAlerts.State> alert =
            new SimpleObjectProperty<>(new HealthAlerts.State(HealthAlerts.Level.OK, ""));
    private final Consumer<OperationSummary> operationListener = this::operationDone;

    StatusBarViewModel(
            Supplier<PoolMetrics.Snapshot> pool,
            Supplier<List<MetricsSample>> recent,
            BooleanSupplier serverDown,
            HealthAlerts alerts,
            Clock clock,
            Executor fxThread) {
        this.pool = pool;
        this.recent = recent;
        this.serverDown = serverDown;
        this.alerts = alerts;
        this.clock = clock;
        this.fxThread = fxThread;
    }

    /** The bar of the running app: its pool, its samples, its connection monitor and its statements. */
    static StatusBarViewModel of(AppContext context, Executor fxThread) {
        ConnectionMonitor monitor = context.monitor();
        StatusBarViewModel model = new StatusBarViewModel(
                context.database()::poolState,
                context.sampler().history()::recent,
                () -> monitor.state() == ConnectionMonitor.State.DOWN,
                context.healthAlerts(),
                Clock.systemUTC(),
                fxThread);
        model.connectionChanged(monitor.state());
        monitor.addListener(state -> fxThread.execute(() -> model.connectionChanged(state)));
        model.listenTo(context.database().queryMetrics());
        return model;
    }

    /** Reports each finished operation the user asked for, until {@link #stopListening}. */
    void listenTo(QueryMetrics metrics) {
        metrics.addListener(operationListener);
    }

    void stopListening(QueryMetrics metrics) {
        metrics.removeListener(operationListener);
    }

    void operationDone(OperationSummary summary) {
        if (!BACKGROUND_OPERATIONS.contains(summary.operation())) {
            String text = OperationPhrases.describe(summary);
            fxThread.execute(() -> operation.set(text));
        }
    }

    /** The connection lamp for {@code state}. */
    void connectionChanged(ConnectionMonitor.State state) {
        connection.set(lampFor(state));
    }

    static Lamp lampFor(ConnectionMonitor.State state) {
        return switch (state) {
            case CONNECTED -> new Lamp(Messages.text("messages.status.connected"), "state-ok");
            case RECONNECTING -> new Lamp(Messages.text("messages.status.reconnecting"), "state-warn");
            case DOWN -> new Lamp(Messages.text("messages.status.down"), "state-down");
            default -> new Lamp(Messages.text("messages.status.connecting"), "state-warn");
        };
    }

    /** Reads the pool and evaluates the alert rules over the recent samples, as of the clock's now. */
    void tick() {
        PoolMetrics.Snapshot state = pool.get();
        poolText.set(
                state.pending() > 0
                        ? Messages.text("messages.status.poolWaiting", state.active(), state.maximum(), state.pending())
                        : Messages.text("messages.status.pool", state.active(), state.maximum()));
        alert.set(alerts.evaluate(recent.get(), clock.instant(), serverDown.getAsBoolean()));
    }

    /** "Ready", then what the last operation the user asked for cost, in words. */
    ReadOnlyStringProperty operationProperty() {
        return operation;
    }

    ReadOnlyObjectProperty<Lamp> connectionProperty() {
        return connection;
    }

    /** "Pool 1/2 in use", with how many wait for a connection when any do. */
    ReadOnlyStringProperty poolProperty() {
        return poolText;
    }

    /** The alert lamp's level and reasons; level OK means the lamp is hidden. */
    ReadOnlyObjectProperty<HealthAlerts.State> alertProperty() {
        return alert;
    }
}
