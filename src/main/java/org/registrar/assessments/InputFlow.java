package org.registrar.assessments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.data.SheetRow;
import org.registrar.assessments.grid.GridColumn;
import org.registrar.assessments.grid.GridEditor;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.grid.TurnBudget;
import org.registrar.assessments.input.InputRow;
import org.registrar.assessments.input.InputValidator;
import org.registrar.assessments.input.PasteBlock;
import org.registrar.assessments.input.TextTable;
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;

/**
 * Pasted blocks and imported rows into the grid. Small inputs are read at once; large ones ({@link #LARGE} lines or
 * more) are parsed, checked and matched off the FX thread while the screen shows what it is doing and offers Cancel,
 * and only the finished result touches the grid, as one undoable step. Cancel drops the result: nothing of that input
 * is entered. Reports through the narrow {@link Screen}. FX thread only.
 */
final class InputFlow {
    /** From this many lines on, input is worked on off the FX thread. */
    static final int LARGE = 1_000;
    /** Cells set at a time when entering large input; a turn sets slices until its {@link TurnBudget} is spent. */
    static final int SLICE = 100;

    /** What input needs of the screen: where it reports. FX thread only. */
    interface Screen {
        void say(String text, boolean isError);

        void setBusy(boolean busy);

        /** Work failed: said as the database error it is. */
        void failed(Throwable failure);
    }

    private final Screen screen;
    private final GridEditor editor;
    private final Tasks tasks;
    private final ResultsRepository repository;
    private final StringProperty working = new SimpleStringProperty("");
    private long ticket;

    InputFlow(Screen screen, GridEditor editor, Tasks tasks, ResultsRepository repository) {
        this.screen = screen;
        this.editor = editor;
        this.tasks = tasks;
        this.repository = repository;
    }

    private record Parsed(PasteBlock block, InputValidator validator, Set<String> unknown) {}

    /** @param order the grid's rows as shown (sorted, filtered): a positional block goes down them from anchor */
    void paste(
            String text,
            List<GridRow> order,
            int anchor,
            GridColumn column,
            List<SheetRow> roster,
            BigDecimal maxScore) {
        long lines = text.lines().count();
        if (lines < LARGE) {
            InputValidator validator = new InputValidator(roster, maxScore);
            PasteBlock block;
            try {
                block = PasteBlock.parse(text, validator);
            } catch (TextTable.MalformedInputException unreadable) {
                // a quote that never closes, or a limit of InputLimits: said at the screen, nothing pasted
                screen.say(Messages.text("messages.input.nothingPasted", unreadable.getMessage()), true);
                return;
            }
            placed(
                    block,
                    validator,
                    block.keyed() ? validator.unknownKeys(block.keyedRows()) : Set.of(),
                    order,
                    anchor,
                    column);
            return;
        }
        long mine = begin(Messages.text("messages.input.reading", lines));
        tasks.runLocal("Paste", () -> {
                    InputValidator validator = new InputValidator(roster, maxScore);
                    PasteBlock block = PasteBlock.parse(text, validator);
                    return new Parsed(
                            block, validator, block.keyed() ? validator.unknownKeys(block.keyedRows()) : Set.of());
                })
                .onDone(parsed -> {
                    if (mine == ticket) {
                        placed(parsed.block(), parsed.validator(), parsed.unknown(), order, anchor, column);
                    }
                })
                .onError(error -> failed(mine, error));
    }

    private void placed(
            PasteBlock block,
            InputValidator validator,
            Set<String> unknown,
            List<GridRow> order,
            int anchor,
            GridColumn column) {
        if (block.keyed()) {
            match(block.keyedRows(), validator, unknown, "Pasted");
            return;
        }
        placeCells(block.cells(), order, anchor, column);
    }

    /** Cells placed by position down {@code order} from {@code anchor}, rightwards from {@code column}. */
    void placeCells(List<List<String>> cells, List<GridRow> order, int anchor, GridColumn column) {
        finish();
        int from = Math.max(0, anchor);
        editor.pastePositional(cells, order, from, column == null ? GridColumn.SCORE : column);
        screen.say(Messages.text("messages.input.pastedFrom", cells.size(), from + 1), false);
    }

