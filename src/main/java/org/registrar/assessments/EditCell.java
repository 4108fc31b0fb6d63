package org.registrar.assessments;

import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

/**
 * An editable grid cell that behaves like a spreadsheet's: typing starts editing with the typed character, Enter
 * commits and moves down, Tab commits and moves right (Shift+Tab left), Escape drops the typing, leaving the cell
 * commits. Commits go to the {@link BulkEntryViewModel} (validated, journaled, undoable). FX thread only.
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
        String seed = navigator.takeSeed();
        editor = new TextField(seed != null ? seed : getItem());
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
        editor.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && isEditing() && !finishing) {
                finish(true, 0, 0);
            }
        });
        setText(null);
        setGraphic(editor);
        editor.requestFocus();
        editor.end();
    }

    private void finish(boolean commit, int down, int right) {
        if (finishing) {
            return;
        }
        finishing = true;
        GridRow row = getTableRow().getItem();
        String typed = editor.getText();
        int index = getIndex();
        super.cancelEdit();
        showItem(getItem());
        if (commit && row != null) {
            navigator.commit(row, column, typed);
        }
        finishing = false;
        navigator.moveFrom(index, column, down, right);
    }

    @Override
    public void cancelEdit() {
        if (isEditing() && editor != null && !finishing) {
            finish(true, 0, 0);
            return;
        }
        super.cancelEdit();
        showItem(getItem());
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
