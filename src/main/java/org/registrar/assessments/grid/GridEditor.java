package org.registrar.assessments.grid;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.registrar.assessments.data.SheetRow;
import org.registrar.assessments.input.InputCells;
import org.registrar.assessments.input.InputRow;
import org.registrar.assessments.input.InputValidator;
import org.registrar.assessments.input.ParsedScore;
import org.registrar.assessments.input.Problem;
import org.registrar.assessments.input.ScoreText;
import org.registrar.db.StorableText;
import org.registrar.i18n.Messages;

/**
 * The grid's rows and every way to change their cells (type, revert, clear, fill down, paste, import), each one an
 * undoable step; after each step the touched rows are validated and the problems list is rebuilt. FX thread only.
 */
public final class GridEditor {
    private static final int UNDO_STEPS = 200;
    /** From this many problem rows on, the problems list is built over several FX turns. */
    static final int LARGE_ISSUES = 1_000;

    private final ObservableList<GridRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Issue> issues = FXCollections.observableArrayList();
    private final List<Issue> inputIssues = new ArrayList<>();
    private final Deque<List<CellEdit>> undo = new ArrayDeque<>();
    /** Steps undone, the last undone first; a new step clears it. */
    private final Deque<List<CellEdit>> redo = new ArrayDeque<>();

    private final Map<Long, GridRow> byStudent = new HashMap<>();
    private final Supplier<BigDecimal> maxScore;
    private final Runnable changed;
    private final Executor later;
    private long issuesGeneration;
    /** Work per FX turn of a long rebuild; tests shorten it to look between turns. */
    long turnNanos = TurnBudget.NANOS;

    /** One cell's text before and after a step. */
    public record CellEdit(GridRow row, GridColumn column, String before, String after) {}

    /**
     * @param changed told after every step (the draft is journaled)
     * @param later runs a step on the FX thread after what is waiting there (the next turn of long work)
     */
    public GridEditor(Supplier<BigDecimal> maxScore, Runnable changed, Executor later) {
        this.maxScore = maxScore;
        this.changed = changed;
        this.later = later;
    }

    public void load(List<SheetRow> sheet) {
        List<GridRow> loaded = sheet.stream().map(GridRow::new).toList();
        byStudent.clear();
        loaded.forEach(row -> byStudent.put(row.studentId(), row));
        undo.clear();
        redo.clear();
        inputIssues.clear();
        rows.setAll(loaded);
        revalidateAll();
    }

    public GridRow row(long studentId) {
        return byStudent.get(studentId);
    }

    /** Sets cells as one undoable step; cells whose text does not change are left out. */
    public void apply(List<CellEdit> edits) {
        List<CellEdit> real = edits.stream()
                .filter(edit -> !Objects.equals(edit.before(), edit.after()))
                .toList();
        if (real.isEmpty()) {
            return;
        }
        real.forEach(edit -> edit.row().setText(edit.column(), edit.after()));
        remember(real);
        real.stream().map(CellEdit::row).distinct().forEach(this::validate);
        rebuildIssues();
        changed.run();
    }

    public CellEdit set(GridRow row, GridColumn column, String text) {
        return new CellEdit(row, column, row.text(column), text == null ? "" : text.strip());
    }

    /** A cell typed into; a comment of only "-" means no comment, as in a paste or an import ({@link InputCells}). */
    public void edit(GridRow row, GridColumn column, String text) {
        apply(List.of(set(row, column, column == GridColumn.COMMENT ? InputCells.typedComment(text) : text)));
    }

    public void revert(List<GridRow> selected, GridColumn column) {
        apply(selected.stream()
                .map(row -> set(row, column, row.savedText(column)))
                .toList());
    }

    public void clear(List<GridRow> selected, GridColumn column) {
        apply(selected.stream().map(row -> set(row, column, "")).toList());
    }

    public void fillDown(List<GridRow> selected, GridColumn column) {
        if (selected.size() < 2) {
            return;
        }
        String first = selected.get(0).text(column);
        apply(selected.stream().skip(1).map(row -> set(row, column, first)).toList());
    }

    public boolean undo() {
        List<CellEdit> last = undo.poll();
        if (last == null) {
            return false;
        }
        last.forEach(edit -> edit.row().setText(edit.column(), edit.before()));
        redo.push(last);
        afterStep(last);
        return true;
    }

    /** Does again the step undone last (Ctrl+Y, Ctrl+Shift+Z); false when nothing undone is left to redo. */
    public boolean redo() {
        List<CellEdit> next = redo.poll();
        if (next == null) {
            return false;
        }
        next.forEach(edit -> edit.row().setText(edit.column(), edit.after()));
        undo.push(next);
        if (undo.size() > UNDO_STEPS) {
            undo.removeLast();
        }
        afterStep(next);
        return true;
    }

