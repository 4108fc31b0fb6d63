package org.registrar.mentors;

/** The statements of {@link MentorRepository}, kept apart so the repository reads as what it does. */
final class MentorSql {
    private MentorSql() {}

    /** The listed students' current mentors (none: null), to ask before moving them. */
    static final String CURRENT_MENTORS = """
            SELECT s.id AS student_id, s.family_name || ', ' || s.given_name AS student_name,
                   a.mentor_id, m.family_name || ', ' || m.given_name AS mentor_name
              FROM students s
              LEFT JOIN mentor_assignments a ON a.student_id = s.id
              LEFT JOIN mentors m ON m.id = a.mentor_id
             WHERE s.id = ANY (:ids)
             ORDER BY s.id
            """;

    /**
     * Every mentor with the summary the database maintains for them (V65, ADR 0040): reads the mentors and one row
     * each, never the students. Of each cohort list only the first names the screen shows and their number are sent
     * (V66): the whole lists were ~850,000 names at a million students. A mentor with no summary row yet has no
     * students. Nothing is derived per mentor at read time (V71, ADR 0047): the sort key is stored on the mentor, the
     * first names and the length of the cohort list on the summary, so the whole list is never read. The slice is
     * spaced because Jdbi would read {@code [1:3]} as a parameter named 3.
     */
    static final String MENTORS = """
            SELECT m.id, m.family_name, m.given_name, m.email, m.active,
                   coalesce(x.students, 0) AS students,
                   coalesce(x.first_cohorts[1 : LISTED], '{}') AS first_cohorts,
                   coalesce(x.cohort_count, 0) AS cohort_count,
                   greatest(m.updated_at, x.last_assigned_at) AS last_change
              FROM mentors m
              LEFT JOIN mentor_summaries x ON x.mentor_id = m.id
             ORDER BY m.sort_key, m.id
            """.replace("LISTED", Integer.toString(Mentor.LISTED_COHORTS));

    /**
     * The mentors with a student in the class named {@code :name} (any case): the class by
     * {@code cohorts_upper_name_idx}, the mentors by the GIN index over the cohort lists the database maintains
     * ({@code mentor_summaries_cohort_names_idx}, V66); never students or assignments.
     */
    static final String MENTORS_IN_COHORT = """
            SELECT x.mentor_id
              FROM mentor_summaries x
             WHERE x.cohort_names && ARRAY(SELECT c.name FROM cohorts c WHERE upper(c.name) = upper(:name))
             ORDER BY x.mentor_id
            """;

    /** The columns RosterEntry needs, for students {@code s} with assignment {@code a} and mentor {@code m}. */
    private static final String ENTRY_COLUMNS = """
            SELECT s.id AS student_id, s.student_number, s.family_name, s.given_name, s.search_key,
                   c.name AS cohort, a.mentor_id, m.family_name || ', ' || m.given_name AS mentor_name,
                   a.assigned_by, a.assigned_at, r.title AS latest_title, r.score AS latest_score,
                   r.max_score AS latest_max, r.excused AS latest_excused, r.assessed_on AS latest_on
            """;

    /** Cohort and latest result (by assessment date, then newest assessment) of student {@code s}. */
    private static final String LATEST_RESULT = """
              LEFT JOIN cohorts c ON c.id = s.cohort_id
              LEFT JOIN LATERAL (
                    SELECT x.title, ar.score, x.max_score, ar.excused, x.assessed_on
                      FROM assessment_results ar
                      JOIN assessments x ON x.id = ar.assessment_id
                     WHERE ar.student_id = s.id
                     ORDER BY x.assessed_on DESC, x.id DESC
                     LIMIT 1) r ON true
            """;

    private static final String PAGE_END = """
               AND (s.search_key, s.id) > (:afterKey, :afterId)
             ORDER BY s.search_key, s.id
             LIMIT :limit
            """;

    /**
     * One page of a mentor's roster. Each step is shaped so that neither a custom plan nor a generic one (pgjdbc
     * server-prepares a statement from its fifth use on a connection, and PostgreSQL may then plan it once for any
     * parameters, guessing a page of about one row) can turn it into a walk over all students:
     *
     * <ol>
     *   <li>{@code mine}: the mentor's students after the keyset, by primary key ({@code = ANY} of their ids from
     *       {@code mentor_assignments_mentor_id_idx}). No ORDER BY or LIMIT here, so walking the students name index
     *       never looks cheaper; a join here let the planner hash all students, or, in the generic plan, walk the
     *       name index checking every student against the roster (0.4 s on 20,000 students);
     *   <li>{@code page}: those sorted by name and cut to the page;
     *   <li>per page row: the assignment, the cohort and the latest result, each an index probe, so a page costs its
     *       rows whatever the planner guessed. The latest result stays a per-row {@code LIMIT 1}: a set-based
     *       {@code DISTINCT ON} joined back to the page was rescanned per row in the generic plan;
     *   <li>the mentor's name once.
     * </ol>
     */
    static final String ROSTER = """
            WITH mine AS MATERIALIZED (
                SELECT s.id, s.student_number, s.family_name, s.given_name, s.search_key, s.cohort_id
                  FROM students s
                 WHERE s.id = ANY (ARRAY(SELECT student_id FROM mentor_assignments WHERE mentor_id = :mentor))
                   AND (s.search_key, s.id) > (:afterKey, :afterId)),
            page AS (
                SELECT * FROM mine ORDER BY search_key, id LIMIT :limit)
            SELECT s.id AS student_id, s.student_number, s.family_name, s.given_name, s.search_key,
                   c.name AS cohort, a.mentor_id,
                   (SELECT m.family_name || ', ' || m.given_name FROM mentors m WHERE m.id = :mentor) AS mentor_name,
                   a.assigned_by, a.assigned_at, r.title AS latest_title, r.score AS latest_score,
                   r.max_score AS latest_max, r.excused AS latest_excused, r.assessed_on AS latest_on
              FROM page s
              JOIN mentor_assignments a ON a.mentor_id = :mentor AND a.student_id = s.id
            """ + LATEST_RESULT + " ORDER BY s.search_key, s.id\n";

