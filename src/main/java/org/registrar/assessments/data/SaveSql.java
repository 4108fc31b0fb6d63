package org.registrar.assessments.data;

/** The SQL of {@link ResultsRepository}, kept apart so the repository reads as the steps of a save. */
final class SaveSql {
    private SaveSql() {}

    /** Each class with its size as V73's triggers keep it: no student is read (at a million, every one was). */
    static final String COHORTS = "SELECT c.id, c.name, coalesce(z.students, 0) AS students"
            + " FROM cohorts c LEFT JOIN cohort_sizes z ON z.cohort_id = c.id"
            + " ORDER BY c.name";

    /** Names for drafts: each listed cohort, with the listed assessments among its own (none: one row, null). */
    static final String DRAFT_NAMES = "SELECT c.id AS cohort_id, c.name AS cohort_name, a.id AS assessment_id, a.title"
            + " FROM cohorts c LEFT JOIN assessments a ON a.cohort_id = c.id AND a.id = ANY(:assessments)"
            + " WHERE c.id = ANY(:cohorts)";

    static final String ASSESSMENTS = "SELECT id, cohort_id, title, subject, max_score, assessed_on FROM assessments";

    static final String SHEET = "SELECT s.id AS student_id, s.student_number, s.family_name, s.given_name, s.email,"
            + " r.score, coalesce(r.excused, false) AS excused, r.comment, r.version"
            + " FROM students s"
            + " LEFT JOIN assessment_results r ON r.student_id = s.id AND r.assessment_id = :assessment"
            + " WHERE s.cohort_id = :cohort"
            + " ORDER BY s.search_key, s.id";

    /** Student numbers are stored upper-case in practice; e-mail addresses compare lower-case (no index: rare). */
    static final String COHORTS_OF = "SELECT lower(s.student_number) AS student_key, c.name AS cohort"
            + " FROM students s LEFT JOIN cohorts c ON c.id = s.cohort_id"
            + " WHERE s.student_number = ANY(:numbers)"
            + " UNION ALL"
            + " SELECT lower(s.email), c.name FROM students s LEFT JOIN cohorts c ON c.id = s.cohort_id"
            + " WHERE cardinality(CAST(:emails AS text[])) > 0 AND lower(s.email) = ANY(:emails)";

    /**
     * Part of statement 1: no nested-loop joins while statement 2 is planned. The array input of statement 2 has no
     * statistics (the planner guesses 10 rows) and a fresh assessment looks small, so the planner would otherwise loop
     * over the input for every stored result: 10,000 updates took 9 s that way, against well under 1 s with a hash
     * join. Folded into statement 1 so the save stays at 3 statements. The value it replaces is kept in
     * {@code registrar.nestloop}, and statement 2 puts it back as soon as it starts running ({@link #RESTORED}), so
     * the triggers statement 2 fires (and anything later in the transaction) plan with the caller's own setting
     * (issue 16). Statement 1's own triggers (a stamp bump, row checks) read one table each, by key.
     */
    static final String PLANNER = "(SELECT set_config('enable_nestloop', 'off', true)"
            + " FROM (SELECT set_config('registrar.nestloop', current_setting('enable_nestloop'), true) OFFSET 0) kept)"
            + " AS planner";

    /**
     * A condition of statement 2 that holds: it gives enable_nestloop back the value {@link #PLANNER} kept. It names
     * no column, so PostgreSQL evaluates it once, before the statement reads its first row, when statement 2 is
     * already planned; its AFTER triggers run at the statement's end, after it.
     */
    static final String RESTORED =
            "(SELECT set_config('enable_nestloop', current_setting('registrar.nestloop'), true)) IS NOT NULL";

    /**
     * Statement 1 for an existing assessment: no row back means the batch was saved before. Who saved is the login
     * ({@code registrar_session_user()} is {@code session_user}); the database refuses any other name (V61).
     */
    static final String INSERT_BATCH = "INSERT INTO saved_batches (id, kind, assessment_id, row_count, saved_by)"
            + " SELECT :batch, 'results', :assessment, :rows, registrar_session_user() FROM " + PLANNER
            + " ON CONFLICT (id) DO NOTHING RETURNING assessment_id";

