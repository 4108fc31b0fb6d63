package org.registrar.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.db.TestDatabases;
import org.registrar.metrics.OperationSummary;
import org.registrar.testing.HeldWork;
import org.registrar.testing.TestSession;

/**
 * The table's ViewModel with inline tasks, no JavaFX: statements per page view, prefetch, position text, search,
 * the page-number check and answers a newer request superseded.
 */
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
    void openingTheScreenReadsNoFilterList() {
        assertThat(operations)
                .extracting(OperationSummary::operation)
                .containsOnly(StudentsViewModel.OPEN_PAGE, StudentsViewModel.PREFETCH);
        assertThat(model.cohorts()).isEmpty();
        assertThat(model.mentors()).isEmpty();
    }

    @Test
    void aFilterListIsReadWhenFirstOpenedAndAgainOnlyAfterItsTableChanged() {
        model.wantChoices(FilterList.COHORTS);
        List<Choice> cohorts = List.copyOf(model.cohorts());
        assertThat(cohorts).isNotEmpty();
        assertThat(model.mentors()).isEmpty();

        model.wantChoices(FilterList.COHORTS);
        assertThat(filterReads()).extracting(OperationSummary::statements).containsExactly(2, 1);
        assertThat(model.cohorts()).containsExactlyElementsOf(cohorts);

        TestDatabases.jdbi(session.databaseName())
                .useHandle(handle -> handle.execute(
                        "INSERT INTO cohorts (name, grade_level, school_year) VALUES ('AAA new class', 5, 2026)"));
        model.wantChoices(FilterList.COHORTS);
        assertThat(filterReads()).extracting(OperationSummary::statements).containsExactly(2, 1, 2);
        assertThat(model.cohorts()).hasSize(cohorts.size() + 1);
        assertThat(model.cohorts()).extracting(Choice::label).contains("AAA new class");
    }

    @Test
    void theMentorListNamesEachMentorFamilyNameFirst() {
        model.wantChoices(FilterList.MENTORS);
        assertThat(model.mentors())
                .isNotEmpty()
                .allMatch(choice -> choice.label().contains(", "));
        assertThat(model.cohorts()).isEmpty();
    }

    private List<OperationSummary> filterReads() {
        return operations.stream()
                .filter(summary -> summary.operation().equals(FilterChoices.LOAD))
                .toList();
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

    @Test
    void searchShowsOnlyMatchingStudentsAndCountsThem() {
        long matching = TestDatabases.jdbi(session.databaseName())
                .withHandle(handle -> handle.createQuery(
                                "SELECT count(*) FROM students WHERE student_number LIKE 'S00001%'")
                        .mapTo(Long.class)
                        .one());
        assertThat(matching).isBetween(1L, 599L);

        assertThat(model.searchWouldChange("S00001")).isTrue();
        model.search("S00001");

        assertThat(model.rows())
                .isNotEmpty()
                .allMatch(row -> row.studentNumber().startsWith("S00001"));
        assertThat(model.countTextProperty().get()).isEqualTo(new RowCount(matching, true).describe());
        assertThat(model.searchText()).isEqualTo("S00001");
        assertThat(model.searchWouldChange(" S00001 "))
                .as("the same search again reads nothing")
                .isFalse();
    }

    @Test
    void aTypedPageNumberIsCheckedWithAMessageTheUserCanAct() {
        assertThat(model.pageNumber("abc")).isEmpty();
        assertThat(model.jumpProblemProperty().get()).isEqualTo(StudentsViewModel.NOT_A_PAGE);
        assertThat(model.pageNumber("0")).isEmpty();
        assertThat(model.pageNumber("-3")).isEmpty();
        assertThat(model.pageNumber("1234567890123"))
                .as("more digits than any page count")
                .isEmpty();

        assertThat(model.pageNumber(" 1,200 ")).hasValue(1200);
        assertThat(model.jumpProblemProperty().get())
                .as("a good number clears the message")
                .isEmpty();

        model.jumpToPage(model.pageNumber("5").orElseThrow());
        assertThat(model.positionProperty().get()).isEqualTo("Page 5 of 12");
    }

    @Test
    void anAnswerANewerRequestSupersededIsDropped() {
        HeldWork work = new HeldWork();
        StudentsViewModel held = new StudentsViewModel(
                work.tasks(session.metrics()),
                new StudentRepository(session.database().jdbi()));
        held.start();
        work.releaseAll();
        held.jumpToPage(5);
        held.jumpToPage(2);
        assertThat(work.waiting()).isEqualTo(2);
        assertThat(held.busyProperty().get()).isTrue();

        work.release(1); // page 2 answers first
        List<StudentRow> second = List.copyOf(held.rows());
        work.releaseAll(); // then the older page 5, and page 2's prefetch

        assertThat(held.positionProperty().get()).isEqualTo("Page 2 of 12");
        assertThat(held.rows()).containsExactlyElementsOf(second);
        assertThat(held.busyProperty().get()).isFalse();
    }
}
