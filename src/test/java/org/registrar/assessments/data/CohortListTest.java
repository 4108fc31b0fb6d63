package org.registrar.assessments.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.db.TestDatabases;

/**
 * The Assessments screen's class picker shows each class with its number of students. At a million students counting
 * them meant reading every student each time the screen opened; the sizes V73 keeps for the year overview give the
 * same numbers (checked here against a count written in the test, after students join, move and leave).
 */
class CohortListTest {
    private String database;
    private Jdbi direct;
    private ResultsRepository repository;

    @BeforeEach
    void open() {
        database = TestDatabases.freshDatabase();
        direct = TestDatabases.jdbi(database);
        repository = new ResultsRepository(direct);
    }

    @AfterEach
    void close() {
        TestDatabases.drop(database);
    }

    @Test
    void eachClassShowsTheStudentsItHasNowAfterStudentsJoinMoveAndLeave() {
        assertThat(listed()).isEqualTo(counted());

        direct.useHandle(handle -> {
            long fresh = handle.createQuery("INSERT INTO cohorts (name, grade_level, school_year)"
                            + " VALUES ('Picker new', 3, 2031) RETURNING id")
                    .mapTo(Long.class)
                    .one();
            handle.createQuery("INSERT INTO cohorts (name, grade_level, school_year)"
                            + " VALUES ('Picker empty', 3, 2031) RETURNING id")
                    .mapTo(Long.class)
                    .one();
            handle.createUpdate("INSERT INTO students (student_number, family_name, given_name, cohort_id)"
                            + " SELECT 'PICK' || n, 'Family' || n, 'Given', :cohort FROM generate_series(1, 5) n")
                    .bind("cohort", fresh)
                    .execute();
            // three students of the first class move to the new one, one of the new ones leaves the school
            handle.createUpdate("UPDATE students SET cohort_id = :cohort WHERE id IN (SELECT id FROM students"
                            + " WHERE cohort_id = (SELECT min(cohort_id) FROM students) ORDER BY id LIMIT 3)")
                    .bind("cohort", fresh)
                    .execute();
            handle.createUpdate("DELETE FROM students WHERE student_number = 'PICK1'")
                    .execute();
        });

        Map<Long, Integer> listed = listed();
        assertThat(listed).isEqualTo(counted());
        assertThat(repository.cohorts())
                .filteredOn(cohort -> cohort.name().startsWith("Picker"))
                .extracting(Cohort::name, Cohort::students)
                .containsExactlyInAnyOrder(tuple("Picker new", 7), tuple("Picker empty", 0));
    }

    /** Failed before: the list joined every student of the school to count them. */
    @Test
    void theListReadsNoStudent() {
        List<String> plan = direct.withHandle(handle -> handle.createQuery("EXPLAIN " + SaveSql.COHORTS)
                .mapTo(String.class)
                .list());
        assertThat(String.join("\n", plan)).doesNotContain(" on students");
    }

    private Map<Long, Integer> listed() {
        return repository.cohorts().stream().collect(Collectors.toMap(Cohort::id, Cohort::students));
    }

    private Map<Long, Integer> counted() {
        return direct.withHandle(handle -> handle
                .createQuery(
                        "SELECT c.id, (SELECT count(*) FROM students s WHERE s.cohort_id = c.id) AS n FROM cohorts c")
                .map((rows, context) -> Map.entry(rows.getLong(1), rows.getInt(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
