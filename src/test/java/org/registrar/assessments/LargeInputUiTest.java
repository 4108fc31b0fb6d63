package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.assessments.grid.GridColumn;
import org.registrar.assessments.grid.RowState;
import org.registrar.db.TestDatabases;
import org.registrar.testing.FxStalls;
import org.registrar.testing.FxStalls.Stall;
import org.registrar.testing.UiSession;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A 10,000-student class pasted and saved through the screen, per phase: a paste whose 10,000 scores are all out of
 * range (validation and a problems list of 10,000), a valid paste over it, and the save through the Save button.
 * Asserted: the FX thread keeps answering while each phase's work is in progress. A probe also measures the longest
 * time the FX thread did not answer; that figure is printed, never asserted (docs/performance.md).
 */
class LargeInputUiTest {
    private static final int STUDENTS = 10_000;

    @TempDir
    Path dataHome;

    @RegisterExtension
    static final UiSession ui = new UiSession();

    private final FxRobot robot = new FxRobot();
    /** The screen's model, read by the probe on the FX thread. */
    private BulkEntryViewModel shown;

    @BeforeEach
    void open() {
        Jdbi fixture = TestDatabases.jdbi(ui.session().databaseName());
        fixture.useHandle(handle -> {
            long cohort = handle.createQuery(
                            "INSERT INTO cohorts (name, grade_level, school_year) VALUES ('AA Big', 5, 2025) RETURNING id")
                    .mapTo(Long.class)
                    .one();
            handle.createUpdate("INSERT INTO students (student_number, family_name, given_name, cohort_id)"
                            + " SELECT 'B' || n, 'Family' || n, 'Given', :cohort FROM generate_series(1, :n) n")
                    .bind("cohort", cohort)
                    .bind("n", STUDENTS)
                    .execute();
            handle.createUpdate(
                            "INSERT INTO assessments (cohort_id, title, subject, max_score, assessed_on, created_by)"
                                    + " VALUES (:cohort, 'Big test', 'Maths', 20, DATE '2025-10-01', session_user)")
                    .bind("cohort", cohort)
                    .execute();
        });
    }

    @Test
    void tenThousandPastedRowsValidateAndSaveWhole() throws Exception {
        BulkEntryViewModel model = show();
        String outOfRange = block(n -> "25");
        String valid = block(n -> String.valueOf(n % 21));

        Stall validateStall = measuring(
                () -> model.grid().paste(outOfRange, 0, GridColumn.SCORE),
                () -> model.grid().workingProperty().get().isEmpty()
                        && model.problems().size() == STUDENTS);
        assertThat(model.rows()).allMatch(row -> row.stateProperty().get() == RowState.ERROR);
        Stall pasteStall = measuring(
                () -> model.grid().paste(valid, 0, GridColumn.SCORE),
                () -> model.grid().workingProperty().get().isEmpty()
                        && model.problems().isEmpty()
                        && model.rows().stream()
                                .allMatch(row -> row.stateProperty().get() == RowState.EDITED));
        Label message = robot.lookup("#bulk-message").queryAs(Label.class);
        Button save = robot.lookup("#save").queryAs(Button.class);
        Stall saveStall = measuring(
                save::fire,
                () -> message.getText()
                        .startsWith("Saved "
                                + java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH)
                                        .format(STUDENTS)));
        System.out.printf(
                "[LargeInputUiTest] longest FX-thread stall: validate/problems %s, paste %s, save %s (%d rows)%n",
                validateStall, pasteStall, saveStall, STUDENTS);

        assertThat(List.of(validateStall, pasteStall, saveStall))
                .as("FX events handled while the work was in progress, per phase")
                .allMatch(stall -> stall.answeredWhileBusy() > 0);

        assertThat(model.rows()).allMatch(row -> row.stateProperty().get() == RowState.SAVED);
        assertThat(model.rows()).allMatch(row -> row.entryProperty().get().isEmpty());
    }

    @Test
    void aLargePasteShowsItsWorkAndCancelEntersNothing() throws Exception {
        BulkEntryViewModel model = show();
        String block = block();
        String[] shown = new String[1];
        robot.interact(() -> {
            model.grid().paste(block, 0, GridColumn.SCORE);
            shown[0] = model.grid().workingProperty().get();
            model.grid().cancelInput();
        });
        // the dropped work finishes on the worker: its result must still not land in the grid
        ui.session().awaitWorkerIdle();

        assertThat(shown[0])
                .isEqualTo("Reading "
                        + java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH)
                                .format(STUDENTS + 1)
                        + " pasted lines…");
        assertThat(model.grid().workingProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.rows()).allMatch(row -> row.entryProperty().get().isEmpty());
        assertThat(model.messageProperty().get()).isEqualTo("Cancelled: nothing of that input was entered.");
    }

    /**
     * The longest FX-thread stall of one phase ({@link FxStalls}), and how many probes the FX thread answered while
     * the screen was busy with the phase's work.
     */
    private Stall measuring(Runnable start, java.util.function.BooleanSupplier done) throws Exception {
        return FxStalls.measure(start, done, () -> shown.busyProperty().get());
    }

    private static String block() {
        return block(n -> String.valueOf(n % 21));
    }

    /** A keyed block: header, then one line per student with the score {@code score} gives for its number. */
    private static String block(java.util.function.IntFunction<String> score) {
        StringBuilder text = new StringBuilder("Student\tScore\n");
        for (int n = 1; n <= STUDENTS; n++) {
            text.append('B').append(n).append('\t').append(score.apply(n)).append('\n');
        }
        return text.toString();
    }

    private BulkEntryViewModel show() throws Exception {
        BulkEntryScreen screen = BulkEntryScreen.showEmpty(robot, ui.session(), dataHome);
        shown = screen.model;
        screen.open("AA Big", 1);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shown.rows().size() == STUDENTS);
        WaitForAsyncUtils.waitForFxEvents();
        return shown;
    }
}
