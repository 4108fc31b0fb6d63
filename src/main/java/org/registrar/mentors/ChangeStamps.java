package org.registrar.mentors;

import org.jdbi.v3.core.Jdbi;

/**
 * Reads the change stamps of the tables the mentor views are built from (one tiny query over a 5-row table).
 * Triggers bump a table's stamp in every writing transaction, visible at commit, so the sum only grows and moves
 * whenever any desktop changed mentors, assignments, students or cohorts. Blocking. Thread-safe.
 */
public final class ChangeStamps {
    private static final String SQL =
            """
            SELECT coalesce(sum(stamp), 0) FROM change_stamps
             WHERE table_name IN ('mentors', 'mentor_assignments', 'students', 'cohorts')
            """;

    private final Jdbi jdbi;

    public ChangeStamps(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The current generation: grows with every committed write to the watched tables. Blocking. */
    public long current() {
        return jdbi.withHandle(
                handle -> handle.createQuery(SQL).mapTo(Long.class).one());
    }
}
