package org.registrar.assessments;

/** What an {@link EditCell} asks of its grid: the character that started the edit, commits and moving on. */
interface GridNavigator {
    /** The character typed to start editing, once; null when editing started otherwise (F2, double click). */
    String takeSeed();

    void commit(GridRow row, GridColumn column, String text);

    /** Moves the focus from the cell at {@code row}/{@code column} by rows down and editable columns right. */
    void moveFrom(int row, GridColumn column, int down, int right);
}
