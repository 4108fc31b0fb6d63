package org.registrar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.registrar.students.PageRequest;
import org.registrar.students.StudentFilter;
import org.registrar.students.StudentOrder;
import org.registrar.students.StudentPage;
import org.registrar.students.StudentRepository;
import org.registrar.testing.TestSession;

/**
 * The bench's OFFSET baseline reads what the Students screen's keyset pages read (same rows, same keys): else the
 * paging figures compare two different queries.
 */
class OffsetPagesTest {
    private static final int SIZE = 50;
    private static TestSession session;

    @BeforeAll
    static void demoData() {
        session = TestSession.fresh(); // a copy of the demo database
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void offsetPagesAreTheKeysetPagesPageAfterPage() {
        StudentRepository repository = new StudentRepository(session.database().jdbi());
        OffsetPages offsets = new OffsetPages(session.database().jdbi());
        StudentPage page = repository.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.first(), SIZE, false);
        int pages = 1;
        for (long offset = 0; page.hasNext() && pages <= 12; offset += SIZE, pages++) {
            assertThat(offsets.page(offset, SIZE)).isEqualTo(page.rows());
            assertThat(offsets.keyAt(offset + SIZE - 1)).isEqualTo(page.lastKey());
            page = repository.page(
                    StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.after(page.lastKey()), SIZE, false);
        }
        assertThat(pages).as("pages compared").isGreaterThan(2);
    }
}
