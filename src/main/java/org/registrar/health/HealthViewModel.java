package org.registrar.health;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.registrar.i18n.Messages;
import org.registrar.metrics.MetricsSample;
import org.registrar.metrics.OperationStats;
import org.registrar.metrics.QueryMetrics;
import org.registrar.metrics.SampleHistory;
import org.registrar.metrics.StatementSample;
import org.registrar.tasks.Tasks;

/**
 * State of the desktop half of the Health screen: what the always-running sampler recorded, the operations
 * table and the slowest statements. Reads in-memory figures only. Use on the FX thread only.
 */
public final class HealthViewModel {
    /** How far back the charts look. */
    enum Range {
        LAST_10_MINUTES(Duration.ofMinutes(10)),
        LAST_24_HOURS(Duration.ofHours(24));

        private final Duration span;

        Range(Duration span) {
            this.span = span;
        }

        /** "10 min", "24 h" in the chosen language. */
        String label() {
            return this == LAST_10_MINUTES
                    ? Messages.text("health.range.tenMinutes")
                    : Messages.text("health.range.day");
        }
    }

    /** What the charts show at one refresh. Immutable. */
    record Frame(
            Range range,
            Instant from,
            Instant to,
            List<MetricsSample> samples,
            boolean merged,
            List<SampleHistory.Event> events) {}

    /**
     * Points per line drawn at most; more are merged. The 10-minute view draws every second (600 points); the day
     * (1,440 minutes) draws 2-minute points, still more than a chart's width in pixels. The canvas charts redraw
     * this in about a millisecond; see docs/performance.md "Health panel".
     */
    static final int MAX_POINTS = 720;

    private final Tasks tasks;
    private final SampleHistory history;
    private final QueryMetrics metrics;
    private final boolean hasCaches;
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(Range.LAST_10_MINUTES);
    private final ObservableList<OperationStats> operations = FXCollections.observableArrayList();
    private final ObservableList<StatementSample> slowest = FXCollections.observableArrayList();
    private final ObservableList<SampleHistory.Event> events = FXCollections.observableArrayList();
    private final StringProperty now = new SimpleStringProperty(Messages.text("health.now.waiting"));
    private final StringProperty message = new SimpleStringProperty("");
    private long shownVersion = -1;

    /**
     * @param hasCaches whether any cache reports to the sampler; without one the panel says "no cache yet"
     */
    public HealthViewModel(Tasks tasks, SampleHistory history, QueryMetrics metrics, boolean hasCaches) {
        this.tasks = tasks;
        this.history = history;
        this.metrics = metrics;
        this.hasCaches = hasCaches;
        range.addListener((obs, was, next) -> shownVersion = -1);
    }

    /** Takes in what was recorded since the last call. Returns whether anything changed (charts need a redraw). */
    boolean refresh() {
        long version = history.version();
        if (paused.get() || version == shownVersion) {
            return false;
        }
        shownVersion = version;
        replaceIfChanged(operations, metrics.operations());
        replaceIfChanged(slowest, metrics.slowestStatements());
        List<SampleHistory.Event> newestFirst = new java.util.ArrayList<>(history.events());
        java.util.Collections.reverse(newestFirst);
        replaceIfChanged(events, newestFirst);
        List<MetricsSample> recent = history.recent();
        if (!recent.isEmpty()) {
            now.set(describe(recent.get(recent.size() - 1)));
        }
        return true;
    }

    /** Tables re-lay out on every change, so unchanged rows are not replaced. */
    private static <T> void replaceIfChanged(ObservableList<T> shown, List<T> latest) {
        if (!shown.equals(latest)) {
            shown.setAll(latest);
        }
    }

    /** The samples the charts draw now, merged down to about {@link #MAX_POINTS}. */
    Frame frame(Instant to) {
        Range shown = range.get();
        Instant from = to.minus(shown.span);
        List<MetricsSample> source = shown == Range.LAST_10_MINUTES ? history.recent() : history.minutes();
        List<MetricsSample> inRange =
                source.stream().filter(sample -> sample.at().isAfter(from)).toList();
        List<MetricsSample> drawn = SampleHistory.decimate(inRange, MAX_POINTS);
        return new Frame(shown, from, to, drawn, drawn.size() != inRange.size(), history.events(from));
    }

    private String describe(MetricsSample sample) {
        return Messages.text(
                sample.poolPending() > 0 ? "health.now.lastSecondWaiting" : "health.now.lastSecond",
                HealthFormat.figure(sample.statementsPerSecond()),
                HealthFormat.figure(sample.transactionsPerSecond()),
                HealthFormat.figure(sample.errorsPerSecond()),
                HealthFormat.figure(sample.p95Millis()),
                sample.poolActive(),
                sample.poolMaximum(),
                cacheText(sample),
                sample.poolPending());
    }

    private String cacheText(MetricsSample sample) {
        if (!hasCaches) {
            return Messages.text("health.now.noCache");
        }
        return Double.isNaN(sample.cacheHitRate())
                ? Messages.text("health.now.cacheIdle")
                : Messages.text("health.now.cacheHitRate", Math.round(sample.cacheHitRate() * 100));
    }

    /** Writes every recorded sample (per minute, then per second) to {@code file} off the FX thread. */
    Tasks.Pending<Integer> exportCsv(Path file) {
        List<MetricsSample> minutes = history.minutes();
        List<MetricsSample> seconds = history.recent();
        return tasks.runLocal("Export health samples", () -> SampleCsv.write(file, minutes, seconds))
                .onDone(rows -> message.set(Messages.text("health.export.saved", rows, file)))
                .onError(error -> message.set(Messages.text("health.export.failed", file, error.getMessage())));
    }

    void reportMessage(String text) {
        message.set(text);
    }

    boolean hasCaches() {
        return hasCaches;
    }

    BooleanProperty pausedProperty() {
        return paused;
    }

    ObjectProperty<Range> rangeProperty() {
        return range;
    }

    ObservableList<OperationStats> operations() {
        return operations;
    }

    ObservableList<StatementSample> slowest() {
        return slowest;
    }

    ObservableList<SampleHistory.Event> events() {
        return events;
    }

    ReadOnlyStringProperty nowProperty() {
        return now;
    }

    ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
