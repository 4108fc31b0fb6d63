package org.registrar.students;

import java.util.List;

/**
 * The classes shown for a typed prefix and how many matched in all: exactly {@code matched}, or at least that many
 * when {@code atLeast} (the count stops there). Immutable.
 */
public record ClassMatches(List<Choice> choices, long matched, boolean atLeast) {
    /** Classes shown for a prefix: enough to pick from, few enough to send at once. */
    public static final int SHOWN = 100;
    /** Matches counted for the "N more" hint; beyond it the hint says "more than". */
    public static final int COUNTED = 1000;

    static final ClassMatches NONE = new ClassMatches(List.of(), 0, false);

    public ClassMatches {
        choices = List.copyOf(choices);
    }

    /** How many matched but are not shown (the list was cut); 0 when every match is shown. */
    public long more() {
        return Math.max(0, matched - choices.size());
    }
}
