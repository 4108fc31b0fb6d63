package org.registrar.assessments.grid;

import javafx.scene.control.TableCell;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * An editable grid cell that behaves like a spreadsheet's: typing starts editing with the typed character, Enter
 * commits and moves down, Tab commits and moves right (Shift+Tab left), Escape drops the typing, leaving the cell
 * commits. Keys that reach the table while the editor is open but lacks the keyboard are handed to it
 * ({@link #type}, {@link #finishEditing}). Commits go through the table to its {@link GridActions} (validated, journaled,
 * undoable). FX thread only.
 */
final class EditCell extends TableCell<GridRow, String> {
    private final GridNavigator navigator;
    private final GridColumn column;
    private TextField editor;
    private boolean finishing;

    EditCell(GridNavigator navigator, GridColumn column) {
        this.navigator = navigator;
        this.column = column;
        getStyleClass().add("edit-cell");
    }

    @Override
    public void startEdit() {
        GridRow row = getTableRow() == null ? null : getTableRow().getItem();
        if (row == null || isEmpty()) {
            return;
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        editor = new TextField(navigator.startText(getIndex(), column, getItem()));
        editor.getStyleClass().add("cell-editor");
        editor.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                finish(true, 1, 0);
                event.consume();
            } else if (event.getCode() == KeyCode.TAB) {
                finish(true, 0, event.isShiftDown() ? -1 : 1);
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                finish(false, 0, 0);
                event.consume();
            }
        });
        // A new TextField reads keys through its skin, which it gets at the next pulse; keys that come sooner (a
        // busy FX thread) would vanish, so until then the cell types them itself.
        editor.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (editor.getSkin() == null && typeable(event)) {
                editor.replaceSelection(event.getCharacter());
                event.consume();
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (editor.getSkin() == null && event.getCode() == KeyCode.BACK_SPACE) {
                editor.deletePreviousChar();
                event.consume();
            }
        });
        editor.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && isEditing() && !finishing) {
                finish(true, 0, 0);
            }
        });
        setText(null);
        setGraphic(editor);
        navigator.editorOpen(this);
        editor.requestFocus();
        editor.end();
    }

    /** Whether a KEY_TYPED event types text (not a control character or a shortcut). */
    static boolean typeable(KeyEvent event) {
        String character = event.getCharacter();
        return !character.isEmpty()
                && !Character.isISOControl(character.charAt(0))
                && !event.isShortcutDown()
                && !event.isAltDown();
    }

    /** A key typed while the editor was open but without the keyboard: inserted at the caret, in order. */
    void type(String character) {
        editor.replaceSelection(character);
        editor.requestFocus();
    }

    void backspace() {
        editor.deletePreviousChar();
        editor.requestFocus();
    }

    /** Enter, Tab or Escape that reached the table while this editor was open. */
    void finishEditing(boolean commit, int down, int right) {
        finish(commit, down, right);
    }

    /** Commits what the editor holds and closes it, the focus staying where it is (leaving the grid, closing). */
    void commitInPlace() {
        finish(true, 0, 0, false);
    }

    boolean owns(Object target) {
        return target == editor;
    }

    private void finish(boolean commit, int down, int right) {
        finish(commit, down, right, true);
    }

    private void finish(boolean commit, int down, int right, boolean move) {
        if (finishing) {
            return;
        }
        finishing = true;
        navigator.editorOpen(null);
        GridRow row = getTableRow().getItem();
        String typed = editor.getText();
        int index = getIndex();
        super.cancelEdit();
        showItem(getItem());
        if (commit && row != null) {
            navigator.commit(row, column, typed);
        }
        finishing = false;
        if (move) {
            navigator.moveFrom(index, column, down, right);
        }
    }

    @Override
    public void cancelEdit() {
        TablePosition<GridRow, ?> editing =
                getTableView() == null ? null : getTableView().getEditingCell();
        if (isEditing() && editor != null && !finishing && editing != null && editing.getRow() != getIndex()) {
            handOver(editing.getRow());
            return;
        }
        if (isEditing() && editor != null && !finishing) {
            finish(true, 0, 0);
            return;
        }
        super.cancelEdit();
        showItem(getItem());
    }

    /**
     * The table gave this cell another row while the edit of its old row goes on (layout reuses cells): the typed
     * text goes with the edit to the cell that shows that row next, not committed half-typed.
     */
    private void handOver(int editedRow) {
        finishing = true;
        navigator.editorOpen(null);
        navigator.handOver(editedRow, column, editor.getText());
        getTableView().requestFocus();
        super.cancelEdit();
        showItem(getItem());
        finishing = false;
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty) {
            setText(null);
            setGraphic(null);
        } else if (!isEditing()) {
            showItem(item);
        }
    }

    private void showItem(String item) {
        setGraphic(null);
        setText(item);
    }
}
