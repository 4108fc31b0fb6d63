package org.registrar.assessments.input;

/**
 * What a cell of imported or pasted input asks for. Only an explicit value changes anything: a blank or missing score
 * or comment keeps what is saved (and what was typed in the grid); a comment cell holding only {@link #CLEAR} clears
 * the saved comment. {@link #CLEAR} means "no comment" wherever a comment is entered: typed into the grid too
 * ({@link #typedComment}). Pure and thread-safe.
 */
public final class InputCells {
    /** A comment cell holding only this clears the saved comment. */
    public static final String CLEAR = "-";

    private InputCells() {}

    /** The score text, or null (keep) when the cell is missing or blank. */
    public static String score(String cell) {
        return cell == null || cell.isBlank() ? null : cell;
    }

    /** The comment, "" (clear) for {@link #CLEAR}, or null (keep) when the cell is missing or blank. */
    public static String comment(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        return clears(cell) ? "" : cell;
    }

    /** A comment typed into the grid: as typed, "" for {@link #CLEAR} (as a paste or an import of it would give). */
    public static String typedComment(String typed) {
        return typed != null && clears(typed) ? "" : typed;
    }

    private static boolean clears(String cell) {
        return cell.strip().equals(CLEAR);
    }
}
