-- Issue 13 item 6: a result is written only for a student in the assessment's cohort. Before, any login allowed to
-- write results could record a score for a student of another class (or of none).
--
-- The rule is about writing a result: a new result's student must be in the assessment's cohort at the moment it is
-- inserted. A student who later changes class keeps their results (they were right when written), and those results
-- can still be corrected: an update cannot move a result to another student or assessment (touch_result refuses it),
-- so it is not checked again. An assessment that has results cannot move to another class (its results would all
-- belong to students of another cohort); one without results can.
--
-- Checked where the student key already is (V53): once per statement, set-based, in the key-check trigger. Each
-- assessment the rows name is read once by its key; each new row's student is then one probe of students_pkey
-- (the same probe the existence check made, now also reading cohort_id). A composite foreign key
-- (student_id, cohort_id) would need cohort_id copied into every result and an index on students (id, cohort_id), and
-- would forbid the class change this rule allows.

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
    -- cohorts are read once each (OFFSET 0 keeps that a probe by key, not a join over all assessments). In READ
    -- COMMITTED students are only looked up, as in V53; above it they are locked as a foreign key would lock them.
    IF current_setting('transaction_isolation') = 'read committed' THEN
        SELECT n.assessment_id, n.student_id, c.cohort_id INTO missing
          FROM new_rows n
          JOIN (SELECT d.assessment_id, a.cohort_id
                  FROM (SELECT DISTINCT assessment_id FROM new_rows) d
                 CROSS JOIN LATERAL (SELECT a.cohort_id FROM assessments a WHERE a.id = d.assessment_id OFFSET 0) a) c
            ON c.assessment_id = n.assessment_id
         WHERE NOT EXISTS (SELECT FROM students s WHERE s.id = n.student_id AND s.cohort_id = c.cohort_id)
         LIMIT 1;
    ELSE
        SELECT n.assessment_id, n.student_id, c.cohort_id INTO missing
          FROM new_rows n
          JOIN (SELECT d.assessment_id, a.cohort_id
                  FROM (SELECT DISTINCT assessment_id FROM new_rows) d
                 CROSS JOIN LATERAL (SELECT a.cohort_id FROM assessments a WHERE a.id = d.assessment_id OFFSET 0) a) c
            ON c.assessment_id = n.assessment_id
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

-- An assessment with results keeps its class. A row trigger that runs only when cohort_id really changes: editing an
-- assessment's title or date costs nothing. SECURITY INVOKER: the writers of assessments (admins) read results.
CREATE FUNCTION registrar_refuse_cohort_change_with_results() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT FROM assessment_results r WHERE r.assessment_id = OLD.id) THEN
        RAISE EXCEPTION 'assessment % has results, so it stays with its class', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'assessment_results_student_in_assessment_cohort',
                  TABLE = 'assessments', COLUMN = 'cohort_id',
                  HINT = 'Create the assessment for the other class, or delete its results first.';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER a_cohort_stays_with_results BEFORE UPDATE OF cohort_id ON assessments
    FOR EACH ROW WHEN (NEW.cohort_id IS DISTINCT FROM OLD.cohort_id)
    EXECUTE FUNCTION registrar_refuse_cohort_change_with_results();

-- As in V50: the new function belongs to the owner role when the migrating user may hand it over.
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
