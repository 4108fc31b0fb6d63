package org.registrar.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.registrar.app.ClassDataArchive;
import org.registrar.app.Launcher;

/**
 * The window's start as a user sees it: the real app (registrar.jar) runs as a child process, headless under Monocle,
 * on an embedded server in a scratch data folder. A first start creates the data (the bench's number of students),
 * then each repetition is a second start, timed from the process's start to the first Students page drawn (the app's
 * own "window usable" phase, which it saves to last-start.txt), and closed as the system closes an app (SIGTERM: the
 * embedded server stops in its shutdown hook) before the next. Reports every start phase's median. Needs no
 * server of the bench's own.
 */
public final class StartBench implements BenchScenario {
    static final String USABLE = "window usable (from process start)";
    private static final Pattern PHASE = Pattern.compile("^(.*?)\\s+([\\d,]+) ms$");
    private static final Duration FIRST_START_LIMIT = Duration.ofMinutes(15);
    private static final Duration START_LIMIT = Duration.ofMinutes(10);
    private static final Duration STOP_LIMIT = Duration.ofMinutes(1);
    private static final String MONOCLE_PROPERTY = "registrar.bench.monocle";
    /** {@code -Dregistrar.bench.class-data=off}: the app starts without a class-data archive (ADR 0061), for A/B. */
    private static final String CLASS_DATA_PROPERTY = "registrar.bench.class-data";

    @Override
    public String name() {
        return "start";
    }

    @Override
    public boolean needsDemoSchool() {
        return false;
    }

    @Override
    public boolean needsServer() {
        return false;
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        Path dataHome = Files.createTempDirectory("registrar-start-bench");
        try {
            String archiveNote = "Class-data archive: none (-D" + CLASS_DATA_PROPERTY + "=off).";
            List<String> archiveOptions = List.of();
            if (!"off".equals(System.getProperty(CLASS_DATA_PROPERTY))) {
                // made as an installation makes it, for the child's own class path, before its first start
                Path archive = dataHome.resolve("registrar.jsa");
                long dumpStarted = System.nanoTime();
                boolean made = ClassDataArchive.make(archive, classPath());
                archiveNote = made
                        ? String.format(
                                "Class-data archive (ADR 0061): made in %.1f s before the first start, %,d MB.",
                                Measurements.since(dumpStarted) / 1000,
                                Files.size(archive) / 1_000_000)
                        : "Class-data archive: the dump failed (registrar.jsa.log); the starts ran without one.";
                archiveOptions = made ? ClassDataArchive.options(archive) : List.of();
            }
            List<String> command = command(dataHome, context.students(), archiveOptions);
            String loadBefore = loadAverage();
            Map<String, Long> first = startOnce(command, dataHome, FIRST_START_LIMIT);
            List<Map<String, Long>> seconds = new ArrayList<>();
            List<Double> outside = new ArrayList<>();
            for (int i = 0; i < context.repetitions(); i++) {
                long started = System.nanoTime();
                seconds.add(startOnce(command, dataHome, START_LIMIT));
                outside.add(Measurements.since(started));
            }
            return table(first, seconds, outside)
                    .note(String.format(
                            "%d second starts of the real app (registrar.jar, Monocle headless) on a %,d-student"
                                    + " embedded school, each timed from the process start to the first Students"
                                    + " page drawn; medians. Load average before: %s, after: %s.",
                            seconds.size(), context.students(), loadBefore, loadAverage()))
                    .note(archiveNote)
                    .note("Command: " + String.join(" ", command));
        } finally {
            BenchCommand.deleteQuietly(dataHome);
        }
    }

