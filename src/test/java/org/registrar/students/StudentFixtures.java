package org.registrar.students;

import java.util.Random;
import org.jdbi.v3.core.Jdbi;

/** Random extra students for repository tests: repeated names, no class, no mentor, equal update times. */
final class StudentFixtures {
    private static final String[] FAMILY = {"Müller", "Muller", "mÜller", "Ødegård", "O'Brien", "Zhang", "Ab", "ab"};
    private static final String[] GIVEN = {"Anna", "anna", "Ánna", "Jo", "Zoë", "Éva"};
    private static final String[] STATUS = {"active", "on_leave", "graduated", "withdrawn"};

    private StudentFixtures() {}

    /** Inserts {@code count} students in one statement per row batch; returns nothing, reproducible by seed. */
    static void insertRandom(Jdbi jdbi, long seed, int count) {
        Random random = new Random(seed);
        jdbi.useTransaction(handle -> {
            var batch = handle.prepareBatch("INSERT INTO students (student_number, family_name, given_name, email,"
                    + " status, cohort_id) VALUES (:number, :family, :given, :email, :status, :cohort)");
            for (int i = 0; i < count; i++) {
                batch.bind("number", "R" + seed % 1000 + "-" + i)
                        .bind("family", FAMILY[random.nextInt(FAMILY.length)])
                        .bind("given", GIVEN[random.nextInt(GIVEN.length)])
                        .bind("email", random.nextBoolean() ? null : "r" + i + "@example.org")
                        .bind("status", STATUS[random.nextInt(STATUS.length)])
                        .bind("cohort", random.nextInt(3) == 0 ? null : (Long) (1L + random.nextInt(3)))
                        .add();
            }
            batch.execute();
        });
        jdbi.useHandle(handle -> handle.execute("ANALYZE students"));
    }
}