    /** A new step: undoable, and what was undone before it can no longer be redone. */
    private void remember(List<CellEdit> step) {
        undo.push(step);
        if (undo.size() > UNDO_STEPS) {
            undo.removeLast();
        }
        redo.clear();
    }

    private void afterStep(List<CellEdit> step) {
        step.stream().map(CellEdit::row).distinct().forEach(this::validate);
        rebuildIssues();
        changed.run();
    }

    /** Cells placed by position from {@code anchor}, rightwards over the editable columns and downwards. */
    public void pastePositional(List<List<String>> cells, int anchor, GridColumn column) {
        pastePositional(cells, rows, anchor, column);
    }

    /**
     * As {@link #pastePositional(List, int, GridColumn)}, downwards in {@code order}: the rows as the grid shows them
     * (sorted, filtered), so a block lands on the rows the user sees below the anchor.
     */
    public void pastePositional(List<List<String>> cells, List<GridRow> order, int anchor, GridColumn column) {
        List<CellEdit> edits = new ArrayList<>();
        for (int r = 0; r < cells.size() && anchor + r < order.size(); r++) {
            List<String> line = cells.get(r);
            for (int c = 0; c < line.size(); c++) {
                GridColumn target = column.plus(c);
                String text =
                        target == GridColumn.COMMENT ? InputCells.comment(line.get(c)) : InputCells.score(line.get(c));
                if (target != null && text != null) {
                    edits.add(set(order.get(anchor + r), target, text));
                }
            }
        }
        apply(edits);
    }

    /**
     * What matched input changes: its lines' problems (they change nothing), the cells it sets, and how many lines
     * were rejected (named no student of the cohort, or one twice). Immutable.
     */
    public record Matched(List<Issue> problems, List<MatchedCell> cells, int rejectedLines) {}

    /** One cell set by matched input, by student. */
    record MatchedCell(long studentId, GridColumn column, String text) {}

    /**
     * Works out what input matched by student changes: rows of the cohort get their text (validated like typed text
     * once applied); lines naming a student outside the cohort, nobody, or a student twice are listed as problems
     * and change nothing. Pure: runs on any thread, so a big paste or import is matched off the FX thread.
     */
    public static Matched match(
            List<InputRow> input, InputValidator validator, Map<String, String> elsewhere, String source) {
        List<Problem> problems = validator.validate(input, elsewhere).problems().stream()
                .filter(problem -> problem.column() == Problem.Column.STUDENT)
                .toList();
        java.util.Set<Integer> rejected = new java.util.HashSet<>();
        List<Issue> issues = new ArrayList<>();
        for (Problem problem : problems) {
            rejected.add(problem.line());
            issues.add(new Issue(inputLine(source, problem), null, null));
        }
        List<MatchedCell> cells = new ArrayList<>();
        for (InputRow line : input) {
            SheetRow student = rejected.contains(line.line()) ? null : validator.find(line.student());
            if (student != null) {
                if (line.score() != null) {
                    cells.add(new MatchedCell(student.studentId(), GridColumn.SCORE, line.score()));
                }
                if (line.comment() != null) {
                    cells.add(new MatchedCell(student.studentId(), GridColumn.COMMENT, line.comment()));
                }
            }
        }
        return new Matched(List.copyOf(issues), List.copyOf(cells), rejected.size());
    }

    /** "Pasted line 3: unknown student …" in the chosen language; {@code source} is "Pasted" or "Imported". */
    static String inputLine(String source, Problem problem) {
        return "Pasted".equals(source)
                ? Messages.text("grid.input.pastedLine", problem.line(), problem.message())
                : Messages.text("grid.input.importedLine", problem.line(), problem.message());
    }

    /** Applies what {@link #match} worked out, as one undoable step. */
    public void applyMatched(Matched matched) {
        inputIssues.clear();
        inputIssues.addAll(matched.problems());
        List<CellEdit> edits = new ArrayList<>(matched.cells().size());
        for (MatchedCell cell : matched.cells()) {
            GridRow row = byStudent.get(cell.studentId());
            if (row != null) {
                edits.add(set(row, cell.column(), cell.text()));
            }
        }
        apply(edits);
        rebuildIssues();
    }

