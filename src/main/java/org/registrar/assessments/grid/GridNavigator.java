package org.registrar.assessments.grid;

/**
 * What an {@link EditCell} asks of its grid: the text an edit starts with (including keys typed before the editor
 * had the keyboard), commits and moving on.
 */
interface GridNavigator {
    /** The text the editor of the cell at {@code row}/{@code column} starts with; {@code cellText} unless typed. */
    String startText(int row, GridColumn column, String cellText);

    /** The editor of {@code cell} is open (it takes keys that reach the table), or closed (null). */
    void editorOpen(EditCell cell);

    /** An editor closed while its cell's edit goes on elsewhere: the next editor of that cell starts with text. */
    void handOver(int row, GridColumn column, String text);

    void commit(GridRow row, GridColumn column, String text);

    /** Moves the focus from the cell at {@code row}/{@code column} by rows down and editable columns right. */
    void moveFrom(int row, GridColumn column, int down, int right);
}
