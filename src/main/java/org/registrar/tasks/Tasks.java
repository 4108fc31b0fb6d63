package org.registrar.tasks;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.registrar.metrics.QueryMetrics;

/**
 * Runs database work off the FX thread, each piece as a named user operation counted by {@link QueryMetrics}, and
 * hands results back on the result thread (the FX thread in the app, the calling thread in tests). Thread-safe.
 */
public final class Tasks {
    private final Executor worker;
    private final Executor results;
    private final QueryMetrics metrics;
    private final Observer observer;

    /** Told on the worker thread how each piece of work ended (connection-state tracking). */
    public interface Observer {
        /** May refuse the work before it starts (e.g. fail fast while the server is known to be down). */
        default void beforeRun() throws Exception {}

        void succeeded();

        void failed(Throwable error);
    }

    /**
     * @param worker runs the work (a small pool sized to the connection pool in the app)
     * @param results where callbacks run ({@code Platform::runLater} in the app)
     */
    public Tasks(Executor worker, Executor results, QueryMetrics metrics, Observer observer) {
        this.worker = worker;
        this.results = results;
        this.metrics = metrics;
        this.observer = observer;
    }

    /** Both executors run inline: for ViewModel tests without JavaFX. */
    public static Tasks inline(QueryMetrics metrics) {
        return new Tasks(Runnable::run, Runnable::run, metrics, new Observer() {
            @Override
            public void succeeded() {}

            @Override
            public void failed(Throwable error) {}
        });
    }

    /** Starts {@code work} as the operation {@code operation}; never blocks the caller. */
    public <T> Pending<T> run(String operation, Callable<T> work) {
        return start(operation, work, observer);
    }

    /**
     * Starts work that needs no database (files) or must run even while the server is down (diagnostics): it is
     * neither refused while the server is down nor taken as a sign of the connection's state.
     */
    public <T> Pending<T> runLocal(String operation, Callable<T> work) {
        return start(operation, work, new Observer() {
            @Override
            public void succeeded() {}

            @Override
            public void failed(Throwable error) {}
        });
    }

    /**
     * Runs {@code step} on the result thread after what is already queued there, without a worker and without an
     * operation: long FX-thread work split into turns lets the screen answer in between. Never blocks the caller.
     */
    public void later(Runnable step) {
        results.execute(step);
    }

    private <T> Pending<T> start(String operation, Callable<T> work, Observer observer) {
        CompletableFuture<T> future = new CompletableFuture<>();
        worker.execute(() -> {
            T result;
            try (var scope = metrics.begin(operation)) {
                observer.beforeRun();
                result = work.call();
            } catch (Throwable error) {
                observer.failed(error);
                future.completeExceptionally(error);
                return;
            }
            observer.succeeded();
            future.complete(result);
        });
        return new Pending<>(future, results);
    }

    /** A result to come. Callbacks run on the result executor. */
    public static final class Pending<T> {
        private final CompletableFuture<T> future;
        private final Executor results;

        Pending(CompletableFuture<T> future, Executor results) {
            this.future = future;
            this.results = results;
        }

        public Pending<T> onDone(Consumer<? super T> action) {
            future.thenAcceptAsync(value -> reportingErrors(() -> action.accept(value)), results);
            return this;
        }

        public Pending<T> onError(Consumer<Throwable> action) {
            future.whenCompleteAsync(
                    (value, error) -> {
                        if (error != null) {
                            reportingErrors(() -> action.accept(unwrap(error)));
                        }
                    },
                    results);
            return this;
        }

        /** For tests and command-line use only; never on the FX thread. */
        public CompletableFuture<T> future() {
            return future;
        }

        /** A failing callback must not vanish inside the future: it goes to the uncaught-error handler (log + dialog). */
        private static void reportingErrors(Runnable callback) {
            try {
                callback.run();
            } catch (RuntimeException | Error error) {
                Thread thread = Thread.currentThread();
                Thread.UncaughtExceptionHandler handler = thread.getUncaughtExceptionHandler();
                handler.uncaughtException(thread, error);
            }
        }

        private static Throwable unwrap(Throwable error) {
            return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause()
                    : error;
        }
    }
}
