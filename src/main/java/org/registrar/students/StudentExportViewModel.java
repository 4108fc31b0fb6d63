package org.registrar.students;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
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
import org.registrar.i18n.Messages;
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
    private final BooleanProperty semicolons = new SimpleBooleanProperty(semicolonsSuit(Messages.locale()));
    private AtomicBoolean cancel = new AtomicBoolean();

    public StudentExportViewModel(Tasks tasks, StudentExportService service, Executor resultThread) {
        this.tasks = tasks;
        this.service = service;
        this.resultThread = resultThread;
    }

    /**
     * Whether Excel in {@code locale}'s region expects semicolons between cells: where the decimal separator is a
     * comma, Excel's list separator is a semicolon, and a comma-separated file opens as one column.
     */
    public static boolean semicolonsSuit(Locale locale) {
        return DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',';
    }

    /**
     * Writes the view to {@code file} (UTF-8 with a byte order mark, so Excel reads Åberg as Åberg; cells separated
     * by commas, or semicolons when {@link #semicolonsProperty()} is set); {@code expected} sizes the progress bar (null: unknown). A
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
        status.set(Messages.text("messages.export.running"));
        tasks.run(EXPORT, () -> write(file, order, filter, expected, cancelled))
                .onDone(written -> {
                    running.set(false);
                    if (cancelled.get()) {
                        progress.set(0);
                        status.set(Messages.text("messages.export.cancelled"));
                    } else {
                        progress.set(1);
                        status.set(Messages.text(
                                "messages.export.done",
                                written,
                                file.getFileName().toString(),
                                file.toAbsolutePath().getParent().toString()));
                    }
                })
                .onError(error -> {
                    running.set(false);
                    progress.set(0);
                    status.set(Messages.text("messages.export.failed", DatabaseErrors.describe(error)));
                });
    }

    /** Streams the view into {@code file}, deleting it when cancelled. Blocking: on the worker thread. */
    private long write(Path file, StudentOrder order, StudentFilter filter, RowCount expected, AtomicBoolean cancelled)
            throws java.io.IOException {
        AtomicBoolean reported = new AtomicBoolean();
        char delimiter = semicolons.get() ? ';' : ',';
        long written;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
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
                    cancelled::get,
                    delimiter);
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
            status.set(Messages.text("messages.export.cancelling"));
        }
    }

    private void showProgress(long written, RowCount expected) {
        if (!running.get() || cancel.get()) {
            return;
        }
        if (expected != null && expected.value() > 0) {
            progress.set(Math.min(1.0, written / (double) expected.value()));
        }
        status.set(
                expected == null
                        ? Messages.text("messages.export.progress", written)
                        : Messages.text(
                                expected.exact() ? "messages.export.progressOf" : "messages.export.progressOfAbout",
                                written,
                                expected.value()));
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Cells separated by semicolons (Excel where the decimal separator is a comma) rather than commas. */
    public BooleanProperty semicolonsProperty() {
        return semicolons;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }
}
