package org.registrar.db;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.registrar.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postgres a previous session left behind in a data folder: one still running after its JVM was killed is
 * stopped cleanly with its own {@code pg_ctl stop -m fast}; a {@code postmaster.pid} left by a power loss (its PID
 * dead, or reused by an unrelated process) is removed. Blocking; thread-safe.
 */
final class PreviousServer {
    private static final Logger LOG = LoggerFactory.getLogger(PreviousServer.class);
    static final String PID_FILE = "postmaster.pid";
    /** postmaster.pid holds eight short lines; far more is not a file PostgreSQL wrote. */
    private static final long MAX_PID_FILE_BYTES = 4096;

    static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private PreviousServer() {}

    static void clear(Path directory, Consumer<String> progress) throws IOException {
        Path pidFile = directory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            LOG.info("No {} in {}: the previous server stopped cleanly, or none ran", PID_FILE, directory);
            return;
        }
        Optional<Long> pid = postmasterPid(directory);
        Optional<ProcessHandle> orphan = pid.flatMap(ProcessHandle::of).filter(p -> isPostgresOn(p, directory));
        if (orphan.isPresent()) {
            LOG.info("Stopping the server a previous session left running…");
            progress.accept(Messages.text("messages.server.stoppingPrevious"));
            stopOrphan(orphan.get(), directory);
        } else {
            LOG.warn(
                    "Stale {} (PID {} is no postgres serving {}), left by a crash: removing it",
                    PID_FILE,
                    pid.map(String::valueOf).orElse("unreadable"),
                    directory);
            Files.deleteIfExists(pidFile);
        }
    }

    /**
     * Line 1 of postmaster.pid is the PID, line 4 the port (PostgreSQL docs, "Database File Layout"); the file holds
     * a few short lines, so a larger one is not read (empty).
     */
    static Optional<Long> postmasterPid(Path directory) {
        try {
            List<String> lines = LocalFiles.readText(directory.resolve(PID_FILE), MAX_PID_FILE_BYTES)
                    .lines()
                    .toList();
            String port = lines.size() > 3 ? lines.get(3).trim() : "?";
            long pid = Long.parseLong(lines.get(0).trim());
            LOG.info("{} names PID {} on port {}", PID_FILE, pid, port);
            return Optional.of(pid);
        } catch (IOException | RuntimeException e) {
            LOG.info("No readable PID in {} of {}: {}", PID_FILE, directory, e.toString());
            return Optional.empty();
        }
    }

    /** Whether the PID from postmaster.pid still runs a postgres, and on this folder: PIDs get reused. */
    private static boolean isPostgresOn(ProcessHandle process, Path directory) {
        String name = commandName(process);
        boolean ours =
                isRunning(process) && name.matches("postgres(\\.exe)?( \\(deleted\\))?") && runsIn(process, directory);
        LOG.info("PID {} ('{}') {} our server", process.pid(), name, ours ? "is" : "is not");
        return ours;
    }

    /** PostgreSQL chdirs to its data folder; where /proc cannot tell, trust postmaster.pid. */
    private static boolean runsIn(ProcessHandle process, Path directory) {
        try {
            return Files.isSameFile(Path.of("/proc", Long.toString(process.pid()), "cwd"), directory);
        } catch (IOException e) {
            return true;
        }
    }

    /** The executable's file name; " (deleted)" is appended when a tmp cleaner removed zonky's binaries. */
    private static String commandName(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> Path.of(command).getFileName().toString())
                .orElse("");
    }

    private static void stopOrphan(ProcessHandle orphan, Path directory) throws IOException {
        LOG.warn("PostgreSQL PID {} from a previous session still runs on {}: stopping it", orphan.pid(), directory);
        String pgCtlName = commandName(orphan).equals("postgres.exe") ? "pg_ctl.exe" : "pg_ctl";
        Optional<Path> pgCtl = orphan.info()
                .command()
                .map(postgres -> Path.of(postgres).resolveSibling(pgCtlName))
                .filter(Files::isExecutable);
        if (pgCtl.isEmpty() || !pgCtlStop(pgCtl.get(), directory)) {
            LOG.warn("pg_ctl unavailable or failed; asking PID {} to stop with SIGTERM", orphan.pid());
            orphan.destroy();
        }
        awaitStop(orphan, directory);
        LOG.info("Stopped PostgreSQL PID {} left by a previous session", orphan.pid());
    }

    /** Runs the orphan's own pg_ctl; as root through {@code unshare -U}, exactly as zonky started it. */
    private static boolean pgCtlStop(Path pgCtl, Path directory) throws IOException {
        List<String> command = new ArrayList<>();
        command.addAll(ServerBinaries.commandPrefix());
        command.addAll(List.of(
                pgCtl.toString(),
                "stop",
                "-D",
                directory.toString(),
                "-m",
                "fast",
                "-w",
                "-t",
                Long.toString(STOP_WAIT.toSeconds())));
        LOG.info("Running {}", String.join(" ", command));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int exitCode = process.onExit().join().exitValue(); // its output ended, so it has exited
        LOG.info("pg_ctl stop exited with {}: {}", exitCode, output);
        return exitCode == 0;
    }

    /** Stopped means the postmaster removed its pid file and exited (a reaped-late zombie counts as exited). */
    static void awaitStop(ProcessHandle process, Path directory) throws IOException {
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (isRunning(process) || Files.exists(directory.resolve(PID_FILE))) {
            if (!isRunning(process)) {
                LOG.warn("PID {} exited without removing {}: removing it", process.pid(), PID_FILE);
                Files.deleteIfExists(directory.resolve(PID_FILE));
            } else if (System.nanoTime() > deadline) {
                throw new IOException(Messages.text(
                        "messages.server.previousDidNotStop",
                        String.valueOf(process.pid()),
                        String.valueOf(directory),
                        STOP_WAIT.toSeconds()));
            }
            pause();
        }
    }

    private static boolean isRunning(ProcessHandle process) {
        return process.isAlive() && process.info().command().isPresent();
    }

    private static void pause() throws InterruptedIOException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(Messages.text("messages.server.interruptedStopping"));
        }
    }
}
