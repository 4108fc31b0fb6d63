-- Issue 16 (and V60-V62): the score check and the cohort check read each assessment the statement's rows name ONCE.
-- In V60-V62 the per-assessment look-up was a LATERAL probe by key, but the planner may join the rows to the
-- distinct assessment ids first and then probe once per row (auto_explain showed 100 probes of assessments_pkey for a
-- 100-row save: still by index, but 10,000 probes for a 10,000-score correction). A MATERIALIZED common table
-- expression is computed once: one probe per assessment, then the rows are matched to that short list in memory.
-- Same rules, same errors; only the plans change.

CREATE OR REPLACE FUNCTION registrar_check_result_scores() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp SET enable_nestloop = on AS $$
DECLARE
    offender record;
BEGIN
    -- Each assessment the rows name, looked up once by its key (materialized: read once, not once per row).
    WITH maxima AS MATERIALIZED (
        SELECT d.assessment_id, a.max_score
          FROM (SELECT DISTINCT assessment_id FROM new_rows) d
         CROSS JOIN LATERAL (SELECT a.max_score FROM assessments a WHERE a.id = d.assessment_id OFFSET 0) a)
    SELECT n.assessment_id, n.student_id, n.score, m.max_score, count(*) OVER () AS offenders
      INTO offender
      FROM new_rows n
      JOIN maxima m ON m.assessment_id = n.assessment_id
     WHERE n.score > m.max_score
     ORDER BY n.assessment_id, n.student_id
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'score % is above the maximum score % of assessment %',
                offender.score, offender.max_score, offender.assessment_id
            USING ERRCODE = 'check_violation',
                  CONSTRAINT = 'assessment_results_score_within_max_score',
                  TABLE = 'assessment_results', COLUMN = 'score',
                  DETAIL = format('assessment_id=%s student_id=%s score=%s max_score=%s offending_rows=%s',
                                  offender.assessment_id, offender.student_id, offender.score,
                                  offender.max_score, offender.offenders);
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT n.assessment_id, n.student_id, n.recorded_at, n.version, n.recorded_by INTO offender
          FROM new_rows n
         WHERE n.recorded_at IS DISTINCT FROM now() OR n.version <> 1
            OR n.recorded_by IS DISTINCT FROM session_user::text
         LIMIT 1;
        IF FOUND AND offender.recorded_by IS DISTINCT FROM session_user::text THEN
            RAISE EXCEPTION 'assessment_results.recorded_by is the login that wrote the row (%), not %',
                    session_user, coalesce(offender.recorded_by, 'nobody')
                USING ERRCODE = 'check_violation',
                      CONSTRAINT = 'assessment_results_recorded_by_is_login',
                      TABLE = 'assessment_results', COLUMN = 'recorded_by',
                      HINT = 'Leave recorded_by out: it defaults to the login.',
                      DETAIL = format('assessment_id=%s student_id=%s', offender.assessment_id, offender.student_id);
        ELSIF FOUND THEN
            RAISE EXCEPTION 'a new result starts at version 1 and the time of its insert, not version % at %',
                    offender.version, offender.recorded_at
                USING ERRCODE = 'check_violation',
                      CONSTRAINT = 'assessment_results_new_row_is_version_1_now',
                      TABLE = 'assessment_results',
                      DETAIL = format('assessment_id=%s student_id=%s', offender.assessment_id, offender.student_id);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION registrar_check_result_keys() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
DECLARE
    missing record;
