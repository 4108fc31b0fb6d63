package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.grid.GridColumn;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.save.DraftStore;
import org.registrar.testing.TestSession;

/** What the Assessments screen says after a refused save, a paste and an import; its ViewModel without JavaFX. */
class BulkEntryMessagesTest {
    @TempDir
    Path dataHome;

    private TestSession session;
    private BulkEntryViewModel model;

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        model = new BulkEntryViewModel(
                session.inlineTasks(),
                new ResultsRepository(session.database().jdbi()),
                new DraftStore(dataHome),
                Runnable::run);
        model.start();
        model.findCohorts("");
        model.selectCohort(model.cohorts().get(0));
        model.selectAssessment(model.assessments().get(1));
        assertThat(model.rows()).hasSizeGreaterThan(12);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void theRowProblemsMessageFollowsTheRowsAndClearsWhenTheyAreFixed() {
        List<GridRow> rows = model.rows();
        model.grid().edit(rows.get(0), GridColumn.SCORE, "abc");
        model.grid().edit(rows.get(1), GridColumn.SCORE, "x1");
        model.grid().edit(rows.get(2), GridColumn.SCORE, "??");

        model.save(false);
        assertThat(model.messageProperty().get()).startsWith("3 rows have problems");
        assertThat(model.errorProperty().get()).isTrue();

        model.grid().edit(rows.get(0), GridColumn.SCORE, "5");
        assertThat(model.messageProperty().get()).startsWith("2 rows have problems");
        assertThat(model.errorProperty().get()).isTrue();

        model.grid().edit(rows.get(1), GridColumn.SCORE, "6");
        model.grid().edit(rows.get(2), GridColumn.SCORE, "7");
        assertThat(model.messageProperty().get()).isEqualTo("All marked rows are fixed now: Save when ready.");
        assertThat(model.errorProperty().get()).isFalse();
    }

    @Test
    void aPasteSaysHowManyLinesMatchedAndHowManyWereRejected() {
        List<GridRow> rows = model.rows();
        StringBuilder block = new StringBuilder("Student number\tScore\n");
        for (int i = 0; i < 9; i++) {
            block.append(rows.get(i).studentNumber()).append('\t').append(i + 1).append('\n');
        }
        block.append("S9999998\t4\n").append("S9999999\t5\n");

        model.grid().paste(block.toString(), 0, GridColumn.SCORE);

        assertThat(model.messageProperty().get())
                .isEqualTo("Pasted 11 lines: 9 matched by student, 2 rejected (see Problems).");
        assertThat(rows.get(8).entryProperty().get()).isEqualTo("9");
    }

    @Test
    void aPasteWhereEveryLineMatchedSaysSo() {
        List<GridRow> rows = model.rows();
        String block = "Student number\tScore\n" + rows.get(0).studentNumber() + "\t3\n"
                + rows.get(1).studentNumber() + "\t4\n";

        model.grid().paste(block, 0, GridColumn.SCORE);

        assertThat(model.messageProperty().get()).isEqualTo("Pasted 2 lines: all matched by student.");
    }
}