    /**
     * Starts the app, waits until it has saved its start phases (the first page is drawn), closes it and waits until
     * it and its server have stopped. Returns each phase in milliseconds.
     */
    private static Map<String, Long> startOnce(List<String> command, Path dataHome, Duration limit)
            throws IOException, InterruptedException {
        Path phases = dataHome.resolve("last-start.txt");
        Files.deleteIfExists(phases);
        Process app = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataHome.resolve("bench-child.log").toFile()))
                .start();
        try {
            Map<String, Long> read = awaitPhases(app, phases, limit);
            app.destroy();
            if (!app.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The app did not stop within " + STOP_LIMIT + " of SIGTERM");
            }
            awaitServerStopped(dataHome.resolve("pgdata"));
            return read;
        } finally {
            // SIGTERM first even after a failure: a forced end would leave the app's postgres running
            if (app.isAlive()) {
                app.destroy();
                if (!app.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    app.destroyForcibly();
                }
            }
        }
    }

    private static Map<String, Long> awaitPhases(Process app, Path file, Duration limit)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                Map<String, Long> phases = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
                if (phases.containsKey(USABLE)) {
                    return phases;
                }
            }
            if (!app.isAlive()) {
                throw new IllegalStateException("The app ended (exit " + app.exitValue() + ") before its first page;"
                        + " see bench-child.log and logs/registrar.log in the data folder");
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("No first page within " + limit);
    }

    /** The next start must be a second start, not one that first stops a server left running. */
    private static void awaitServerStopped(Path pgdata) throws InterruptedException {
        Path pid = pgdata.resolve("postmaster.pid");
        long deadline = System.nanoTime() + STOP_LIMIT.toNanos();
        while (Files.exists(pid) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (Files.exists(pid)) {
            throw new IllegalStateException("The embedded server did not stop within " + STOP_LIMIT);
        }
    }

    static Map<String, Long> parse(List<String> lines) {
        Map<String, Long> phases = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher matcher = PHASE.matcher(line);
            if (matcher.matches()) {
                phases.put(matcher.group(1), Long.parseLong(matcher.group(2).replace(",", "")));
            }
        }
        return phases;
    }

    private static BenchResult table(Map<String, Long> first, List<Map<String, Long>> seconds, List<Double> outside) {
        BenchResult result = new BenchResult(
                "start", "phase", "second start, median ms", "min ms", "max ms", "first start ms");
        Map<String, List<Long>> byPhase = new LinkedHashMap<>();
        seconds.forEach(start ->
                start.forEach((phase, ms) -> byPhase.computeIfAbsent(phase, k -> new ArrayList<>()).add(ms)));
        byPhase.forEach((phase, values) -> {
            double[] millis = values.stream().mapToDouble(Long::doubleValue).toArray();
            result.row(
                    phase.startsWith("  ") ? "· " + phase.strip() : phase,
                    Measurements.median(millis),
                    Measurements.percentile(millis, 0),
                    Measurements.percentile(millis, 100),
                    first.getOrDefault(phase, -1L).doubleValue());
        });
        double[] total = outside.stream().mapToDouble(Double::doubleValue).toArray();
        result.row(
                "whole run seen by the bench (spawn to phases saved, then SIGTERM to server stopped)",
                Measurements.median(total),
                Measurements.percentile(total, 0),
                Measurements.percentile(total, 100),
                Double.NaN);
        return result;
    }

    /** java, the headless Monocle settings the UI tests use, registrar.jar and Monocle, the app's main class. */
    private static List<String> command(Path dataHome, int students, List<String> archiveOptions) {
        Path javaProgram = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(javaProgram.toString());
        command.addAll(archiveOptions);
        command.addAll(List.of(
                "-Dtestfx.robot=glass",
                "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless",
                "-Dprism.order=sw",
                "-Dprism.text=t2k",
                "-Djava.awt.headless=true",
                "-cp",
                classPath(),
                Launcher.class.getName(),
                "--demo",
                "--data-home",
                dataHome.toString(),
                "--demo-students",
                String.valueOf(Math.min(students, 1_000_000))));
        return command;
    }

    private static String classPath() {
        return appJar() + java.io.File.pathSeparator + monocleJar();
    }

    private static Path appJar() {
        try {
            Path jar = Path.of(Launcher.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(
                        "The start scenario runs registrar.jar; the app was loaded from " + jar + " (run 'mvn package')");
            }
            return jar;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Monocle is a test dependency, not shipped: -Dregistrar.bench.monocle, else the local Maven repository's. */
    private static Path monocleJar() {
        String given = System.getProperty(MONOCLE_PROPERTY);
        Path jar = given != null
                ? Path.of(given)
                : Path.of(
                        System.getProperty("user.home"),
                        ".m2/repository/org/testfx/openjfx-monocle/17.0.10/openjfx-monocle-17.0.10.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The start scenario needs the Monocle jar (headless JavaFX): " + jar
                    + " is missing; give its path with -D" + MONOCLE_PROPERTY + "=...");
        }
        return jar;
    }

    static String loadAverage() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
