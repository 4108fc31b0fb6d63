-- Issue 16: saving new results cost the size of the class times the rows saved. In READ COMMITTED the cohort rule
-- (V62, V64) asked NOT EXISTS (a student with this id AND this cohort). students_cohort_search_key_id_idx holds both
-- columns (cohort_id, search_key, id); once autovacuum has marked the students all-visible, an index-only scan of it
-- is estimated cheaper than students_pkey plus a heap fetch (the average class: 31 students at a million). But id
-- is its third column, so each probe read every entry of the class to find one id: a 100-row save into a class of
-- 100,000 (the bench's) read 57,000 index pages, 204 ms, and PL/pgSQL kept the plan for the connection's life.
-- Now the probe names only the key, in a subquery the planner does not fold into the join (OFFSET 0), and the
-- cohort is compared outside it: one students_pkey probe per new row whatever the size of the class. Same rule,
-- same errors; only the plan changes.

CREATE OR REPLACE FUNCTION registrar_check_result_keys() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
DECLARE
    missing record;
BEGIN
    -- An update cannot move a result to another assessment or student (registrar_touch_result refuses it), so it
    -- needs only the batch checked. A new result's assessment is locked FOR SHARE (V64; was FOR KEY SHARE): see above.
    IF TG_OP = 'INSERT' THEN
        SELECT k.assessment_id INTO missing
          FROM (SELECT DISTINCT n.assessment_id FROM new_rows n) k
          LEFT JOIN LATERAL (SELECT a.id FROM assessments a WHERE a.id = k.assessment_id FOR SHARE) a ON true
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
    -- Every new row's student exists and is in its assessment's cohort. The assessments were locked above (FOR SHARE:
    -- a class change of one of them waits for this transaction, or this statement for it); their
    -- cohorts are read once each, by key, into a materialized list the rows are then joined to. Each row's student
    -- is then one probe of students_pkey, whose cohort is compared outside the probe (V67: never a range of a class).
    -- In READ COMMITTED students are only looked up, as in V53; above it they are locked as a foreign key would lock
    -- them. A student who does not exist reads as a NULL cohort, so it is found here and reported below.
    IF current_setting('transaction_isolation') = 'read committed' THEN
        WITH cohorts AS MATERIALIZED (
            SELECT d.assessment_id, a.cohort_id
              FROM (SELECT DISTINCT assessment_id FROM new_rows) d
             CROSS JOIN LATERAL (SELECT a.cohort_id FROM assessments a WHERE a.id = d.assessment_id OFFSET 0) a)
        SELECT n.assessment_id, n.student_id, c.cohort_id INTO missing
          FROM new_rows n
          JOIN cohorts c ON c.assessment_id = n.assessment_id
          LEFT JOIN LATERAL (SELECT s.cohort_id FROM students s WHERE s.id = n.student_id OFFSET 0) s ON true
         WHERE s.cohort_id IS DISTINCT FROM c.cohort_id
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
