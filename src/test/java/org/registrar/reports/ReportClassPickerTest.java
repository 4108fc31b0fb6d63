package org.registrar.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.metrics.OperationSummary;
import org.registrar.tasks.Tasks;
import org.registrar.testing.TestSession;

/**
 * The Reports screen's class picker without JavaFX (ADR 0073): opening the screen reads its year groups and the class
 * it starts on, never every class; what is typed finds the first 100 classes starting with it, in one statement.
 */
class ReportClassPickerTest {
    private TestSession session;
    private ReportsViewModel model;
    private final List<OperationSummary> operations = new ArrayList<>();

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        // more classes than the picker shows for one prefix, in a year group of their own
        session.database()
                .jdbi()
                .useHandle(handle -> handle.execute("INSERT INTO cohorts (name, grade_level, school_year)"
                        + " SELECT 'Year 9 group ' || lpad(k::text, 3, '0'), 9, 2026 FROM generate_series(1, 150) k"));
        session.metrics().addListener(operations::add);
        model = new ReportsViewModel(Tasks.inline(session.metrics()), ReportScreens.cache(session));
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void openingTheScreenReadsTheYearGroupsAndOneClassNotTheClassList() {
        model.load();

        assertThat(model.classMatches()).isEmpty();
        assertThat(operations).extracting(OperationSummary::operation).doesNotContain(ReportsViewModel.FIND_CLASSES);
        // the change stamps, the year groups, the first class; then the first class's assessments and students
        assertThat(operations)
                .filteredOn(summary -> summary.operation().equals("Report choices"))
                .extracting(OperationSummary::statements)
                .containsExactly(3, 2);
        List<Choices.Cohort> every = new ReportsRepository(session.database().jdbi()).cohorts();
        assertThat(model.cohort().get()).isEqualTo(every.get(0));
        assertThat(model.cohort().get().schoolYear()).isEqualTo(2026);
        assertThat(model.yearGroups())
                .containsExactlyElementsOf(every.stream()
                        .map(each -> new Choices.YearGroup(each.gradeLevel(), each.schoolYear()))
                        .distinct()
                        .toList());
        assertThat(model.yearGroups()).first().isEqualTo(new Choices.YearGroup(9, 2026));
    }

    @Test
    void aTypedPrefixOffersTheFirstHundredClassesInOneStatementAndSaysHowManyMore() {
        model.load();
        operations.clear();

        model.findClasses("YEAR 9");

        assertThat(model.classMatches()).hasSize(ReportsRepository.CLASSES_SHOWN);
        assertThat(model.classMatches().get(0).name()).isEqualTo("Year 9 group 001");
        assertThat(model.classMatches().get(99).name()).isEqualTo("Year 9 group 100");
        assertThat(model.classMatches().get(0).gradeLevel()).isEqualTo(9);
        assertThat(model.classHint().get()).isEqualTo("50 more classes: keep typing");
        assertThat(operations).singleElement().satisfies(find -> {
            assertThat(find.operation()).isEqualTo(ReportsViewModel.FIND_CLASSES);
            assertThat(find.statements()).isEqualTo(1);
        });

        model.findClasses("1b");
        assertThat(model.classMatches()).extracting(Choices.Cohort::name).containsExactly("1B-00014");
        assertThat(model.classHint().get()).isEmpty();

        model.findClasses("zz");
        assertThat(model.classMatches()).isEmpty();
        assertThat(model.classHint().get()).isEqualTo("No class starts with “zz”");
    }

    @Test
    void aClassFoundByTypingBringsItsAssessmentsStudentsAndReport() {
        model.load();
        model.findClasses("1b");

        model.cohort().set(model.classMatches().get(0));

        long picked = model.cohort().get().id();
        assertThat(model.assessments()).isNotEmpty().allMatch(each -> each.cohortId() == picked);
        assertThat(model.students()).isNotEmpty();
        model.show();
        assertThat(model.table().get().details()).first().asString().startsWith("Class 1B-00014 · ");
        model.kind().set(ReportKind.CLASS_OVERVIEW);
        model.show();
        assertThat(model.table().get().title()).isEqualTo("Class overview: 1B-00014");
    }
}
