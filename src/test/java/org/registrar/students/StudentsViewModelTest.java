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
        assertThat(model.classMatches()).isEmpty();
        assertThat(model.mentors()).isEmpty();
    }

    @Test
    void typingIntoTheClassFilterOffersTheFirstMatchesAndSaysHowManyMore() {
        TestDatabases.jdbi(session.databaseName())
                .useHandle(handle -> handle.execute("INSERT INTO cohorts (name, grade_level, school_year)"
                        + " SELECT 'Year 9 group ' || lpad(k::text, 3, '0'), 9, 2026 FROM generate_series(1, 130) k"));

        model.findClasses("year 9");

        assertThat(model.classMatches())
                .hasSize(FilterChoices.SHOWN)
                .extracting(Choice::label)
                .startsWith("Year 9 group 001", "Year 9 group 002");
        assertThat(model.classHintProperty().get()).isEqualTo("30 more cohorts: keep typing");
        assertThat(classFinds())
                .singleElement()
                .extracting(OperationSummary::statements)
                .isEqualTo(2);

        model.findClasses("year 9 group 12");
        assertThat(model.classMatches())
                .extracting(Choice::label)
                .containsExactly(
                        "Year 9 group 120",
                        "Year 9 group 121",
                        "Year 9 group 122",
                        "Year 9 group 123",
                        "Year 9 group 124",
                        "Year 9 group 125",
                        "Year 9 group 126",
                        "Year 9 group 127",
                        "Year 9 group 128",
                        "Year 9 group 129");
        assertThat(model.classHintProperty().get()).isEmpty();

        model.findClasses("no such class");
        assertThat(model.classMatches()).isEmpty();
        assertThat(model.classHintProperty().get()).isEqualTo("No cohort starts with \u201cno such class\u201d");
    }

    @Test
    void aPrefixTypedAgainCostsOnlyTheStampUntilTheClassesChange() {
        model.findClasses("1");
        List<Choice> first = List.copyOf(model.classMatches());
        assertThat(first).isNotEmpty().allMatch(choice -> choice.label().startsWith("1"));

        model.findClasses("2");
        model.findClasses("1");
        assertThat(classFinds()).extracting(OperationSummary::statements).containsExactly(2, 2, 1);
        assertThat(model.classMatches()).containsExactlyElementsOf(first);

        TestDatabases.jdbi(session.databaseName())
                .useHandle(handle -> handle.execute(
                        "INSERT INTO cohorts (name, grade_level, school_year) VALUES ('1 new class', 5, 2026)"));
        model.findClasses("1");
        assertThat(classFinds()).extracting(OperationSummary::statements).containsExactly(2, 2, 1, 2);
        assertThat(model.classMatches()).hasSize(first.size() + 1);
        assertThat(model.classMatches()).extracting(Choice::label).contains("1 new class");
    }

    @Test
    void theMentorListIsReadWhenFirstOpenedAndAgainOnlyAfterItsTableChanged() {
        model.wantChoices(FilterList.MENTORS);
        List<Choice> mentors = List.copyOf(model.mentors());
        assertThat(mentors).isNotEmpty();

        model.wantChoices(FilterList.MENTORS);
        assertThat(filterReads()).extracting(OperationSummary::statements).containsExactly(2, 1);
        assertThat(model.mentors()).containsExactlyElementsOf(mentors);

        TestDatabases.jdbi(session.databaseName())
                .useHandle(handle -> handle.execute("INSERT INTO mentors (family_name, given_name, email)"
                        + " VALUES ('Aaberg', 'Ana', 'ana.aaberg@staff.example.org')"));
        model.wantChoices(FilterList.MENTORS);
        assertThat(filterReads()).extracting(OperationSummary::statements).containsExactly(2, 1, 2);
        assertThat(model.mentors()).hasSize(mentors.size() + 1);
        assertThat(model.mentors()).extracting(Choice::label).contains("Aaberg, Ana");
    }

    private List<OperationSummary> classFinds() {
        return operations.stream()
                .filter(summary -> summary.operation().equals(FilterChoices.FIND_CLASSES))
                .toList();
    }

    @Test
    void theMentorListNamesEachMentorFamilyNameFirst() {
        model.wantChoices(FilterList.MENTORS);
        assertThat(model.mentors())
                .isNotEmpty()
                .allMatch(choice -> choice.label().contains(", "));
        assertThat(model.classMatches()).isEmpty();
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
