package org.registrar.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.assessments.data.Cohort;
import org.registrar.assessments.data.ResultsRepository;
import org.registrar.assessments.save.DraftStore;
import org.registrar.metrics.OperationSummary;
import org.registrar.testing.TestSession;

/**
 * The Assessments screen's class picker without JavaFX (ADR 0072): opening the screen reads no class, what is typed
 * finds the first classes starting with it (with their sizes) in one statement, and nothing else is read.
 */
class CohortPickerTest {
    @TempDir
    Path dataHome;

    private TestSession session;
    private BulkEntryViewModel model;
    private final List<OperationSummary> operations = new ArrayList<>();

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        session.metrics().addListener(operations::add);
        model = new BulkEntryViewModel(
                session.inlineTasks(),
                new ResultsRepository(session.database().jdbi()),
                new DraftStore(dataHome),
                Runnable::run);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void openingTheScreenReadsNoClass() {
        model.start();

        assertThat(model.cohorts()).isEmpty();
        assertThat(operations)
                .extracting(OperationSummary::operation)
                .doesNotContain("Open cohorts", CohortSearch.FIND);
        assertThat(operations).allMatch(summary -> summary.statements() == 0);
    }

    @Test
    void aTypedPrefixFindsTheFirstHundredClassesWithTheirSizesInOneStatement() {
        session.database()
                .jdbi()
                .useHandle(handle -> handle.execute("INSERT INTO cohorts (name, grade_level, school_year)"
                        + " SELECT 'Year 9 group ' || lpad(k::text, 3, '0'), 9, 2026 FROM generate_series(1, 130) k"));
        model.start();

        model.findCohorts("YEAR 9");

        assertThat(model.cohorts()).hasSize(100);
        assertThat(model.cohorts().get(0).name()).isEqualTo("Year 9 group 001");
        assertThat(model.cohorts().get(99).name()).isEqualTo("Year 9 group 100");
        assertThat(model.cohortHintProperty().get()).isEqualTo("30 more cohorts: keep typing");
        assertThat(finds())
                .singleElement()
                .extracting(OperationSummary::statements)
                .isEqualTo(1);

        model.findCohorts("1b");
        assertThat(model.cohorts()).extracting(Cohort::name).containsExactly("1B-00014");
        assertThat(model.cohorts().get(0).students()).isPositive();
        assertThat(model.cohortHintProperty().get()).isEmpty();

        model.findCohorts("zz");
        assertThat(model.cohorts()).isEmpty();
        assertThat(model.cohortHintProperty().get()).isEqualTo("No cohort starts with “zz”");
    }

    @Test
    void aClassFoundByTypingOpensItsAssessments() {
        model.start();
        model.findCohorts("1b");

        model.selectCohort(model.cohorts().get(0));

        assertThat(model.cohortProperty().get().name()).isEqualTo("1B-00014");
        assertThat(model.assessments()).isNotEmpty();
        assertThat(model.assessments().get(0).isNew()).isTrue();
    }

    @Test
    void aWaitingDraftOpensItsClassByIdWithoutAnyListAndSaysSoWhenTheClassIsGone() {
        long id = session.database()
                .jdbi()
                .withHandle(handle -> handle.createQuery("SELECT id FROM cohorts WHERE name = '1B-00014'")
                        .mapTo(Long.class)
                        .one());
        model.start();

        model.resume(new WaitingDrafts.Line(id, null, "a new assessment of 1B-00014"));

        assertThat(model.cohortProperty().get().name()).isEqualTo("1B-00014");
        assertThat(model.assessmentProperty().get().isNew()).isTrue();
        assertThat(model.cohorts()).isEmpty();

        model.resume(new WaitingDrafts.Line(999_999, null, "a class deleted since"));

        assertThat(model.messageProperty().get())
                .isEqualTo("The cohort of this draft is not there any more; discard the draft.");
        assertThat(model.cohortProperty().get().name()).isEqualTo("1B-00014");
    }

    private List<OperationSummary> finds() {
        return operations.stream()
                .filter(summary -> summary.operation().equals(CohortSearch.FIND))
                .toList();
    }
}