    /**
     * Statement 1 for a new assessment: the ledger row names the assessment's id drawn from its sequence, and the
     * assessment is inserted only when the ledger row is new (a retry creates no second assessment). The foreign
     * key is checked at the end of the statement, when both rows exist.
     */
    static final String INSERT_BATCH_AND_ASSESSMENT = "WITH next AS ("
            + "   SELECT nextval(pg_get_serial_sequence('assessments', 'id')) AS id FROM " + PLANNER + "),"
            + " batch AS ("
            + "   INSERT INTO saved_batches (id, kind, assessment_id, row_count, saved_by)"
            + "   SELECT :batch, 'results', next.id, :rows, registrar_session_user() FROM next"
            + "   ON CONFLICT (id) DO NOTHING RETURNING assessment_id),"
            + " created AS ("
            + "   INSERT INTO assessments (id, cohort_id, title, subject, max_score, assessed_on, created_by)"
            + "   OVERRIDING SYSTEM VALUE"
            + "   SELECT assessment_id, :cohort, :title, :subject, :max, :date, registrar_session_user() FROM batch"
            + "   RETURNING id)"
            + " SELECT id FROM created";

    /**
     * Statement 2: every change in one statement over arrays, in one of three shapes (see {@link #write}). Rows that
     * had a result update only while their version is still the one the change was based on; rows that had none
     * insert only while there still is none. What was written comes back with its new version; a change missing from
     * the answer is a conflict. A shape without an UPDATE fires no update triggers and the reverse, which is most of
     * the cost of a small save. New results skip students that have one by now (NOT EXISTS), without ON CONFLICT: its
     * speculative insertion writes an extra WAL record per row (~30% of a 100,000-row save). A first score that
     * another desktop is committing at this very moment fails the statement with a unique violation instead, and
     * {@link ResultsRepository#save} runs the save once more, where that student is a conflict.
     */
    private static final String INPUT = "input AS NOT MATERIALIZED ("
            + "   SELECT * FROM unnest(CAST(:students AS bigint[]), CAST(:scores AS numeric[]),"
            + "                        CAST(:excused AS boolean[]), CAST(:comments AS text[]),"
            + "                        CAST(:versions AS integer[]))"
            + "          AS i(student_id, score, excused, comment, expected))";

    private static final String UPDATE = "UPDATE assessment_results r"
            + "   SET score = i.score, excused = i.excused, comment = i.comment,"
            + "       recorded_by = registrar_session_user(), batch_id = :batch,"
            + "       version = r.version + 1, recorded_at = now()" // what touch_result sets: it need not run (V56)
            + "  FROM input i"
            + " WHERE r.assessment_id = :assessment AND r.student_id = i.student_id AND r.version = i.expected"
            + "   AND " + RESTORED
            + " RETURNING r.student_id, r.version";

    private static final String INSERT = "INSERT INTO assessment_results (assessment_id, student_id, score, excused,"
            + "                                comment, recorded_by, batch_id)"
            + " SELECT :assessment, i.student_id, i.score, i.excused, i.comment, registrar_session_user(), :batch"
            + "   FROM input i WHERE i.expected IS NULL AND " + RESTORED
            + "    AND NOT EXISTS (SELECT FROM assessment_results r"
            + "                     WHERE r.assessment_id = :assessment AND r.student_id = i.student_id)"
            + " RETURNING student_id, version";

    static final String UPSERT = "WITH " + INPUT + ", updated AS (" + UPDATE + "), inserted AS (" + INSERT + ")"
            + " SELECT student_id, version FROM updated UNION ALL SELECT student_id, version FROM inserted";

    static final String INSERT_ONLY = "WITH " + INPUT + " " + INSERT;

    static final String UPDATE_ONLY = "WITH " + INPUT + " " + UPDATE;

    /** Statement 2 for changes of which some are new results ({@code inserts}) and some change stored ones. */
    static String write(boolean inserts, boolean updates) {
        if (inserts && updates) {
            return UPSERT;
        }
        return inserts ? INSERT_ONLY : UPDATE_ONLY;
    }

