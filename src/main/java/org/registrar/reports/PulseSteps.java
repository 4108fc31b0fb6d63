package org.registrar.reports;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;

/**
 * Changes to the screen run one per pulse, in the order they were asked for: each runs at the start of a pulse (an
 * animation timer's turn), so that pulse styles and lays out only what it changed. A repeated step runs once per
 * pulse until it says it is done. FX thread only.
 */
final class PulseSteps extends AnimationTimer {
    private final Deque<BooleanSupplier> pending = new ArrayDeque<>();
    private boolean running;

    /** {@code step} runs once, in a pulse of its own. */
    void add(Runnable step) {
        repeat(() -> {
            step.run();
            return true;
        });
    }

    /** {@code step} runs once per pulse until it returns true; the steps after it wait. */
    void repeat(BooleanSupplier step) {
        pending.add(step);
        if (!running) {
            running = true;
            start();
        }
    }

    /** Drops the steps not yet run. */
    void cancel() {
        pending.clear();
    }

    @Override
    public void handle(long now) {
        BooleanSupplier next = pending.peek();
        if (next == null) {
            running = false;
            stop();
            return;
        }
        if (next.getAsBoolean()) {
            pending.poll();
        }
    }
}