    /** Name prefix, exact student number, or exact cohort name (case-insensitive); optionally only unassigned. */
    static String candidates(boolean search, boolean withoutMentorOnly) {
        String where = " WHERE true\n";
        if (search) {
            where += """
                       AND (s.search_key LIKE registrar_fold(:prefix) || '%'
                            OR s.student_number = upper(:exact)
                            OR s.cohort_id = (SELECT id FROM cohorts WHERE upper(name) = upper(:exact)
                                               ORDER BY id LIMIT 1))
                    """;
        }
        if (withoutMentorOnly) {
            where += " AND a.student_id IS NULL\n";
        }
        return ENTRY_COLUMNS + """
                  FROM students s
                  LEFT JOIN mentor_assignments a ON a.student_id = s.id
                  LEFT JOIN mentors m ON m.id = a.mentor_id
                """ + LATEST_RESULT + where + PAGE_END;
    }

    /** Students minus assignments, both counted by the database as rows come and go (V65): two rows read. */
    static final String COUNT_WITHOUT_MENTOR = """
            SELECT (SELECT row_count FROM row_counts WHERE table_name = 'students')
                 - (SELECT row_count FROM row_counts WHERE table_name = 'mentor_assignments')
            """;

    /** Students already with the mentor are left alone (no new who/when); the rest are inserted or moved. */
    static final String ASSIGN = """
            WITH batch AS (
                INSERT INTO saved_batches (id, kind, row_count, saved_by)
                VALUES (:batch, 'mentor_assignments', cardinality(CAST(:ids AS bigint[])), registrar_session_user())
                ON CONFLICT (id) DO NOTHING
                RETURNING id),
            previous AS (
                SELECT a.mentor_id FROM mentor_assignments a
                 WHERE a.student_id = ANY (CAST(:ids AS bigint[])) AND a.mentor_id <> :mentor),
            written AS (
                INSERT INTO mentor_assignments (student_id, mentor_id, assigned_by, assigned_at)
                SELECT DISTINCT id, :mentor, registrar_session_user(), now()
                  FROM unnest(CAST(:ids AS bigint[])) AS id
                 WHERE EXISTS (SELECT FROM batch)
                ON CONFLICT (student_id) DO UPDATE
                   SET mentor_id = excluded.mentor_id, assigned_by = excluded.assigned_by
                 WHERE mentor_assignments.mentor_id <> excluded.mentor_id
                RETURNING student_id)
            SELECT (SELECT count(*) FROM written)::int AS students,
                   ARRAY(SELECT DISTINCT mentor_id FROM previous) AS previous
            """;

    static final String UNASSIGN = """
            WITH batch AS (
                INSERT INTO saved_batches (id, kind, row_count, saved_by)
                VALUES (:batch, 'mentor_assignments', cardinality(CAST(:ids AS bigint[])), registrar_session_user())
                ON CONFLICT (id) DO NOTHING
                RETURNING id),
            removed AS (
                DELETE FROM mentor_assignments a
                 WHERE a.student_id = ANY (CAST(:ids AS bigint[])) AND EXISTS (SELECT FROM batch)
                RETURNING a.mentor_id)
            SELECT (SELECT count(*) FROM removed)::int AS students,
                   ARRAY(SELECT DISTINCT mentor_id FROM removed) AS previous
            """;

    static final String MOVE_ALL = """
            WITH batch AS (
                INSERT INTO saved_batches (id, kind, row_count, saved_by)
                VALUES (:batch, 'mentor_assignments',
                        (SELECT count(*) FROM mentor_assignments WHERE mentor_id = :from), registrar_session_user())
                ON CONFLICT (id) DO NOTHING
                RETURNING id),
            moved AS (
                UPDATE mentor_assignments SET mentor_id = :to, assigned_by = registrar_session_user()
                 WHERE mentor_id = :from AND EXISTS (SELECT FROM batch)
                RETURNING student_id)
            SELECT count(*)::int FROM moved
            """;
}
