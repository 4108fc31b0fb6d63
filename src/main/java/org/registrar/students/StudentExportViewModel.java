package org.registrar.students;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.registrar.db.DatabaseErrors;
import org.registrar.tasks.Tasks;

/**
 * CSV export of the current filtered, sorted view, with progress. Use on the FX thread only; progress arrives
 * through {@code resultThread} (the FX thread in the app).
 */
public final class StudentExportViewModel {
    static final String EXPORT = "Export students";

    private final Tasks tasks;
    private final StudentExportService service;
    private final Executor resultThread;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private AtomicBoolean cancel = new AtomicBoolean();

    public StudentExportViewModel(Tasks tasks, StudentExportService service, Executor resultThread) {
        this.tasks = tasks;
        this.service = service;
        this.resultThread = resultThread;
    }

    /**
     * Writes the view to {@code file} (UTF-8); {@code expected} sizes the progress bar (null: unknown). A
     * cancelled export deletes its partial file.
     */
    public void export(Path file, StudentOrder order, StudentFilter filter, RowCount expected) {
        if (running.get()) {
            return;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        cancel = cancelled;
        running.set(true);
        progress.set(expected == null ? -1 : 0);
        status.set("Exporting…");
        tasks.run(EXPORT, () -> write(file, order, filter, expected, cancelled))
                .onDone(written -> {
                    running.set(false);
                    if (cancelled.get()) {
                        progress.set(0);
                        status.set("Export cancelled; no file was written.");
                    } else {
                        progress.set(1);
                        status.set(String.format(
                                "Exported %,d %s to %s in %s.",
                                written,
                                written == 1 ? "student" : "students",
                                file.getFileName(),
                                file.toAbsolutePath().getParent()));
                    }
                })
                .onError(error -> {
                    running.set(false);
                    progress.set(0);
                    status.set("Export failed: " + DatabaseErrors.describe(error));
                });
    }

    /** Streams the view into {@code file}, deleting it when cancelled. Blocking: on the worker thread. */
    private long write(Path file, StudentOrder order, StudentFilter filter, RowCount expected, AtomicBoolean cancelled)
            throws java.io.IOException {
        AtomicBoolean reported = new AtomicBoolean();
        long written;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            written = service.export(
                    order,
                    filter,
                    out,
                    count -> {
                        if (reported.compareAndSet(false, true)) {
                            resultThread.execute(() -> {
                                reported.set(false);
                                showProgress(count, expected);
                            });
                        }
                    },
                    cancelled::get);
        }
        if (cancelled.get()) {
            Files.deleteIfExists(file);
        }
        return written;
    }

    /** Stops the running export at the next row; its partial file is deleted. */
    public void cancel() {
        if (running.get() && !cancel.get()) {
            cancel.set(true);
            status.set("Cancelling…");
        }
    }

    private void showProgress(long written, RowCount expected) {
        if (!running.get() || cancel.get()) {
            return;
        }
        if (expected != null && expected.value() > 0) {
            progress.set(Math.min(1.0, written / (double) expected.value()));
        }
        status.set(String.format(
                "Exporting… %,d%s",
                written,
                expected == null
                        ? ""
                        : (expected.exact() ? " of " : " of about ") + String.format("%,d", expected.value())));
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }
}
