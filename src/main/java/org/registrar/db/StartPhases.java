package org.registrar.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.registrar.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long each phase of this process's start took: the embedded server's steps, the schema check, the pool, the
 * first queries, and for the window the first page and the first frame. Each phase is logged at INFO as it ends,
 * so the log of every start says where its time went; {@code doctor} prints them, and the window's start saves them
 * to a file in the data folder that {@code doctor} shows as the last window start. Thread-safe.
 */
public final class StartPhases {
    private static final Logger LOG = LoggerFactory.getLogger(StartPhases.class);
    private static final StartPhases PROCESS = new StartPhases(processStart());

    /** One finished phase. Immutable. */
    public record Phase(String name, Duration took) {
        /** "server start (pg_ctl)                  812 ms". */
        public String line() {
            return String.format("%-40s %10s", name, Messages.text("messages.server.phaseMillis", took.toMillis()));
        }
    }

    /** Work timed as a phase. */
    @FunctionalInterface
    public interface Step<T, E extends Exception> {
        T get() throws E;
    }

    private final Instant origin;
    private final List<Phase> phases = new CopyOnWriteArrayList<>();

    StartPhases(Instant origin) {
        this.origin = origin;
    }

    /** The phases of this process's start, timed from the moment the operating system started it. */
    public static StartPhases process() {
        return PROCESS;
    }

    /** Runs {@code work} and records how long it took as {@code name}, also when it fails. */
    public <T, E extends Exception> T time(String name, Step<T, E> work) throws E {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            record(name, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Records a phase measured elsewhere (a first query's own time, the time since the process started). */
    public void record(String name, Duration took) {
        phases.add(new Phase(name, took));
        LOG.info("Start phase {}: {} ms", name, took.toMillis());
    }

    /** From the process's start (as the operating system reports it) to now. */
    public Duration sinceProcessStart() {
        return Duration.between(origin, Instant.now());
    }

    public List<Phase> phases() {
        return List.copyOf(phases);
    }

    /** Saves the phases for {@code doctor}; a failure to write is logged, never raised (the start goes on). */
    public void save(Path file) {
        try {
            Files.write(file, phases.stream().map(Phase::line).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Could not save the start phases to {}: {}", file, e.getMessage());
        }
    }

    /** The lines {@link #save} wrote, or none when no start saved any. */
    public static List<String> saved(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of(Messages.text("messages.server.phasesUnreadable", String.valueOf(file), e.getMessage()));
        }
    }

    private static Instant processStart() {
        return ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
    }
}
