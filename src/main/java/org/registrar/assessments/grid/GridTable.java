package org.registrar.assessments.grid;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.registrar.i18n.Messages;
import org.registrar.ui.ColumnFit;

/**
 * The grid: an editable {@link TableView} with cell selection and spreadsheet keys. Typing edits, Enter moves down,
 * Tab right; without editing: Escape reverts, Delete clears, Ctrl+D fills down, Ctrl+Z undoes, Ctrl+V pastes, F2
 * edits. Every change goes through the screen's {@link GridActions}. FX thread only.
 */
public final class GridTable implements GridNavigator {
    private static final KeyCombination PASTE = KeyCombination.keyCombination("Shortcut+V");
    private static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    private static final KeyCombination FILL_DOWN = KeyCombination.keyCombination("Shortcut+D");

    private final GridActions model;
    private final TableView<GridRow> table = new TableView<>();
    private final TableColumn<GridRow, String> score = new TableColumn<>(Messages.text("assessments.grid.score"));
    private final TableColumn<GridRow, String> comment = new TableColumn<>(Messages.text("assessments.grid.comment"));
    private final TypeAhead typeAhead = new TypeAhead();
    /** The cell whose editor is open, or null. */
    private EditCell editing;

    public GridTable(GridActions model) {
        this.model = model;
        table.setId("results-grid");
        table.setItems(model.rows());
        table.setEditable(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setPlaceholder(new Label(Messages.text("assessments.grid.empty")));
        table.getColumns()
                .addAll(List.of(
                        text(Messages.text("assessments.grid.studentNumber"), GridRow::studentNumber),
                        text(Messages.text("assessments.grid.name"), GridRow::name),
                        saved(),
                        editable(score, GridColumn.SCORE),
                        editable(comment, GridColumn.COMMENT),
                        state()));
        // columns sized to their content, the comment taking the rest; headers wrap before they are cut (issue 18)
        ColumnFit.apply(table, comment);
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        table.addEventFilter(KeyEvent.KEY_TYPED, this::keyTyped);
        table.editingCellProperty().addListener((obs, old, now) -> {
            if (now == null) {
                typeAhead.clear();
            }
        });
    }

    private static TableColumn<GridRow, String> text(String title, java.util.function.Function<GridRow, String> value) {
        TableColumn<GridRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        column.setEditable(false);
        column.setSortable(false);
        return column;
    }

    private static TableColumn<GridRow, String> saved() {
        TableColumn<GridRow, String> column = new TableColumn<>(Messages.text("assessments.grid.saved"));
        column.setCellValueFactory(cell -> cell.getValue().savedProperty());
        column.setEditable(false);
        column.setSortable(false);
        column.getStyleClass().add("saved-column");
        return column;
    }

    private TableColumn<GridRow, String> editable(TableColumn<GridRow, String> column, GridColumn kind) {
        column.setCellValueFactory(cell -> kind == GridColumn.SCORE
                ? cell.getValue().entryProperty()
                : cell.getValue().commentProperty());
        column.setCellFactory(col -> new EditCell(this, kind));
        column.setSortable(false);
        column.setId(kind == GridColumn.SCORE ? "score-column" : "comment-column");
        return column;
    }

    private static TableColumn<GridRow, String> state() {
        TableColumn<GridRow, String> column = new TableColumn<>(Messages.text("assessments.grid.state"));
        column.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> {
                    String message = cell.getValue().messageProperty().get();
                    String label = cell.getValue().stateProperty().get().label();
                    return message.isEmpty() ? label : label + ": " + message;
                },
                cell.getValue().stateProperty(),
                cell.getValue().messageProperty()));
        column.setEditable(false);
        column.setSortable(false);
        column.setId("state-column");
        column.setCellFactory(col -> new TableCell<>() {
            // one per cell, its text replaced: a new Tooltip per update costs a popup control each time
            private final Tooltip tooltip = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(style -> style.startsWith("state-"));
                GridRow row =
                        empty || getTableRow() == null ? null : getTableRow().getItem();
                if (item == null || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(item);
                tooltip.setText(item);
                setTooltip(tooltip);
                getStyleClass().add("state-" + row.stateProperty().get().label());
            }
        });
        return column;
    }

    private void keyPressed(KeyEvent event) {
        if (table.getEditingCell() != null || editing != null) {
            if (!ownedByEditor(event)) {
                editingKeyPressed(event);
            }
            return;
        }
        GridColumn column = focusedColumn();
        if (PASTE.match(event)) {
            paste();
        } else if (UNDO.match(event)) {
            model.undo();
        } else if (FILL_DOWN.match(event) && column != null) {
            model.fillDown(selectedRows(column), column);
        } else if (event.getCode() == KeyCode.ESCAPE && column != null) {
            model.revert(selectedRows(column), column);
        } else if ((event.getCode() == KeyCode.DELETE || event.getCode() == KeyCode.BACK_SPACE) && column != null) {
            model.clear(selectedRows(column), column);
        } else if (event.getCode() == KeyCode.F2 && column != null) {
            typeAhead.open(table.getFocusModel().getFocusedIndex(), column);
            editFocused();
        } else if (event.getCode() == KeyCode.ENTER) {
            TablePosition<GridRow, ?> focused = table.getFocusModel().getFocusedCell();
            moveTo(focused.getRow() + 1, focused.getTableColumn());
        } else {
            return;
        }
        event.consume();
    }

    /**
     * A key pressed while a cell is being edited that reached the table instead of the editor (the editor was not
     * open yet, or had not got the keyboard): Enter, Tab, Escape and Backspace act on the edit as in the editor.
     */
    private void editingKeyPressed(KeyEvent event) {
        KeyCode code = event.getCode();
        if (code == KeyCode.BACK_SPACE) {
            if (editing != null) {
                editing.backspace();
            } else {
                typeAhead.backspace();
            }
            event.consume();
            return;
        }
        if (code != KeyCode.ENTER && code != KeyCode.TAB && code != KeyCode.ESCAPE) {
            return;
        }
        boolean commit = code != KeyCode.ESCAPE;
        int down = code == KeyCode.ENTER ? 1 : 0;
        int right = code == KeyCode.TAB ? (event.isShiftDown() ? -1 : 1) : 0;
        event.consume();
        if (editing != null) {
            editing.finishEditing(commit, down, right);
            return;
        }
        finishTypedAhead(commit, down, right, true);
    }

    /** Ends an edit whose editor has not opened yet: what was typed ahead is the cell's new text. */
    private void finishTypedAhead(boolean commit, int down, int right, boolean move) {
        TablePosition<GridRow, ?> position = table.getEditingCell();
        GridColumn column = position == null ? null : kind(position.getTableColumn());
        if (column == null
                || position.getRow() < 0
                || position.getRow() >= table.getItems().size()) {
            table.edit(-1, null);
            return;
        }
        GridRow row = table.getItems().get(position.getRow());
        String text = typeAhead.take(position.getRow(), column, row.text(column));
        table.edit(-1, null);
        if (commit) {
            model.edit(row, column, text);
        }
        if (move) {
            moveFrom(position.getRow(), column, down, right);
        }
    }

    /**
     * Commits the cell being typed into (its editor open or not yet), leaving the focus where it is: before the grid
     * is left (another cohort or assessment, closing), so a half-typed value reaches the draft.
     */
    public void commitEditing() {
        if (editing != null) {
            editing.commitInPlace();
        } else if (table.getEditingCell() != null) {
            finishTypedAhead(true, 0, 0, false);
        }
    }

    private boolean ownedByEditor(KeyEvent event) {
        return editing != null && editing.owns(event.getTarget());
    }

    /**
     * Typing into a cell that is not editing starts its editor with the typed character; every key typed until the
     * editor has the keyboard is kept in order and given to it, so none is lost however late the editor opens.
     */
    private void keyTyped(KeyEvent event) {
        if (ownedByEditor(event) || !EditCell.typeable(event)) {
            return;
        }
        String character = event.getCharacter();
        if (editing != null) {
            editing.type(character);
        } else if (table.getEditingCell() != null) {
            typeAhead.type(character);
        } else if (focusedColumn() != null) {
            TablePosition<GridRow, ?> focused = table.getFocusModel().getFocusedCell();
            if (focused == null || focused.getRow() < 0) {
                return;
            }
            typeAhead.start(focused.getRow(), focusedColumn(), character);
            editFocused();
        } else {
            return;
        }
        event.consume();
    }

    private void editFocused() {
        TablePosition<GridRow, ?> focused = table.getFocusModel().getFocusedCell();
        if (focused != null && focused.getRow() >= 0) {
            @SuppressWarnings("unchecked")
            TableColumn<GridRow, String> column = (TableColumn<GridRow, String>) focused.getTableColumn();
            table.edit(focused.getRow(), column);
        }
    }

    /** Pastes the clipboard's text at the focused cell (or matched by student number). */
    void paste() {
        String text = Clipboard.getSystemClipboard().getString();
        TablePosition<GridRow, ?> focused = table.getFocusModel().getFocusedCell();
        int anchor = focused == null || focused.getRow() < 0 ? 0 : focused.getRow();
        GridColumn column = focusedColumn();
        model.paste(text, anchor, column == null ? GridColumn.SCORE : column);
    }

    GridColumn focusedColumn() {
        TablePosition<GridRow, ?> focused = table.getFocusModel().getFocusedCell();
        return focused == null ? null : kind(focused.getTableColumn());
    }

    private GridColumn kind(TableColumn<GridRow, ?> column) {
        return column == score ? GridColumn.SCORE : column == comment ? GridColumn.COMMENT : null;
    }

    private List<GridRow> selectedRows(GridColumn column) {
        TableColumn<GridRow, String> target = column(column);
        return table.getSelectionModel().getSelectedCells().stream()
                .filter(position -> position.getTableColumn() == target)
                .map(position -> table.getItems().get(position.getRow()))
                .toList();
    }

    private TableColumn<GridRow, String> column(GridColumn column) {
        return column == GridColumn.SCORE ? score : comment;
    }

    /** Selects and focuses a cell, scrolled into view. */
    public void select(GridRow row, GridColumn column) {
        int index = table.getItems().indexOf(row);
        if (index >= 0) {
            moveTo(index, column(column == null ? GridColumn.SCORE : column));
        }
    }

    private void moveTo(int index, TableColumn<GridRow, ?> column) {
        if (index < 0 || index >= table.getItems().size() || column == null) {
            return;
        }
        table.getSelectionModel().clearAndSelect(index, column);
        table.getFocusModel().focus(index, column);
        table.scrollTo(Math.max(0, index - 5));
        table.requestFocus();
    }

    @Override
    public String startText(int row, GridColumn column, String cellText) {
        return typeAhead.take(row, column, cellText);
    }

    @Override
    public void editorOpen(EditCell cell) {
        editing = cell;
    }

    @Override
    public void handOver(int row, GridColumn column, String text) {
        typeAhead.handOver(row, column, text);
    }

    @Override
    public void commit(GridRow row, GridColumn column, String text) {
        model.edit(row, column, text);
    }

    @Override
    public void moveFrom(int row, GridColumn column, int down, int right) {
        GridColumn target = column.plus(right);
        int index = row + down;
        if (target == null) {
            target = right > 0 ? GridColumn.SCORE : GridColumn.COMMENT;
            index += right > 0 ? 1 : -1;
        }
        moveTo(Math.min(index, table.getItems().size() - 1), column(target));
    }

    /** The row of the last selected cell, or null when none is selected. */
    public GridRow selectedRow() {
        return table.getSelectionModel().getSelectedItem();
    }

    public List<GridRow> selectedConflictRows() {
        return table.getSelectionModel().getSelectedItems().stream()
                .filter(row -> row != null && row.stateProperty().get() == RowState.CONFLICT)
                .distinct()
                .toList();
    }

    public TableView<GridRow> node() {
        return table;
    }
}
