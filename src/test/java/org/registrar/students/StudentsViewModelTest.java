package org.registrar.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.metrics.OperationSummary;
import org.registrar.testing.TestSession;

/** The table's ViewModel with inline tasks: statements per page view, prefetch, position text. */
class StudentsViewModelTest {
    private TestSession session;
    private StudentsViewModel model;
    private final List<OperationSummary> operations = new ArrayList<>();

    @BeforeEach
    void open() {
        session = TestSession.fresh();
        session.metrics().addListener(operations::add);
        model = new StudentsViewModel(
                session.inlineTasks(), new StudentRepository(session.database().jdbi()));
        model.start();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private List<OperationSummary> pageViews() {
        return operations.stream()
                .filter(summary -> summary.operation().equals(StudentsViewModel.OPEN_PAGE))
                .toList();
    }

    @Test
    void aPageViewWithItsCountIsOneStatementAndNextIsServedFromThePrefetch() {
        assertThat(pageViews())
                .singleElement()
                .extracting(OperationSummary::statements)
                .isEqualTo(1);
        assertThat(model.positionProperty().get()).isEqualTo("Page 1 of 12");
        assertThat(model.hasPrefetched()).isTrue();
        StudentRow lastOnFirstPage = model.rows().get(49);

        model.next();

        assertThat(pageViews()).hasSize(1);
        assertThat(model.rows().get(0).key()).isNotEqualTo(lastOnFirstPage.key());
        assertThat(model.positionProperty().get()).isEqualTo("Page 2 of 12");
    }

    @Test
    void everyPageViewCostsAtMostTwoStatements() {
        model.last();
        model.previous();
        model.jumpToPage(5);
        model.jumpToName("Mü");
        model.filterBy(new StudentFilter("m", null, "active", null, false));
        model.sortBy(new StudentOrder(StudentSort.UPDATED, false));
        assertThat(pageViews()).hasSize(7).allMatch(summary -> summary.statements() <= 2);
        assertThat(model.positionProperty().get()).startsWith("Page 1 of ");
    }

    @Test
    void previousFromTheSecondPageReturnsToTheFirst() {
        List<StudentRow> first = List.copyOf(model.rows());
        model.next();
        model.previous();
        assertThat(model.rows()).containsExactlyElementsOf(first);
        assertThat(model.positionProperty().get()).isEqualTo("Page 1 of 12");
        assertThat(model.hasPreviousProperty().get()).isFalse();
    }
}
