-- Issue 13 item 5: who did something is the login (session_user), never a column the client writes or a setting it
-- sets. Before, `UPDATE assessment_results SET recorded_by = 'adam'` made the history say adam changed the score,
-- `INSERT INTO saved_batches (..., saved_by) VALUES (..., 'adam')` was accepted, and a delete after
-- set_config('registrar.user', 'alice', true) was recorded as alice's.
--
-- session_user is the role that logged in: SET ROLE does not change it, and inside a SECURITY DEFINER function it
-- stays the caller (current_user is the function's owner there). Only a superuser's SET SESSION AUTHORIZATION moves it.
--
-- The rule, for every "who" column:
--   insert: the column defaults to the login; a row naming anyone else is refused (check_violation, constraint
--           <table>_<column>_is_login), so a forging client hears it rather than having it silently rewritten;
--   update: a change of content is stamped with the login by the row trigger that already keeps versions
--           (touch_result, touch_mentor_assignment); a row whose content does not change keeps its old "who";
--           an assessment's creator never changes;
--   history: changed_by is the login of the statement that changed or deleted the row.
-- The checks cost nothing on the save's path: the app writes registrar_session_user(), which is session_user, so the
-- WHEN conditions below are false and no trigger function runs; results are checked in the statement-level score
-- check that already reads every new row once.

-- The app's SQL calls this; it no longer reads the registrar.user setting (anyone can set that).
CREATE OR REPLACE FUNCTION registrar_session_user() RETURNS text
    LANGUAGE sql STABLE
RETURN session_user::text;

COMMENT ON FUNCTION registrar_session_user() IS
    'The login of this session (session_user): who did what. Never taken from a setting the client can change.';

ALTER TABLE assessment_results ALTER COLUMN recorded_by SET DEFAULT session_user;
ALTER TABLE saved_batches ALTER COLUMN saved_by SET DEFAULT session_user;
ALTER TABLE mentor_assignments ALTER COLUMN assigned_by SET DEFAULT session_user;
ALTER TABLE assessments ALTER COLUMN created_by SET DEFAULT session_user;

-- A row naming someone other than the login: refused. TG_ARGV[0] is the column.
CREATE FUNCTION registrar_refuse_other_login() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION '%.% names who created the row; it does not change', TG_TABLE_NAME, TG_ARGV[0]
            USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_' || TG_ARGV[0] || '_is_login',
                  TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[0];
    END IF;
    RAISE EXCEPTION '%.% is the login that wrote the row (%), not %', TG_TABLE_NAME, TG_ARGV[0], session_user,
            coalesce(to_jsonb(NEW) ->> TG_ARGV[0], 'nobody')
        USING ERRCODE = 'check_violation',
              CONSTRAINT = TG_TABLE_NAME || '_' || TG_ARGV[0] || '_is_login',
              TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[0],
              HINT = format('Leave %s out: it defaults to the login.', TG_ARGV[0]);
END
$$;

CREATE TRIGGER a_saved_by_is_login BEFORE INSERT ON saved_batches
    FOR EACH ROW WHEN (NEW.saved_by IS DISTINCT FROM session_user::text)
    EXECUTE FUNCTION registrar_refuse_other_login('saved_by');
CREATE TRIGGER a_assigned_by_is_login BEFORE INSERT ON mentor_assignments
    FOR EACH ROW WHEN (NEW.assigned_by IS DISTINCT FROM session_user::text)
    EXECUTE FUNCTION registrar_refuse_other_login('assigned_by');
CREATE TRIGGER a_created_by_is_login BEFORE INSERT ON assessments
    FOR EACH ROW WHEN (NEW.created_by IS DISTINCT FROM session_user::text)
    EXECUTE FUNCTION registrar_refuse_other_login('created_by');
CREATE TRIGGER a_created_by_stays BEFORE UPDATE OF created_by ON assessments
    FOR EACH ROW WHEN (NEW.created_by IS DISTINCT FROM OLD.created_by)
    EXECUTE FUNCTION registrar_refuse_other_login('created_by');

-- assessment_results: no row trigger on insert (it would cost every row of a save, and COPY its batching); the
-- statement-level score check, which reads every new row once anyway, refuses another recorder in the same pass.
CREATE OR REPLACE FUNCTION registrar_check_result_scores() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp SET enable_nestloop = on AS $$
DECLARE
    offender record;
BEGIN
    -- Each assessment the rows name, looked up once by its key (V60).
    SELECT n.assessment_id, n.student_id, n.score, m.max_score, count(*) OVER () AS offenders
      INTO offender
      FROM new_rows n
      JOIN (SELECT d.assessment_id, a.max_score
              FROM (SELECT DISTINCT assessment_id FROM new_rows) d
             CROSS JOIN LATERAL (SELECT a.max_score FROM assessments a WHERE a.id = d.assessment_id OFFSET 0) a) m
        ON m.assessment_id = n.assessment_id
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

-- A changed result is recorded by the login; an unchanged one keeps its recorder (V2's rule for versions and stamps).
CREATE OR REPLACE FUNCTION registrar_touch_result() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    IF (NEW.assessment_id, NEW.student_id) IS DISTINCT FROM (OLD.assessment_id, OLD.student_id) THEN
        RAISE EXCEPTION 'a result cannot move to another assessment or student'
            USING ERRCODE = 'integrity_constraint_violation', TABLE = 'assessment_results';
    END IF;
    IF (NEW.score, NEW.excused, NEW.comment) IS NOT DISTINCT FROM (OLD.score, OLD.excused, OLD.comment) THEN
        NEW.version := OLD.version;
        NEW.recorded_by := OLD.recorded_by;
        NEW.recorded_at := OLD.recorded_at;
        NEW.batch_id := OLD.batch_id;
    ELSE
        NEW.version := OLD.version + 1;
        NEW.recorded_by := session_user;
        NEW.recorded_at := now();
    END IF;
    RETURN NEW;
END
$$;

-- As V56, and the row trigger also runs for a row whose writer named someone other than the login.
DROP TRIGGER touch_result ON assessment_results;
CREATE TRIGGER touch_result BEFORE UPDATE ON assessment_results
    FOR EACH ROW
    WHEN ((NEW.assessment_id, NEW.student_id) IS DISTINCT FROM (OLD.assessment_id, OLD.student_id)
          OR (NEW.score, NEW.excused, NEW.comment) IS NOT DISTINCT FROM (OLD.score, OLD.excused, OLD.comment)
          OR NEW.version IS DISTINCT FROM OLD.version + 1
          OR NEW.recorded_at IS DISTINCT FROM now()
          OR NEW.recorded_by IS DISTINCT FROM session_user::text)
    EXECUTE FUNCTION registrar_touch_result();

CREATE OR REPLACE FUNCTION registrar_touch_mentor_assignment() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    IF NEW.mentor_id IS NOT DISTINCT FROM OLD.mentor_id THEN
        NEW.assigned_by := OLD.assigned_by;
        NEW.assigned_at := OLD.assigned_at;
    ELSE
        NEW.assigned_by := session_user;
        NEW.assigned_at := now();
    END IF;
    RETURN NEW;
END
$$;

-- History: the update event is the login's (the version-1 insert event it moves keeps the row's own recorder, checked
-- when that row was inserted).
CREATE OR REPLACE FUNCTION registrar_record_result_updates() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = off AS $$
BEGIN
    INSERT INTO result_history (assessment_id, student_id, operation, old_score, new_score, old_excused,
                                new_excused, old_comment, new_comment, changed_by, changed_at, batch_id)
    SELECT e.assessment_id, e.student_id, e.operation, e.old_score, e.new_score, e.old_excused, e.new_excused,
           e.old_comment, e.new_comment, e.changed_by, e.changed_at, e.batch_id
      FROM new_rows n
      JOIN old_rows o ON o.assessment_id = n.assessment_id AND o.student_id = n.student_id
     CROSS JOIN LATERAL (
           SELECT 1 AS step, o.assessment_id, o.student_id, 'insert' AS operation, NULL::numeric AS old_score,
                  o.score AS new_score, NULL::boolean AS old_excused, o.excused AS new_excused,
                  NULL::text AS old_comment, o.comment AS new_comment, o.recorded_by AS changed_by,
                  o.recorded_at AS changed_at, o.batch_id
            WHERE o.version = 1
           UNION ALL
           SELECT 2, n.assessment_id, n.student_id, 'update', o.score, n.score, o.excused, n.excused,
                  o.comment, n.comment, session_user::text, now(), n.batch_id) e
     WHERE (o.score, o.excused, o.comment) IS DISTINCT FROM (n.score, n.excused, n.comment)
     ORDER BY e.step;
    RETURN NULL;
END
$$;

-- The delete event is the login's; registrar.batch_id may still name the batch (an id, not a person).
CREATE OR REPLACE FUNCTION registrar_record_result_deletes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    INSERT INTO result_history (assessment_id, student_id, operation, new_score, new_excused, new_comment,
                                changed_by, changed_at, batch_id)
    SELECT o.assessment_id, o.student_id, 'insert', o.score, o.excused, o.comment, o.recorded_by, o.recorded_at,
           o.batch_id
      FROM old_rows o
     WHERE o.version = 1;
    INSERT INTO result_history (assessment_id, student_id, operation, old_score, old_excused, old_comment,
                                changed_by, batch_id)
    SELECT o.assessment_id, o.student_id, 'delete', o.score, o.excused, o.comment,
           session_user::text, registrar_session_batch()
      FROM old_rows o;
    RETURN NULL;
END
$$;

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
