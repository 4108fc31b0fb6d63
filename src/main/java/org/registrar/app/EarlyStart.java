package org.registrar.app;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.registrar.db.ConnectionProfile;
import org.registrar.db.StartPhases;
import org.registrar.i18n.Messages;

/**
 * The embedded database's start, begun by the launcher before JavaFX starts, so the server, the schema check and the
 * pool come up while the JVM loads JavaFX and the window is built (issue 16: second start to a usable window). It is
 * exactly {@link Startup#open} on its own thread, with the same start lock and checks; the window takes its result as
 * it would take its own start's ({@link #take}), and shows its progress from then on. Only the embedded server is
 * started early: a configured server may need a password typed into the window first. Thread-safe.
 */
final class EarlyStart {
    static final String BEGUN = "early start begun (from process start)";
    static final String READY = "data side ready (from process start)";
    private final ConnectionProfile profile;
    private final CompletableFuture<AppContext> result = new CompletableFuture<>();
    private final Object progressLock = new Object();
    private String lastStep = Messages.text("start.starting");
    private Consumer<String> progress;

    private EarlyStart(ConnectionProfile profile) {
        this.profile = profile;
    }

    /** Starts the embedded database on a daemon thread named "registrar-startup"; returns at once. */
    static EarlyStart begin(ConnectionProfile profile, Path dataHome, int demoStudents) {
        EarlyStart start = new EarlyStart(profile);
        Thread thread = new Thread(
                () -> {
                    try {
                        AppContext context = Startup.open(profile, null, dataHome, demoStudents, start::report);
                        StartPhases.process()
                                .record(READY, StartPhases.process().sinceProcessStart());
                        start.result.complete(context);
                    } catch (Throwable error) {
                        start.result.completeExceptionally(error);
                    }
                },
                "registrar-startup");
        thread.setDaemon(true);
        thread.start();
        return start;
    }

    /** Whether this start is for {@code chosen}, the profile the window settled on. */
    boolean serves(ConnectionProfile chosen) {
        return profile.equals(chosen);
    }

    /**
     * Blocks until the start ends and returns its context, or throws what it threw; {@code steps} receives the step
     * it is at now and every later one. Never call on the FX thread: a worker (the window's start task) waits here.
     */
    AppContext take(Consumer<String> steps) {
        synchronized (progressLock) {
            progress = steps;
            steps.accept(lastStep);
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The window chose another connection: whatever this start opens is closed (server stopped) once it ends. */
    void discard() {
        result.thenAccept(AppContext::close);
    }

    private void report(String step) {
        synchronized (progressLock) {
            lastStep = step;
            if (progress != null) {
                progress.accept(step);
            }
        }
    }
}
