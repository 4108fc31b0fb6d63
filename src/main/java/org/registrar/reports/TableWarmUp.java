package org.registrar.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/**
 * The first report a program showed paid for the first table cells it ever made: classes loaded, the stylesheets'
 * first matches, cell code run before the JIT compiled it (the largest pulse was 73 ms of FX-thread CPU on a quiet
 * machine, the same report's second showing 23). So once per program, soon after the Reports screen first shows, a
 * small report-like table is made, styled and laid out in a scene of its own that no window shows: one column, then
 * one row, per pulse (cold code is slow: a pulse of it stays small), while the user is still choosing what to show.
 * It shows nothing and is dropped after; a report asked for meanwhile stops it. FX thread only.
 */
final class TableWarmUp {
    /**
     * Rows let in per pulse, per round: the first round runs cold code one row a pulse (4-16 ms a pulse at load 4-6),
     * the second two (with three its pulses took 19-29 ms: the code is still far from compiled).
     */
    private static final int[] ROWS_PER_PULSE = {1, 2};

    private static final int COLUMNS = 8;
    private static final int ROWS = 16;

    /** Pulses the screen has been showing before the warm-up starts: its own first layout is a long pulse already. */
    private static final int SETTLING_PULSES = 5;

    /** Pulses (about 10 s) the warm-up waits for the screen to show before it gives up. */
    private static final int WAITING_PULSES = 600;

    private static boolean started;
    private static boolean over;

    private final PulseSteps steps = new PulseSteps();
    private boolean queued;

    /**
     * Starts the warm-up unless this program did already. {@code screen} lends its stylesheets and style classes,
     * {@code id} is the report table's (its rules apply); {@code columns} makes a report's columns as the screen does.
     */
    static TableWarmUp start(
            Parent screen, String id, Function<ReportTable, List<TableColumn<List<Object>, ?>>> columns) {
        TableWarmUp warmUp = new TableWarmUp();
        if (!started) {
            started = true;
            warmUp.queued = true;
            warmUp.queue(screen, id, columns);
        }
        return warmUp;
    }

    /** Stops the warm-up where it is: a report's pulses should not carry its work too. */
    void stop() {
        steps.cancel();
        if (queued) {
            over = true;
        }
    }

    private void queue(Parent screen, String id, Function<ReportTable, List<TableColumn<List<Object>, ?>>> columns) {
        int[] pulses = {0, 0};
        steps.repeat(() -> {
            Window window = screen.getScene() == null ? null : screen.getScene().getWindow();
            if (window != null && window.isShowing()) {
                return ++pulses[0] > SETTLING_PULSES;
            }
            if (++pulses[1] > WAITING_PULSES) {
                // a screen built and not shown: no pulses kept running for it
                stop();
                return true;
            }
            return false;
        });
        ReportTable sample = sample();
        for (int round = 0; round < ROWS_PER_PULSE.length; round++) {
            boolean first = round == 0;
            TableView<List<Object>> table = new TableView<>();
            StackPane place = new StackPane(table);
            steps.add(() -> {
                place.getStyleClass().setAll(screen.getStyleClass());
                place.getStylesheets().setAll(screen.getStylesheets());
                new Scene(place, 1000, 600);
                table.setId(id);
                ViewportRows.install(table);
                RowReveal.holdBack(table);
                settle(place);
            });
            List<TableColumn<List<Object>, ?>> made = columns.apply(sample);
            for (int column = 0; column < made.size(); column += first ? 1 : made.size()) {
                List<TableColumn<List<Object>, ?>> some = made.subList(column, first ? column + 1 : made.size());
                steps.add(() -> {
                    table.getColumns().addAll(some);
                    settle(place);
                });
            }
            steps.add(() -> {
                table.getItems().setAll(sample.rows());
                settle(place);
            });
            // RowReveal spends its cell budget on whole rows: told the columns are budget / rows, it lets in that many
            RowReveal reveal = new RowReveal(table, RowReveal.CELLS_PER_PULSE / ROWS_PER_PULSE[round], ROWS * 40.0);
            steps.repeat(() -> {
                boolean revealed = reveal.getAsBoolean();
                settle(place);
                return revealed;
            });
        }
        steps.add(() -> over = true);
    }

    /** Whether this program's warm-up has ended, done or stopped (for tests). */
    static boolean over() {
        return over;
    }

    private static void settle(Parent place) {
        place.applyCss();
        place.layout();
    }

    /** Text, a date and numbers, as a score sheet or class overview has them (digits only: nobody reads them). */
    private static ReportTable sample() {
        List<ReportTable.Column> columns = new ArrayList<>();
        columns.add(new ReportTable.Column("0", ReportTable.Kind.TEXT));
        columns.add(new ReportTable.Column("1", ReportTable.Kind.DATE));
        for (int column = 2; column < COLUMNS; column++) {
            columns.add(new ReportTable.Column(String.valueOf(column), ReportTable.Kind.NUMBER));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            List<Object> cells = new ArrayList<>();
            cells.add(String.valueOf(row));
            cells.add(LocalDate.of(2025, 9, 1).plusDays(row));
            for (int column = 2; column < COLUMNS; column++) {
                cells.add(BigDecimal.valueOf(row * 7L + column, 1));
            }
            rows.add(cells);
        }
        return new ReportTable("", "", List.of(), columns, rows, List.of());
    }
}
