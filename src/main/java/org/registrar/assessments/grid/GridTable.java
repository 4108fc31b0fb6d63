package org.registrar.assessments.grid;

import java.util.List;
import javafx.application.Platform;
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
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.registrar.i18n.Messages;
import org.registrar.ui.ColumnFit;

/**
 * The grid: an editable {@link TableView} with cell selection and spreadsheet keys. Typing edits, Enter moves down,
 * Tab right; without editing: Escape reverts, Delete clears, Ctrl+D fills down, Ctrl+Z undoes, Ctrl+V pastes, F2
 * edits, Ctrl+Y or Ctrl+Shift+Z redoes, Ctrl+C copies the selected block. A header click sorts ({@link GridHeaders});
 * the rows shown are {@link GridOrder}'s. Every change goes through the screen's {@link GridActions}. FX thread only.
 */
public final class GridTable implements GridNavigator {
    private static final KeyCombination PASTE = KeyCombination.keyCombination("Shortcut+V");
    private static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    private static final KeyCombination REDO = KeyCombination.keyCombination("Shortcut+Y");
    private static final KeyCombination REDO_TOO = KeyCombination.keyCombination("Shortcut+Shift+Z");
    private static final KeyCombination COPY = KeyCombination.keyCombination("Shortcut+C");
    private static final KeyCombination FILL_DOWN = KeyCombination.keyCombination("Shortcut+D");

    private final GridActions model;
    private final TableView<GridRow> table = new TableView<>();
    private final TableColumn<GridRow, String> score = new TableColumn<>(Messages.text("assessments.grid.score"));
    private final TableColumn<GridRow, String> comment = new TableColumn<>(Messages.text("assessments.grid.comment"));
    private final TypeAhead typeAhead = new TypeAhead();
    private final GridOrder order;
    /** The cell whose editor is open, or null. */
    private EditCell editing;
    /** The text and cells this grid last put on the clipboard: pasted back, they are known cell for cell. */
    private String copiedText;

    private List<List<String>> copiedBlock = List.of();

    public GridTable(GridActions model) {
        this(model, ColumnWidths.none());
    }

    /** @param widths where the columns' widths the user dragged are remembered, and restored from */
    public GridTable(GridActions model, ColumnWidths widths) {
        this.model = model;
        this.order = new GridOrder(model.rows(), Platform::runLater);
        table.setId("results-grid");
        table.setItems(order.shown());
        order.shown().comparatorProperty().bind(table.comparatorProperty());
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
        GridHeaders.sortable(table);
        GridHeaders.rememberWidths(table, widths, ColumnFit.USER_WIDTH);
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
                    String label = cell.getValue().stateProperty().get().shown();
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
        } else if (COPY.match(event)) {
            copy();
        } else if (REDO.match(event) || REDO_TOO.match(event)) {
            model.redo();
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
        if (text != null && text.equals(copiedText) && focused != null && focused.getTableColumn() != null) {
            pasteOwnBlock(anchor, table.getVisibleLeafIndex(focused.getTableColumn()));
            return;
        }
        GridColumn column = focusedColumn();
        model.paste(text, table.getItems(), anchor, column == null ? GridColumn.SCORE : column);
    }

    /**
     * Puts the selected cells on the clipboard as a spreadsheet copies them ({@link GridCopy}): the block from the
     * first selected row and column to the last, in the order shown, a cell inside it but not selected left empty.
     */
    void copy() {
        List<TablePosition> cells = table.getSelectionModel().getSelectedCells();
        if (cells.isEmpty()) {
            return;
        }
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        int left = Integer.MAX_VALUE;
        int right = -1;
        java.util.Set<List<Integer>> selected = new java.util.HashSet<>();
        for (TablePosition<GridRow, ?> cell : cells) {
            int column = table.getVisibleLeafIndex(cell.getTableColumn());
            top = Math.min(top, cell.getRow());
            bottom = Math.max(bottom, cell.getRow());
            left = Math.min(left, column);
            right = Math.max(right, column);
            selected.add(List.of(cell.getRow(), column));
        }
        List<List<String>> block = new java.util.ArrayList<>();
        for (int row = top; row <= bottom; row++) {
            List<String> line = new java.util.ArrayList<>();
            for (int column = left; column <= right; column++) {
                Object value = selected.contains(List.of(row, column))
                        ? table.getVisibleLeafColumn(column).getCellData(row)
                        : null;
                line.add(value == null ? "" : value.toString());
            }
            block.add(line);
        }
        copiedBlock = List.copyOf(block);
        copiedText = GridCopy.tsv(block);
        ClipboardContent content = new ClipboardContent();
        content.putString(copiedText);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /**
     * A block this grid copied, pasted into it: cell for cell from the focused cell as a spreadsheet pastes, the
     * cells that land on a read-only column (number, name, saved, state) left out, a row of blank cells kept as a row
     * (the text's reader drops blank lines) and no column taken for student numbers to match by.
     */
    private void pasteOwnBlock(int anchor, int left) {
        int width = copiedBlock.isEmpty() ? 0 : copiedBlock.get(0).size();
        int scoreAt = table.getVisibleLeafIndex(score) - left;
        int commentAt = table.getVisibleLeafIndex(comment) - left;
        boolean scores = scoreAt >= 0 && scoreAt < width;
        boolean comments = commentAt >= 0 && commentAt < width;
        if (!scores && !comments) {
            return;
        }
        List<List<String>> cells = new java.util.ArrayList<>();
        for (List<String> line : copiedBlock) {
            List<String> kept = new java.util.ArrayList<>();
            if (scores) {
                kept.add(line.get(scoreAt));
            }
            if (comments) {
                kept.add(line.get(commentAt));
            }
            cells.add(kept);
        }
        model.pasteCells(cells, table.getItems(), anchor, scores ? GridColumn.SCORE : GridColumn.COMMENT);
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
        if (!table.getItems().contains(row)) {
            order.show(RowFilter.ALL); // a problem picked in the list is shown, whatever the filter hid
        }
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

    /** The rows as shown: the filter and the sort. */
    public GridOrder order() {
        return order;
    }

    public TableView<GridRow> node() {
        return table;
    }
}
