package org.registrar.db;

import org.jdbi.v3.core.Jdbi;

/**
 * Reads the login's {@link Privileges} from the server in one statement ({@code has_table_privilege},
 * {@code has_column_privilege}, {@code has_sequence_privilege}, {@code pg_has_role}). Blocking: never on the FX
 * thread. Thread-safe.
 */
public final class PrivilegesRepository {
    public static final String SQL = "SELECT"
            + " has_table_privilege('students', 'SELECT') AND has_table_privilege('assessment_results', 'SELECT')"
            + "   AS see_students,"
            + " has_column_privilege('students', 'family_name', 'UPDATE') AS edit_students,"
            + " has_column_privilege('students', 'student_number', 'UPDATE') AS edit_number,"
            + " has_table_privilege('assessment_results', 'INSERT, UPDATE')"
            + "   AND has_table_privilege('saved_batches', 'INSERT') AS write_results,"
            + " has_table_privilege('assessments', 'INSERT')"
            + "   AND has_sequence_privilege(pg_get_serial_sequence('assessments', 'id'), 'USAGE')"
            + "   AS create_assessments,"
            + " has_table_privilege('mentor_assignments', 'INSERT, DELETE') AS assign_mentors,"
            + " has_table_privilege('mentors', 'UPDATE') AS edit_mentors,"
            + " pg_has_role('pg_signal_backend', 'USAGE') AS signal_backends";

    private final Jdbi jdbi;

    public PrivilegesRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** This login's privileges. Blocking. */
    public Privileges load() {
        return jdbi.withHandle(handle -> handle.createQuery(SQL)
                .map((rows, context) -> new Privileges(
                        rows.getBoolean("see_students"),
                        rows.getBoolean("edit_students"),
                        rows.getBoolean("edit_number"),
                        rows.getBoolean("write_results"),
                        rows.getBoolean("create_assessments"),
                        rows.getBoolean("assign_mentors"),
                        rows.getBoolean("edit_mentors"),
                        rows.getBoolean("signal_backends")))
                .one());
    }
}
