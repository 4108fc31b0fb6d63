package org.registrar.assessments.grid;

import java.util.OptionalDouble;
import java.util.prefs.Preferences;

/**
 * The grid's column widths as the user last dragged them, by column id, in the user's preferences beside the theme
 * ({@code <prefsNode>/ui/grid}), so the next open shows them again. Preferences keeps them in memory and writes them
 * out in the background. Thread-safe (Preferences is).
 */
public final class ColumnWidths {
    /** Wider than any screen: a saved value beyond this is nonsense (an edited preferences file). */
    private static final double WIDEST = 4_000;

    private final Preferences node;

    /** @param node where the widths are kept; null keeps none (nothing remembered, nothing restored) */
    public ColumnWidths(Preferences node) {
        this.node = node;
    }

    /** This user's widths ({@code -Dregistrar.prefsNode} moves them, as it does the theme, for tests). */
    public static ColumnWidths forUser() {
        return new ColumnWidths(Preferences.userRoot()
                .node(System.getProperty("registrar.prefsNode", "org/registrar/connection") + "/ui/grid"));
    }

    /** Nothing remembered. */
    public static ColumnWidths none() {
        return new ColumnWidths(null);
    }

    /** The width last remembered for the column, if a sensible one is. */
    public OptionalDouble width(String column) {
        if (node == null) {
            return OptionalDouble.empty();
        }
        double width = node.getDouble(column + ".width", Double.NaN);
        return width > 0 && width <= WIDEST ? OptionalDouble.of(width) : OptionalDouble.empty();
    }

    public void remember(String column, double width) {
        if (node != null && width > 0 && width <= WIDEST) {
            node.putDouble(column + ".width", Math.round(width));
        }
    }
}