    /** Rows matched by student or e-mail (a keyed paste, an imported file). */
    void applyMatched(List<InputRow> input, List<SheetRow> roster, BigDecimal maxScore, String source) {
        if (input.size() < LARGE) {
            InputValidator validator = new InputValidator(roster, maxScore);
            match(input, validator, validator.unknownKeys(input), source);
            return;
        }
        long mine = begin(Messages.text("start.input.checking", input.size()));
        tasks.runLocal("Check input", () -> {
                    InputValidator validator = new InputValidator(roster, maxScore);
                    return new Parsed(null, validator, validator.unknownKeys(input));
                })
                .onDone(parsed -> {
                    if (mine == ticket) {
                        match(input, parsed.validator(), parsed.unknown(), source);
                    }
                })
                .onError(error -> failed(mine, error));
    }

    private void match(List<InputRow> input, InputValidator validator, Set<String> unknown, String source) {
        if (unknown.isEmpty() && input.size() < LARGE) {
            finish();
            show(GridEditor.match(input, validator, Map.of(), source), input.size(), source);
            return;
        }
        long mine = working.get().isEmpty() ? begin(Messages.text("start.input.matching", input.size())) : ticket;
        Callable<GridEditor.Matched> work = () -> GridEditor.match(
                input, validator, unknown.isEmpty() ? Map.of() : repository.cohortsOf(unknown), source);
        (unknown.isEmpty() ? tasks.runLocal("Match input", work) : tasks.run("Check students", work))
                .onDone(matched -> {
                    if (mine == ticket) {
                        finish();
                        show(matched, input.size(), source);
                    }
                })
                .onError(error -> failed(mine, error));
    }

    private void show(GridEditor.Matched matched, int lines, String source) {
        if (matched.cells().size() < LARGE) {
            editor.applyMatched(matched);
            screen.say(outcome(source, lines, matched.rejectedLines()), false);
            return;
        }
        long mine = begin(Messages.text("messages.input.entering", lines));
        enter(mine, matched, 0, new ArrayList<>(), lines, source);
    }

    /** "Pasted 11 lines: 9 matched by student, 2 rejected (see Problems)." or "...: all matched by student." */
    static String outcome(String source, int lines, int rejected) {
        String key = "Pasted".equals(source) ? "messages.input.pastedLines" : "messages.input.importedLines";
        String read = Messages.text(key, lines);
        if (rejected == 0) {
            return Messages.text("messages.input.allMatched", read, lines);
        }
        return Messages.text("messages.input.someRejected", read, lines - rejected, rejected);
    }

    /** Sets cells from {@code from} for one FX turn's budget, then lets the FX thread breathe before the next. */
    private void enter(
            long mine,
            GridEditor.Matched matched,
            int from,
            List<GridEditor.CellEdit> applied,
            int lines,
            String source) {
        if (mine != ticket) {
            editor.takeBack(applied);
            return;
        }
        int size = matched.cells().size();
        TurnBudget turn = new TurnBudget();
        int to = from;
        do {
            int end = Math.min(to + SLICE, size);
            applied.addAll(editor.setChunk(matched.cells().subList(to, end)));
            to = end;
        } while (to < size && turn.left());
        if (to == size) {
            finish();
            editor.finishStep(applied, matched.problems());
            screen.say(outcome(source, lines, matched.rejectedLines()), false);
            return;
        }
        working.set(Messages.text("messages.input.enteringProgress", lines, to, size));
        int next = to;
        tasks.later(() -> enter(mine, matched, next, applied, lines, source));
    }

    /** Stops the input being worked on: its result is dropped and nothing of it is entered. */
    void cancel() {
        if (!working.get().isEmpty()) {
            drop();
            screen.say(Messages.text("messages.input.cancelled"), false);
        }
    }

    /** The grid is being replaced: input worked on for the old one must not land in the new one. */
    void drop() {
        ticket++;
        finish();
    }

    private long begin(String what) {
        working.set(what);
        screen.setBusy(true);
        return ++ticket;
    }

    private void finish() {
        if (!working.get().isEmpty()) {
            working.set("");
            screen.setBusy(false);
        }
    }

    private void failed(long mine, Throwable error) {
        if (mine == ticket) {
            finish();
            screen.failed(error);
        }
    }

    /** What is being worked on ("Reading 10000 pasted lines…"), empty when nothing is. */
    ReadOnlyStringProperty workingProperty() {
        return working;
    }
}