BEGIN
    -- An update cannot move a result to another assessment or student (registrar_touch_result refuses it), so it
    -- needs only the batch checked.
    IF TG_OP = 'INSERT' THEN
        SELECT k.assessment_id INTO missing
          FROM (SELECT DISTINCT n.assessment_id FROM new_rows n) k
          LEFT JOIN LATERAL (SELECT a.id FROM assessments a WHERE a.id = k.assessment_id FOR KEY SHARE) a ON true
         WHERE a.id IS NULL
         LIMIT 1;
    END IF;
    IF TG_OP = 'INSERT' AND FOUND THEN
        RAISE EXCEPTION 'insert or update on table "assessment_results" violates foreign key constraint "%"',
                'assessment_results_assessment_id_fkey'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'assessment_results_assessment_id_fkey',
                  TABLE = 'assessment_results',
                  DETAIL = format('Key (assessment_id)=(%s) is not present in table "assessments".',
                                  missing.assessment_id);
    END IF;
    SELECT k.batch_id INTO missing
      FROM (SELECT DISTINCT n.batch_id FROM new_rows n WHERE n.batch_id IS NOT NULL) k
      LEFT JOIN LATERAL (SELECT b.id FROM saved_batches b WHERE b.id = k.batch_id FOR KEY SHARE) b ON true
     WHERE b.id IS NULL
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "assessment_results" violates foreign key constraint "%"',
                'assessment_results_batch_id_fkey'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'assessment_results_batch_id_fkey',
                  TABLE = 'assessment_results',
                  DETAIL = format('Key (batch_id)=(%s) is not present in table "saved_batches".', missing.batch_id);
    END IF;
    IF TG_OP = 'UPDATE' THEN
        RETURN NULL;
    END IF;
    -- Every new row's student exists and is in its assessment's cohort. The assessments were locked above; their
    -- cohorts are read once each, by key, into a materialized list the rows are then joined to. In READ
    -- COMMITTED students are only looked up, as in V53; above it they are locked as a foreign key would lock them.
    IF current_setting('transaction_isolation') = 'read committed' THEN
        WITH cohorts AS MATERIALIZED (
            SELECT d.assessment_id, a.cohort_id
              FROM (SELECT DISTINCT assessment_id FROM new_rows) d
             CROSS JOIN LATERAL (SELECT a.cohort_id FROM assessments a WHERE a.id = d.assessment_id OFFSET 0) a)
        SELECT n.assessment_id, n.student_id, c.cohort_id INTO missing
          FROM new_rows n
          JOIN cohorts c ON c.assessment_id = n.assessment_id
         WHERE NOT EXISTS (SELECT FROM students s WHERE s.id = n.student_id AND s.cohort_id = c.cohort_id)
         LIMIT 1;
    ELSE
        WITH cohorts AS MATERIALIZED (
            SELECT d.assessment_id, a.cohort_id
              FROM (SELECT DISTINCT assessment_id FROM new_rows) d
             CROSS JOIN LATERAL (SELECT a.cohort_id FROM assessments a WHERE a.id = d.assessment_id OFFSET 0) a)
        SELECT n.assessment_id, n.student_id, c.cohort_id INTO missing
          FROM new_rows n
          JOIN cohorts c ON c.assessment_id = n.assessment_id
          LEFT JOIN LATERAL (SELECT s.id, s.cohort_id FROM students s WHERE s.id = n.student_id FOR KEY SHARE) s ON true
         WHERE s.id IS NULL OR s.cohort_id IS DISTINCT FROM c.cohort_id
         LIMIT 1;
    END IF;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF NOT EXISTS (SELECT FROM students s WHERE s.id = missing.student_id) THEN
        RAISE EXCEPTION 'insert or update on table "assessment_results" violates foreign key constraint "%"',
                'assessment_results_student_id_fkey'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'assessment_results_student_id_fkey',
                  TABLE = 'assessment_results',
                  DETAIL = format('Key (student_id)=(%s) is not present in table "students".', missing.student_id);
    END IF;
    RAISE EXCEPTION 'student % is not in the cohort of assessment %', missing.student_id, missing.assessment_id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'assessment_results_student_in_assessment_cohort',
              TABLE = 'assessment_results', COLUMN = 'student_id',
              DETAIL = format('assessment_id=%s student_id=%s cohort_id=%s', missing.assessment_id,
                              missing.student_id, missing.cohort_id),
              HINT = 'A result is entered for a student of the assessment''s class.';
END
$$;

-- As in V50: functions belong to the owner role (CREATE OR REPLACE keeps the owner; this covers servers where an
-- earlier hand-over was left to the DBA).
DO $$
DECLARE
    object record;
BEGIN
    IF NOT ((SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
            OR pg_has_role(current_user, 'registrar_owner', 'MEMBER')) THEN
        RAISE NOTICE 'Not a member of registrar_owner: leaving ownership to the DBA';
        RETURN;
    END IF;
    FOR object IN
        SELECT format('ALTER FUNCTION %s OWNER TO registrar_owner', p.oid::regprocedure) AS statement
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = current_schema()
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
          AND pg_get_userbyid(p.proowner) <> 'registrar_owner'
    LOOP
        EXECUTE object.statement;
    END LOOP;
END
$$;
