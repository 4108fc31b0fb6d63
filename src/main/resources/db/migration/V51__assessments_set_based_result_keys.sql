-- Bulk save speed (ADR 0021): a save writes thousands of results that all name ONE assessment and ONE ledger batch.
-- A foreign key checks every row on its own (one index probe and one row lock per row and key: about a third of a
-- 10,000-row save). The two keys whose rows share one value are checked once per statement instead, set-based, by
-- a statement-level trigger with a transition table, for every writer, taking the same FOR KEY SHARE row lock a
-- foreign key takes. The student key (10,000 different students) stays a foreign key: locking each student costs
-- the same either way.

ALTER TABLE assessment_results
    DROP CONSTRAINT assessment_results_assessment_id_fkey,
    DROP CONSTRAINT assessment_results_batch_id_fkey;

-- Referencing side: every assessment and ledger batch the new rows name exists, and stays until this transaction
-- ends (FOR KEY SHARE, as a foreign key: a concurrent delete waits, and a row deleted meanwhile is missing).
-- SECURITY DEFINER: row locks need UPDATE privilege, which staff do not have on these tables (a foreign key check
-- runs as the table owner too).
CREATE FUNCTION registrar_check_result_keys() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
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
    RETURN NULL;
END
$$;

-- "a_" so it runs with the score-bound check, before the history is written.
CREATE TRIGGER a_check_keys_on_insert AFTER INSERT ON assessment_results
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_check_result_keys();
CREATE TRIGGER a_check_keys_on_update AFTER UPDATE ON assessment_results
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_check_result_keys();

-- Referenced side. A foreign key re-checks a delete against rows committed after the deleting transaction's
-- snapshot (a "crosscheck" no trigger can make); under READ COMMITTED each statement of a trigger takes a fresh
-- snapshot after the row lock was waited for, which is the same. So these deletes must run in READ COMMITTED (the
-- default, and the app's), or a result saved concurrently could be missed.
CREATE FUNCTION registrar_require_read_committed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'delete from % only in a READ COMMITTED transaction', TG_TABLE_NAME
            USING ERRCODE = 'feature_not_supported',
                  HINT = 'Results name these rows; the check that keeps them consistent needs fresh snapshots.';
    END IF;
    RETURN NULL;
END
$$;

-- Deleting an assessment deletes its results (the former ON DELETE CASCADE; the history trigger records them).
CREATE FUNCTION registrar_delete_assessment_results() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    DELETE FROM assessment_results r USING old_rows o WHERE r.assessment_id = o.id;
    RETURN NULL;
END
$$;

-- A ledger row that results still name cannot be deleted. (The former ON DELETE SET NULL never worked: the
-- touch_result trigger keeps batch_id on an update that changes no score, so the key was left dangling.)
CREATE FUNCTION registrar_refuse_named_batch_delete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    named record;
BEGIN
    SELECT o.id INTO named FROM old_rows o
     WHERE EXISTS (SELECT FROM assessment_results r WHERE r.batch_id = o.id)
     LIMIT 1;
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

-- Ids that results name never change (a foreign key would refuse the change while a result names the row).
CREATE FUNCTION registrar_refuse_id_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id IS DISTINCT FROM OLD.id THEN
        RAISE EXCEPTION 'the id of a row in % cannot change', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
    END IF;
    RETURN NEW;
END
$$;

-- A foreign key refuses TRUNCATE of the table it references unless the referencing table goes too.
CREATE FUNCTION registrar_refuse_referenced_truncate() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT FROM assessment_results) THEN
        RAISE EXCEPTION 'cannot truncate %: assessment results name its rows', TG_TABLE_NAME
            USING ERRCODE = 'feature_not_supported', HINT = 'Truncate assessment_results first.';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER a_read_committed_delete BEFORE DELETE ON assessments
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_require_read_committed();
CREATE TRIGGER a_delete_results AFTER DELETE ON assessments
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_delete_assessment_results();
CREATE TRIGGER a_fixed_id BEFORE UPDATE OF id ON assessments
    FOR EACH ROW EXECUTE FUNCTION registrar_refuse_id_change();
CREATE TRIGGER a_referenced_truncate BEFORE TRUNCATE ON assessments
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_refuse_referenced_truncate();

CREATE TRIGGER a_read_committed_delete BEFORE DELETE ON saved_batches
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_require_read_committed();
CREATE TRIGGER a_refuse_named_delete AFTER DELETE ON saved_batches
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_refuse_named_batch_delete();
CREATE TRIGGER a_fixed_id BEFORE UPDATE OF id ON saved_batches
    FOR EACH ROW EXECUTE FUNCTION registrar_refuse_id_change();
CREATE TRIGGER a_referenced_truncate BEFORE TRUNCATE ON saved_batches
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_refuse_referenced_truncate();

-- As in V50: the new functions belong to the owner role when the migrating user may hand them over.
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
