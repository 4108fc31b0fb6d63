package org.registrar.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.db.TestDatabases;

/**
 * At a large school an unfiltered page is planned once per connection, not on every view: pgjdbc server-prepares a
 * statement from its 5th use, and PostgreSQL then keeps one generic plan when it costs what the custom ones did.
 * Planning the five-table page cost more than running it (0.4-0.9 ms against 0.3-0.7 ms at 1,000,000 students). The
 * generic plan must still cut the page by the sort index first and probe each row by key; with the class and mentor
 * names from the directory (ADR 0066) the only probe left is the row's assignment.
 */
class StudentPagePlansTest {
    private String database;
    private Handle connection;
    private StudentRepository repository;

    @BeforeEach
    void open() {
        database = TestDatabases.freshDatabase();
        Jdbi direct = TestDatabases.jdbi(database);
        direct.useHandle(handle -> {
            handle.execute("VACUUM ANALYZE students, cohorts, mentors, mentor_assignments");
            // the 1,000,000-student demo's statistics on the small database: the plans a large school's server chooses
            handle.execute("UPDATE pg_class SET reltuples = CASE relname WHEN 'students' THEN 1000000"
                    + " WHEN 'cohorts' THEN 35715 WHEN 'mentors' THEN 7692 ELSE 850000 END"
                    + " WHERE oid IN ('students'::regclass, 'cohorts'::regclass, 'mentors'::regclass,"
                    + " 'mentor_assignments'::regclass)");
        });
        connection = direct.open();
        Connection shared = connection.getConnection();
        repository = new StudentRepository(Jdbi.create(new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                return shared;
            }

            @Override
            public void closeConnection(Connection toClose) {
                // one connection for the whole test, as a pool keeps it: its prepared statements stay
            }
        }));
    }

    @AfterEach
    void close() {
        connection.close();
        TestDatabases.drop(database);
    }

    /**
     * Failed before ADR 0066: each page row was also probed in cohorts_pkey and mentors_pkey (536 buffers at a
     * million students against the students-only floor's 54; 244 with the assignment alone).
     */
    @Test
    void anUnfilteredPageIsPlannedOncePerConnectionAndItsGenericPlanProbesOnlyTheAssignment() {
        StudentPage first = null;
        for (int i = 0; i < 12; i++) {
            first = repository.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.first(), 50, false);
            repository.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.after(first.lastKey()), 50, false);
        }

        List<Map<String, Object>> prepared = pagePlansEachGeneric(2);
        connection.execute("SET plan_cache_mode = force_generic_plan");
        for (Map<String, Object> statement : prepared) {
            connection.execute("PREPARE page_plan AS " + statement.get("statement"));
            String arguments = statement.get("statement").toString().contains("$2") ? "('m', 1)" : "";
            String plan = String.join(
                    "\n",
                    connection
                            .createQuery("EXPLAIN EXECUTE page_plan" + arguments)
                            .mapTo(String.class)
                            .list());
            connection.execute("DEALLOCATE page_plan");
            assertThat(plan)
                    .contains("students_search_key_id_idx", "mentor_assignments_pkey")
                    .doesNotContain("cohorts", "mentors_pkey", "Hash", "Seq Scan", "Sort");
        }
    }
    /**
     * Failed before: past the end of the statistics the planner expected a row or two after the key, priced the
     * custom plan far below the generic one and planned every view again (0 generic plans); the same for every jump to
     * a page number, whose limit was a parameter. ADR 0063.
     */
    @Test
    void pagesNearTheEndAndJumpsToAPageNumberKeepTheirGenericPlans() {
        // students who joined since the statistics were taken, last in name order: past the end the planner knows
        connection.execute("INSERT INTO students (student_number, family_name, given_name)"
                + " SELECT 'ZZ' || n, 'Zzyzx', 'Given' || n FROM generate_series(1, 60) n");
        StudentPage last = repository.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.last(), 50, false);
        long students = connection
                .createQuery("SELECT count(*) FROM students")
                .mapTo(Long.class)
                .one();
        long middle = Math.max(1, students / 50 / 2);
        for (int i = 0; i < 12; i++) {
            repository.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.after(last.firstKey()), 50, false);
            repository.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.before(last.firstKey()), 50, false);
            repository.page(StudentOrder.DEFAULT, StudentFilter.NONE, PageRequest.atPage(middle), 50, false);
        }

        pagePlansEachGeneric(3);
    }

    /**
     * Failed before: the class filter list fetched each class's row for its id (35,715 heap visits at 1M). V75 puts the
     * id in the name index. With the heap scans off the only way left is the index alone; whether
     * the planner picks it on its own depends on the visibility map (at 1M, vacuumed: it does, 178 buffers).
     */
    @Test
    void theClassListCanBeReadFromTheNameIndexAlone() {
        connection.execute("SET enable_indexscan = off");
        connection.execute("SET enable_bitmapscan = off");
        connection.execute("SET enable_seqscan = off");
        String plan = String.join(
                "\n",
                connection
                        .createQuery("EXPLAIN (COSTS OFF) " + StudentRepository.CLASS_CHOICES)
                        .mapTo(String.class)
                        .list());
        connection.execute("RESET enable_indexscan");
        connection.execute("RESET enable_bitmapscan");
        connection.execute("RESET enable_seqscan");

        assertThat(plan).startsWith("Index Only Scan using cohorts_name_key").doesNotContain("Sort");
    }

    /** The connection's {@code count} prepared page statements, after asserting each has run on a generic plan. */
    private List<Map<String, Object>> pagePlansEachGeneric(int count) {
        List<Map<String, Object>> prepared = connection
                .createQuery("SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements"
                        + " WHERE statement LIKE '%FROM (SELECT s.id, s.student_number%'")
                .mapToMap()
                .list();
        assertThat(prepared)
                .hasSize(count)
                .allSatisfy(statement -> assertThat((Long) statement.get("generic_plans"))
                        .as("generic plans of %s", statement.get("statement"))
                        .isPositive());
        return prepared;
    }
}