    /**
     * Sets one chunk of a large step's cells and validates their rows, without an undo entry or a problems rebuild:
     * {@link #finishStep} ends the step. Returns the edits that changed a cell.
     */
    public List<CellEdit> setChunk(List<MatchedCell> cells) {
        List<CellEdit> real = new ArrayList<>(cells.size());
        for (MatchedCell cell : cells) {
            GridRow row = byStudent.get(cell.studentId());
            CellEdit edit = row == null ? null : set(row, cell.column(), cell.text());
            if (edit != null && !Objects.equals(edit.before(), edit.after())) {
                real.add(edit);
            }
        }
        real.forEach(edit -> edit.row().setText(edit.column(), edit.after()));
        real.stream().map(CellEdit::row).distinct().forEach(this::validate);
        return real;
    }

    /** Ends a step set chunk by chunk: one undo entry, the input's problems listed, the draft journaled. */
    public void finishStep(List<CellEdit> applied, List<Issue> problems) {
        if (!applied.isEmpty()) {
            remember(List.copyOf(applied));
        }
        inputIssues.clear();
        inputIssues.addAll(problems);
        rebuildIssues();
        changed.run();
    }

    /** Takes back the chunks of a step that was cancelled before it finished. */
    public void takeBack(List<CellEdit> applied) {
        applied.forEach(edit -> edit.row().setText(edit.column(), edit.before()));
        applied.stream().map(CellEdit::row).distinct().forEach(this::validate);
        rebuildIssues();
    }

    public void dismissInputIssues() {
        inputIssues.clear();
        rebuildIssues();
    }

    public void revalidateAll() {
        rows.forEach(this::validate);
        rebuildIssues();
    }

    /** Sets the row's state from its cells: error when the score does not read, edited when it changes something. */
    public void validate(GridRow row) {
        if (row.stateProperty().get() == RowState.CONFLICT) {
            return; // stays a conflict until the user keeps theirs or takes the saved one
        }
        ParsedScore parsed = parse(row);
        if (!parsed.isValid()) {
            row.setState(RowState.ERROR, parsed.problem());
        } else if (row.commentProperty().get().length() > 2000) {
            row.setState(RowState.ERROR, Messages.text("messages.input.commentLonger", 2000));
        } else if (!StorableText.storable(row.commentProperty().get())) {
            row.setState(RowState.ERROR, Messages.text("messages.input.commentNul"));
        } else if (row.change(parsed) != null) {
            row.setState(RowState.EDITED, "");
        } else if (row.stateProperty().get() != RowState.SAVED) {
            row.setState(RowState.UNCHANGED, "");
        }
    }

    public ParsedScore parse(GridRow row) {
        return ScoreText.parse(row.text(GridColumn.SCORE), maxScore.get());
    }

    /**
     * Rebuilds the problems list from the rows' states. A list of {@link #LARGE_ISSUES} problem rows or more is
     * written a {@link TurnBudget} at a time and shown at once when complete; a newer rebuild drops an unfinished one.
     */
    public void rebuildIssues() {
        long generation = ++issuesGeneration;
        List<Integer> problemRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RowState state = rows.get(i).stateProperty().get();
            if (state == RowState.ERROR || state == RowState.CONFLICT) {
                problemRows.add(i);
            }
        }
        List<Issue> built = new ArrayList<>(problemRows.size() + inputIssues.size());
        List<Issue> input = List.copyOf(inputIssues);
        if (problemRows.size() < LARGE_ISSUES) {
            problemRows.forEach(index -> built.add(issue(index)));
            built.addAll(input);
            issues.setAll(built);
            return;
        }
        buildIssues(generation, problemRows, input, built);
    }

    private void buildIssues(long generation, List<Integer> problemRows, List<Issue> input, List<Issue> built) {
        if (generation != issuesGeneration) {
            return;
        }
        TurnBudget turn = new TurnBudget(turnNanos);
        do {
            built.add(issue(problemRows.get(built.size())));
        } while (built.size() < problemRows.size() && turn.left());
        if (built.size() < problemRows.size()) {
            later.execute(() -> buildIssues(generation, problemRows, input, built));
            return;
        }
        built.addAll(input);
        issues.setAll(built);
    }

    private Issue issue(int index) {
        GridRow row = rows.get(index);
        String message = row.messageProperty().get();
        GridColumn column = message.startsWith("comment") ? GridColumn.COMMENT : GridColumn.SCORE;
        // named by student, not by a row number: the grid's order changes with each sort and filter
        return new Issue(Messages.text("grid.problem", row.studentNumber(), row.name(), message), row, column);
    }

    /** Rows whose state is {@code state}. */
    List<GridRow> rowsIn(RowState state) {
        return rows.stream().filter(row -> row.stateProperty().get() == state).toList();
    }

    public ObservableList<GridRow> rows() {
        return rows;
    }

    public ObservableList<Issue> issues() {
        return issues;
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }
}
