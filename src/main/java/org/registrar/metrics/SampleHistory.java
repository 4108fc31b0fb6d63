package org.registrar.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The samples of the last minutes at full resolution and of the last day merged per minute, plus marked events
 * (gaps, connection lost and back). Bounded: memory does not grow with uptime. Thread-safe (synchronized).
 */
public final class SampleHistory {
    /** A moment worth marking on the charts. Immutable. */
    public record Event(Instant at, String text) {}

    public static final int DEFAULT_RECENT = 600;
    public static final int DEFAULT_MINUTES = 24 * 60;
    static final int EVENTS_KEPT = 200;

    private final int recentCapacity;
    private final int minuteCapacity;
    private final ArrayDeque<MetricsSample> recent = new ArrayDeque<>();
    private final ArrayDeque<MetricsSample> minutes = new ArrayDeque<>();
    private final ArrayDeque<Event> events = new ArrayDeque<>();
    private final List<MetricsSample> currentMinute = new ArrayList<>();
    private Instant currentMinuteStart;
    private long version;

    /** 10 minutes at 1 s and 24 hours at 1 min. */
    public SampleHistory() {
        this(DEFAULT_RECENT, DEFAULT_MINUTES);
    }

    SampleHistory(int recentCapacity, int minuteCapacity) {
        this.recentCapacity = recentCapacity;
        this.minuteCapacity = minuteCapacity;
    }

    /** Adds the newest sample; samples must come in time order. */
    public synchronized void add(MetricsSample sample) {
        recent.addLast(sample);
        while (recent.size() > recentCapacity) {
            recent.removeFirst();
        }
        Instant minute = sample.at().truncatedTo(ChronoUnit.MINUTES);
        if (currentMinuteStart != null && !minute.equals(currentMinuteStart)) {
            closeMinute();
        }
        currentMinuteStart = minute;
        currentMinute.add(sample);
        version++;
    }

    private void closeMinute() {
        if (currentMinute.isEmpty()) {
            return;
        }
        minutes.addLast(MetricsSample.merge(currentMinute));
        while (minutes.size() > minuteCapacity) {
            minutes.removeFirst();
        }
        currentMinute.clear();
    }

    public synchronized void addEvent(Instant at, String text) {
        events.addLast(new Event(at, text));
        while (events.size() > EVENTS_KEPT) {
            events.removeFirst();
        }
        version++;
    }

    /** The full-resolution samples, oldest first. */
    public synchronized List<MetricsSample> recent() {
        return List.copyOf(recent);
    }

    /** One sample per minute, oldest first, including the minute in progress. */
    public synchronized List<MetricsSample> minutes() {
        List<MetricsSample> all = new ArrayList<>(minutes);
        if (!currentMinute.isEmpty()) {
            all.add(MetricsSample.merge(currentMinute));
        }
        return all.size() > minuteCapacity ? all.subList(all.size() - minuteCapacity, all.size()) : all;
    }

    /** Events not older than {@code since}, oldest first. */
    public synchronized List<Event> events(Instant since) {
        return events.stream().filter(event -> !event.at().isBefore(since)).toList();
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** Grows with every change: a cheap way for a view to tell whether anything is new. */
    public synchronized long version() {
        return version;
    }

    /** How far back the recent samples reach at full resolution. */
    public Duration recentSpan() {
        return Duration.ofSeconds(recentCapacity);
    }

    /**
     * About {@code maxPoints} samples standing for {@code samples} (one more per gap at most): consecutive runs are
     * merged, never across a gap, which stays visible. For drawing; the history itself keeps every sample.
     */
    public static List<MetricsSample> decimate(List<MetricsSample> samples, int maxPoints) {
        if (samples.size() <= maxPoints || maxPoints < 1) {
            return samples;
        }
        int bucket = (samples.size() + maxPoints - 1) / maxPoints;
        List<MetricsSample> merged = new ArrayList<>(maxPoints);
        List<MetricsSample> run = new ArrayList<>(bucket);
        for (MetricsSample sample : samples) {
            if (sample.gapBefore() && !run.isEmpty()) {
                merged.add(MetricsSample.merge(run));
                run.clear();
            }
            run.add(sample);
            if (run.size() == bucket) {
                merged.add(MetricsSample.merge(run));
                run.clear();
            }
        }
        if (!run.isEmpty()) {
            merged.add(MetricsSample.merge(run));
        }
        return merged;
    }
}
