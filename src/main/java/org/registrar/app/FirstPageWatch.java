package org.registrar.app;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.registrar.db.StartPhases;
import org.registrar.metrics.OperationSummary;

/**
 * Ends the window's start: when the Students screen's first page has been read, the first frame drawn after it
 * is the window usable. Records the page's query and the total from the process start as start phases and saves
 * them for {@code doctor}. A login without the Students screen is usable at the first frame of the main window.
 * Thread-safe: the query listener runs on a worker, the rest on the FX thread.
 */
final class FirstPageWatch {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FirstPageWatch.class);
    static final String FILE = "last-start.txt";
    private static final String FIRST_PAGE = "Open students page";
    static final String DRAWN = "first page drawn (from its answer to the frame)";

    private FirstPageWatch() {}

    /** Call on the FX thread before the main window is built (its first page is read at once, on a worker). */
    static void watch(AppContext context, Scene scene, boolean studentsShown) {
        StartPhases phases = StartPhases.process();
        Path file = context.dataHome().resolve(FILE);
        if (!studentsShown) {
            afterNextFrame(scene, () -> usable(phases, file));
            return;
        }
        AtomicBoolean seen = new AtomicBoolean();
        AtomicReference<Consumer<OperationSummary>> listener = new AtomicReference<>();
        listener.set(summary -> {
            if (summary.operation().equals(FIRST_PAGE) && seen.compareAndSet(false, true)) {
                context.database().queryMetrics().removeListener(listener.get());
                phases.record("first page query", summary.elapsed());
                long answered = System.nanoTime();
                Platform.runLater(() -> afterNextFrame(scene, () -> {
                    // the FX thread's part after the data: the window's build still running, styling, layout, drawing
                    phases.record(DRAWN, java.time.Duration.ofNanos(System.nanoTime() - answered));
                    usable(phases, file);
                }));
            }
        });
        context.database().queryMetrics().addListener(listener.get());
    }

    private static void usable(StartPhases phases, Path file) {
        phases.record("window usable (from process start)", phases.sinceProcessStart());
        phases.save(file);
        // ADR 0061: a start without the app's class-data archive (none, or a stale one) costs about a quarter more;
        // asked after the window is usable, as it loads the JVM's management classes
        LOG.info("Class data sharing: {}", ClassDataArchive.state());
    }

    /** Runs {@code then} once, after the next pulse has laid out and drawn the scene. */
    private static void afterNextFrame(Scene scene, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            then.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }
}
