package org.registrar.reports;

import org.jdbi.v3.core.Jdbi;

/** A class of scored students for the stall tests. */
final class StallFixture {
    private StallFixture() {}

    /** A class named {@code name} of {@code students} students with {@code assessments} scored assessments in 2025/26. */
    static void classOf(Jdbi jdbi, String name, int students, int assessments) {
        jdbi.useTransaction(handle -> {
            long cohort = handle.createQuery(
                            "INSERT INTO cohorts (name, grade_level, school_year) VALUES (:name, 7, 2025) RETURNING id")
                    .bind("name", name)
                    .mapTo(Long.class)
                    .one();
            handle.createUpdate("INSERT INTO students (student_number, family_name, given_name, cohort_id)"
                            + " SELECT :name || '-' || n, (ARRAY['Nguyễn', 'Łukaszewski', 'Weiß'])[1 + n % 3],"
                            + " 'Student ' || n, :cohort FROM generate_series(1, :students) n")
                    .bind("cohort", cohort)
                    .bind("name", name)
                    .bind("students", students)
                    .execute();
            handle.createUpdate("INSERT INTO assessments (cohort_id, title, subject, max_score, assessed_on)"
                            + " SELECT :cohort, 'Stall test ' || j, (ARRAY['Mathematics', 'English'])[1 + j % 2], 20,"
                            + " date '2025-09-01' + (j % 280) FROM generate_series(1, :assessments) j")
                    .bind("cohort", cohort)
                    .bind("assessments", assessments)
                    .execute();
            handle.createUpdate("INSERT INTO assessment_results (assessment_id, student_id, score)"
                            + " SELECT a.id, s.id, (a.id + s.id) % 21 FROM assessments a"
                            + " JOIN students s ON s.cohort_id = a.cohort_id WHERE a.cohort_id = :cohort")
                    .bind("cohort", cohort)
                    .execute();
        });
    }
}
