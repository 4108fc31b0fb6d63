package org.registrar.assessments.grid;

/**
 * Keys typed into a grid cell before its editor has the keyboard. Typing into a cell asks the table to edit it, but
 * the editor appears only when the table gets to it (at once, or at the next layout when the row is being
 * scrolled into place); keys that arrive in between land on the table. They are kept here, in order, and become
 * the editor's first text when it opens, or the cell's value when Enter or Tab comes first. FX thread only.
 */
final class TypeAhead {
    private int row = -1;
    private GridColumn column;
    /** The text the edit starts from; null: the cell's own text (editing started by F2 or a click). */
    private String base;

    private final StringBuilder typed = new StringBuilder();

    /** A character typed into a cell that was not editing: it replaces the cell's text, as in a spreadsheet. */
    void start(int row, GridColumn column, String character) {
        begin(row, column, "");
        typed.append(character);
    }

    /** Editing started without typing (F2): keys typed before the editor opens go after the cell's text. */
    void open(int row, GridColumn column) {
        begin(row, column, null);
    }

    /** An editor closed while its edit goes on in another cell of the same row (the table reused its cell). */
    void handOver(int row, GridColumn column, String text) {
        begin(row, column, text);
    }

    private void begin(int row, GridColumn column, String base) {
        this.row = row;
        this.column = column;
        this.base = base;
        typed.setLength(0);
    }

    void type(String character) {
        typed.append(character);
    }

    void backspace() {
        if (!typed.isEmpty()) {
            typed.setLength(typed.length() - 1);
        } else if (base != null && !base.isEmpty()) {
            base = base.substring(0, base.length() - 1);
        }
    }

    /** Whether keys are waiting for the editor of this cell. */
    boolean waitsFor(int row, GridColumn column) {
        return this.row == row && this.column == column;
    }

    /**
     * The text an edit of the cell at {@code row}/{@code column} starts with: what was typed ahead for it, else
     * {@code cellText}. Forgets what was typed.
     */
    String take(int row, GridColumn column, String cellText) {
        if (!waitsFor(row, column)) {
            return cellText;
        }
        String text = (base == null ? cellText : base) + typed;
        clear();
        return text;
    }

    void clear() {
        row = -1;
        column = null;
        base = null;
        typed.setLength(0);
    }
}
