package org.registrar.assessments.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.SheetRow;
import org.registrar.assessments.save.Draft;

/**
 * The 10,000-row steps split into FX turns, without JavaFX running: the next turn is queued on a plain queue, so a
 * test sees the state between turns.
 */
class LargeStepTurnsTest {
    private static final int ROWS = 3_000;

    private final Queue<Runnable> turns = new ArrayDeque<>();
    private final GridEditor editor = new GridEditor(() -> new BigDecimal("20"), () -> {}, turns::add);

    private void load() {
        editor.turnNanos = 0; // one problem per turn: the test sees the list between turns
        editor.load(IntStream.rangeClosed(1, ROWS)
                .mapToObj(n -> new SheetRow(n, "S" + n, "Family" + n, "Given", null, null, false, null, null))
                .toList());
    }

    private void runTurns() {
        while (!turns.isEmpty()) {
            turns.poll().run();
        }
    }

    @Test
    void aLargeProblemsListAppearsWholeInOneChange() {
        load();
        List<ListChangeListener.Change<? extends Issue>> changes = new ArrayList<>();
        editor.issues().addListener((ListChangeListener<Issue>) changes::add);

        editor.apply(editor.rows().stream()
                .map(row -> editor.set(row, GridColumn.SCORE, "25"))
                .toList());
        assertThat(turns).as("the list is written over more than one turn").isNotEmpty();
        assertThat(editor.issues()).as("nothing half-built is shown").isEmpty();
        runTurns();

        assertThat(editor.issues()).hasSize(ROWS);
        assertThat(editor.issues().get(0).text())
                .isEqualTo("S1 Family1, Given: "
                        + editor.rows().get(0).messageProperty().get());
        assertThat(editor.issues().get(ROWS - 1).row()).isSameAs(editor.rows().get(ROWS - 1));
        assertThat(changes).hasSize(1);
    }

    @Test
    void aNewerRebuildDropsAnUnfinishedOne() {
        load();
        editor.apply(editor.rows().stream()
                .map(row -> editor.set(row, GridColumn.SCORE, "25"))
                .toList());
        // the user fixes every score before the list of problems was complete
        editor.apply(editor.rows().stream()
                .map(row -> editor.set(row, GridColumn.SCORE, "5"))
                .toList());
        runTurns();

        assertThat(editor.issues()).isEmpty();
        assertThat(editor.rows()).allMatch(row -> row.stateProperty().get() == RowState.EDITED);
    }

    @Test
    void theSnapshotHoldsOnlyEditedRowsAndGivesTheDraftAndTheChanges() {
        load();
        GridRow typed = editor.rows().get(0);
        GridRow commented = editor.rows().get(1);
        GridRow blanks = editor.rows().get(2);
        editor.apply(List.of(
                editor.set(typed, GridColumn.SCORE, "7"),
                editor.set(commented, GridColumn.COMMENT, "late"),
                editor.set(blanks, GridColumn.COMMENT, "  ")));

        GridSnapshot sheet = GridSnapshot.of(editor.rows());
        // a blank comment over no saved comment changes nothing: that row is not read
        assertThat(sheet.size()).isEqualTo(2);
        Draft draft = sheet.draft(UUID.randomUUID(), 1, 9L, null, java.time.Instant.now());
        assertThat(draft.entries())
                .containsExactly(new Draft.Entry(1, "7", null, null), new Draft.Entry(2, "", "late", null));
        assertThat(sheet.changes(new BigDecimal("20")))
                .containsExactly(
                        new ResultChange(1, new BigDecimal("7"), false, null, null),
                        new ResultChange(2, null, false, "late", null));
        assertThat(sheet.overwrites()).isFalse();
    }
}
