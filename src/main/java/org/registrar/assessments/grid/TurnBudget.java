package org.registrar.assessments.grid;

/**
 * How long one FX-thread turn of a long piece of work may run before it lets the screen answer (and the next turn
 * is queued after what is waiting): a few milliseconds, so a 10,000-row step never freezes the screen. One per turn;
 * FX thread only.
 */
public final class TurnBudget {
    /** Work per turn; pulses, layout and the input waiting in between come on top of it. */
    static final long NANOS = 8_000_000L;

    private final long deadline;

    public TurnBudget() {
        this(NANOS);
    }

    /** A turn of {@code nanos} (0: one item per turn, for tests that look between turns). */
    public TurnBudget(long nanos) {
        deadline = System.nanoTime() + nanos;
    }

    /** True while this turn may go on. */
    public boolean left() {
        return System.nanoTime() < deadline;
    }
}
