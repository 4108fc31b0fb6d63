-- Bulk save speed, part 2 (ADR 0022). A 10,000-result save spent ~40 ms in the student foreign key (one trigger event,
-- one index probe and one FOR KEY SHARE row lock — a WAL record — per row) and ~40 ms in two indexes on batch_id
-- whose 10,000 entries all share one value. The student key becomes a set-based check without row locks; the
-- delete side waits for saves in flight instead. Neither batch_id index served a query the app makes.

ALTER TABLE assessment_results DROP CONSTRAINT assessment_results_student_id_fkey;
DROP INDEX assessment_results_batch_id_idx;
DROP INDEX result_history_batch_id_idx;

-- Referencing side: every assessment, ledger batch and student the new rows name exists. Assessments and batches are
-- a handful of rows per statement: locked FOR KEY SHARE as in V51. Students are thousands: in READ COMMITTED
-- (the app's level) they are only looked up — this query's fresh snapshot sees every delete committed before it, and
-- a delete not yet committed waits for this transaction (registrar_lock_results_for_student_delete) and then sees
-- these rows. Above READ COMMITTED the snapshot may be older than a committed delete, so there the students are
-- locked as a foreign key would lock them (a concurrent delete then fails this transaction with a serialization
-- error instead of leaving a result without its student).
CREATE OR REPLACE FUNCTION registrar_check_result_keys() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
DECLARE
    missing record;
BEGIN
    SELECT k.assessment_id INTO missing
      FROM (SELECT DISTINCT n.assessment_id FROM new_rows n) k
      LEFT JOIN LATERAL (SELECT a.id FROM assessments a WHERE a.id = k.assessment_id FOR KEY SHARE) a ON true
     WHERE a.id IS NULL
     LIMIT 1;
    IF FOUND THEN
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
        RETURN NULL; -- registrar_touch_result refuses to move a result to another student
    END IF;
    IF current_setting('transaction_isolation') = 'read committed' THEN
        SELECT n.student_id INTO missing
          FROM new_rows n
         WHERE NOT EXISTS (SELECT FROM students s WHERE s.id = n.student_id)
         LIMIT 1;
    ELSE
        SELECT k.student_id INTO missing
          FROM (SELECT DISTINCT n.student_id FROM new_rows n) k
          LEFT JOIN LATERAL (SELECT s.id FROM students s WHERE s.id = k.student_id FOR KEY SHARE) s ON true
         WHERE s.id IS NULL
         LIMIT 1;
    END IF;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "assessment_results" violates foreign key constraint "%"',
                'assessment_results_student_id_fkey'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'assessment_results_student_id_fkey',
                  TABLE = 'assessment_results',
                  DETAIL = format('Key (student_id)=(%s) is not present in table "students".', missing.student_id);
    END IF;
    RETURN NULL;
END
$$;

-- Referenced side. Deleting students first waits for every save in flight (SHARE conflicts with the ROW EXCLUSIVE
-- lock a writer of assessment_results holds until it ends) and keeps new saves out until the delete ends; student
-- deletes are rare, saves are not. SECURITY DEFINER: SHARE mode needs more than staff and admins are granted.
CREATE FUNCTION registrar_lock_results_for_student_delete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'delete from % only in a READ COMMITTED transaction', TG_TABLE_NAME
            USING ERRCODE = 'feature_not_supported',
                  HINT = 'Results name these rows; the check that keeps them consistent needs fresh snapshots.';
    END IF;
    LOCK TABLE assessment_results IN SHARE MODE;
    RETURN NULL;
END
$$;

-- Then, with a fresh snapshot that sees every save committed meanwhile, a student with results is not deleted (as the
-- foreign key's NO ACTION did; results are removed with their assessment, never with a student).
CREATE FUNCTION registrar_refuse_student_with_results_delete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
DECLARE
    named record;
BEGIN
    SELECT o.id INTO named FROM old_rows o
     WHERE EXISTS (SELECT FROM assessment_results r WHERE r.student_id = o.id)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'update or delete on table "students" violates foreign key constraint "%" on table "%"',
                'assessment_results_student_id_fkey', 'assessment_results'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'assessment_results_student_id_fkey',
                  TABLE = 'students',
                  DETAIL = format('Key (id)=(%s) is still referenced from table "assessment_results".', named.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER a_lock_results_on_delete BEFORE DELETE ON students
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_lock_results_for_student_delete();
CREATE TRIGGER a_refuse_with_results_delete AFTER DELETE ON students
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_refuse_student_with_results_delete();
CREATE TRIGGER a_fixed_id BEFORE UPDATE OF id ON students
    FOR EACH ROW EXECUTE FUNCTION registrar_refuse_id_change();
CREATE TRIGGER a_referenced_truncate BEFORE TRUNCATE ON students
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_refuse_referenced_truncate();

-- A ledger row that results still name cannot be deleted (V51); without the batch_id index the rows deleted are
-- matched in one pass over the results (ledger rows are not deleted by the app; a retention job deletes in bulk).
CREATE OR REPLACE FUNCTION registrar_refuse_named_batch_delete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    named record;
BEGIN
    SELECT o.id INTO named FROM old_rows o JOIN assessment_results r ON r.batch_id = o.id LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'update or delete on table "saved_batches" violates foreign key constraint "%"',
                'assessment_results_batch_id_fkey'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'assessment_results_batch_id_fkey',
                  TABLE = 'saved_batches',
                  DETAIL = format('Key (id)=(%s) is still referenced from table "assessment_results".', named.id);
    END IF;
    RETURN NULL;
END
$$;

-- As in V50 and V51: the new functions belong to the owner role when the migrating user may hand them over.
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
