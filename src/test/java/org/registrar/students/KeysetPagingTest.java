package org.registrar.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.registrar.db.TestDatabases;
import org.registrar.testing.TestSession;

/**
 * Keyset pages are exactly the OFFSET pages, for every sort key and direction and several filters, over random
 * data with ties on every non-unique key, students without class or mentor, across every page boundary.
 */
class KeysetPagingTest {
    private static final long SEED = Long.getLong("registrar.test.seed", System.nanoTime() % 100_000);
    private static final int SIZE = 23;
    private static TestSession session;
    private static StudentRepository repository;
    private static OffsetPages offsets;

    @BeforeAll
    static void fillDatabase() {
        session = TestSession.fresh();
        StudentFixtures.insertRandom(TestDatabases.jdbi(session.databaseName()), SEED, 400);
        repository = new StudentRepository(session.database().jdbi());
        offsets = new OffsetPages(session.database().jdbi());
    }

    @AfterAll
    static void close() {
        session.close();
    }

    static Stream<Arguments> ordersAndFilters() {
        List<StudentFilter> filters = List.of(
                StudentFilter.NONE,
                new StudentFilter(null, null, "active", null, false),
                new StudentFilter(null, 2L, null, null, false),
                new StudentFilter(null, null, null, null, true),
                new StudentFilter(null, null, null, 1L, false),
                new StudentFilter("mu", null, null, null, false),
                new StudentFilter("r", null, "on_leave", null, false));
        List<Arguments> arguments = new ArrayList<>();
        for (StudentSort sort : StudentSort.values()) {
            for (boolean ascending : new boolean[] {true, false}) {
                for (StudentFilter filter : filters) {
                    arguments.add(Arguments.of(new StudentOrder(sort, ascending), filter));
                }
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ordersAndFilters")
    void keysetPagesEqualOffsetPagesForward(StudentOrder order, StudentFilter filter) {
        List<StudentRow> all = offsets.page(order, filter, 0, 100_000);
        StudentPage page = repository.page(order, filter, PageRequest.first(), SIZE, true);
        assertThat(page.count()).isEqualTo(new RowCount(all.size(), true));
        long offset = 0;
        while (true) {
            assertThat(page.rows())
                    .as("page at offset %d, seed %d", offset, SEED)
                    .isEqualTo(offsets.page(order, filter, offset, SIZE));
            if (!page.hasNext()) {
                break;
            }
            offset += SIZE;
            page = repository.page(order, filter, PageRequest.after(page.lastKey()), SIZE, false);
        }
        assertThat(offset + page.rows().size()).as("rows seen, seed %d", SEED).isEqualTo(all.size());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ordersAndFilters")
    void keysetPagesEqualOffsetSlicesBackwardFromTheLastPage(StudentOrder order, StudentFilter filter) {
        List<StudentRow> all = offsets.page(order, filter, 0, 100_000);
        StudentPage page = repository.page(order, filter, PageRequest.last(), SIZE, true);
        assertThat(page.count()).isEqualTo(new RowCount(all.size(), true));
        while (!page.rows().isEmpty()) {
            int start = all.indexOf(page.rows().get(0));
            assertThat(page.rows())
                    .as("slice from %d, seed %d", start, SEED)
                    .isEqualTo(all.subList(start, Math.min(all.size(), start + SIZE)));
            if (!page.hasPrevious()) {
                assertThat(start).isZero();
                break;
            }
            page = repository.page(order, filter, PageRequest.before(page.firstKey()), SIZE, false);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ordersAndFilters")
    void pageNumberJumpEqualsOffsetPage(StudentOrder order, StudentFilter filter) {
        long total = offsets.page(order, filter, 0, 100_000).size();
        for (long number = 1; (number - 1) * SIZE < total; number += 3) {
            StudentPage page = repository.page(order, filter, PageRequest.atPage(number), SIZE, false);
            assertThat(page.rows())
                    .as("page %d, seed %d", number, SEED)
                    .isEqualTo(offsets.page(order, filter, (number - 1) * SIZE, SIZE));
            assertThat(page.pageNumber()).isEqualTo(number);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ordersOfEveryStudent")
    void pageNumberJumpEqualsThePageReachedByWalking(StudentOrder order) {
        StudentPage walked = repository.page(order, StudentFilter.NONE, PageRequest.first(), SIZE, false);
        for (long number = 1; !walked.rows().isEmpty(); number++) {
            StudentPage jumped = repository.page(order, StudentFilter.NONE, PageRequest.atPage(number), SIZE, false);
            assertThat(jumped.rows()).as("page %d, seed %d", number, SEED).isEqualTo(walked.rows());
            if (!walked.hasNext()) {
                break;
            }
            PageKey last = walked.rows().get(walked.rows().size() - 1).key();
            walked = repository.page(order, StudentFilter.NONE, PageRequest.after(last), SIZE, false);
        }
    }

    static Stream<StudentOrder> ordersOfEveryStudent() {
        List<StudentOrder> orders = new ArrayList<>();
        for (StudentSort sort : StudentSort.values()) {
            orders.add(new StudentOrder(sort, true));
            orders.add(new StudentOrder(sort, false));
        }
        return orders.stream();
    }
}