    /**
     * A save of new results only, in one statement (ADR 0067): the ledger row, for a new assessment the assessment,
     * and the results, so the save is BEGIN with this statement and COMMIT, 2 round trips, as a COPY of the rows
     * costs (issue 16). The first row answered carries the assessment id and says the ledger row is new; no such row
     * means the batch was saved before, and nothing was written. Each following row is a result written, with its
     * version. No planner setting is needed, so none is set: the results read no stored result but by key, one probe
     * of each new result's student (a LATERAL subquery the planner cannot turn into a scan of the assessment's
     * results), whatever the statistics say of the input or the assessment. A result another desktop committed a
     * moment ago fails the statement with a unique violation, and {@link ResultsRepository#save} runs it again, where
     * that student is a conflict.
     */
    private static final String NEW_RESULTS_WRITTEN = " written AS ("
            + "   INSERT INTO assessment_results (assessment_id, student_id, score, excused, comment, recorded_by,"
            + "                                   batch_id)"
            + "   SELECT b.assessment_id, i.student_id, i.score, i.excused, i.comment, registrar_session_user(), :batch"
            + "     FROM batch b CROSS JOIN input i"
            + "     %s"
            + "    WHERE i.expected IS NULL%s"
            + "   RETURNING student_id, version)"
            + " SELECT b.assessment_id, NULL::bigint AS student_id, NULL::integer AS version FROM batch b"
            + " UNION ALL SELECT NULL, student_id, version FROM written";

    /** The probe of a stored result of the same student, by key, one per new result. */
    private static final String STORED = "LEFT JOIN LATERAL (SELECT true AS stored FROM assessment_results r"
            + " WHERE r.assessment_id = b.assessment_id AND r.student_id = i.student_id OFFSET 0) r ON true";

    /** New results of an existing assessment, its ledger row with them: one statement. */
    static final String NEW_RESULTS = "WITH " + INPUT + ","
            + " batch AS ("
            + "   INSERT INTO saved_batches (id, kind, assessment_id, row_count, saved_by)"
            + "   VALUES (:batch, 'results', :assessment, :rows, registrar_session_user())"
            + "   ON CONFLICT (id) DO NOTHING RETURNING assessment_id),"
            + String.format(NEW_RESULTS_WRITTEN, STORED, " AND r.stored IS NULL");

    /**
     * New results of an assessment created in the same statement, with its ledger row: one statement. The
     * assessment's id is drawn here, so no stored result can name it and none is looked for. The keys are checked at
     * the end of the statement, when every row exists.
     */
    static final String NEW_RESULTS_AND_ASSESSMENT = "WITH " + INPUT + ","
            + " next AS (SELECT nextval(pg_get_serial_sequence('assessments', 'id')) AS id),"
            + " ledger AS ("
            + "   INSERT INTO saved_batches (id, kind, assessment_id, row_count, saved_by)"
            + "   SELECT :batch, 'results', next.id, :rows, registrar_session_user() FROM next"
            + "   ON CONFLICT (id) DO NOTHING RETURNING assessment_id),"
            + " batch AS ("
            + "   INSERT INTO assessments (id, cohort_id, title, subject, max_score, assessed_on, created_by)"
            + "   OVERRIDING SYSTEM VALUE"
            + "   SELECT assessment_id, :cohort, :title, :subject, :max, :date, registrar_session_user() FROM ledger"
            + "   RETURNING id AS assessment_id),"
            + String.format(NEW_RESULTS_WRITTEN, "", "");

    /** Statement 3, only when some changes were not written: what is stored for them now. */
    static final String READ_BACK = "SELECT student_id, score, excused, comment, version, recorded_by"
            + " FROM assessment_results"
            + " WHERE assessment_id = :assessment AND student_id = ANY(:students)";

    /** After a dropped connection: did the batch commit? (The ledger row is written in the save's transaction.) */
    static final String BATCH_APPLIED = "SELECT assessment_id FROM saved_batches WHERE id = :batch";
}
