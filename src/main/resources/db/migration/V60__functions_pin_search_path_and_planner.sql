-- Issue 13 item 4, issue 16: every trigger function runs with its own search_path and its own join settings, never the
-- caller's. A trigger runs in the session of whoever wrote the row: without a pinned search_path an unqualified table
-- name resolves through that session's path, where pg_temp comes first, so a login's
-- CREATE TEMP TABLE assessments (id bigint, max_score numeric) became the table the score check read (a score of 9999
-- was stored against a maximum of 25). With pg_catalog, the schema, then pg_temp last, the schema's tables win.
--
-- Functions with a SQL-standard body (RETURN ...: registrar_fold, registrar_fold_portable, registrar_session_user,
-- registrar_session_batch) resolve every name when they are created and are left alone: a SET clause would also stop
-- PostgreSQL from inlining them (registrar_fold feeds a generated column and two indexes).

ALTER FUNCTION registrar_check_result_scores() SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp;
ALTER FUNCTION registrar_check_max_scores() SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp;
ALTER FUNCTION registrar_record_result_updates() SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp;
ALTER FUNCTION registrar_record_result_deletes() SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp;
ALTER FUNCTION registrar_touch_result() SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp;
ALTER FUNCTION registrar_touch_student() SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp;
ALTER FUNCTION registrar_touch_mentor() SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp;
ALTER FUNCTION registrar_touch_mentor_assignment() SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp;
ALTER FUNCTION registrar_bump_change_stamp() SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp;
ALTER FUNCTION registrar_check_result_keys() SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp;
ALTER FUNCTION registrar_require_read_committed() SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp;
ALTER FUNCTION registrar_delete_assessment_results() SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp;
ALTER FUNCTION registrar_refuse_named_batch_delete() SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp;
ALTER FUNCTION registrar_refuse_id_change() SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp;
ALTER FUNCTION registrar_refuse_referenced_truncate() SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp;
ALTER FUNCTION registrar_lock_results_for_student_delete() SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp;
ALTER FUNCTION registrar_refuse_student_with_results_delete()
    SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp;

-- Join settings (issue 16). The save turns enable_nestloop off for its own transaction (SaveSql.PLANNER: its array
-- input has no statistics) and every trigger it fires used to inherit that: the score check planned a hash join over
-- a sequential scan of every assessment (25 ms at a million students, 0.17 ms by index). PL/pgSQL keeps a plan for
-- the connection's life, so the first caller's settings decided it for every later save. Each function that joins now
-- that joins by index fixes the setting its queries need, whatever the caller set (the others join nothing, or
-- one pass over a table whatever the setting):
--   on:  look-ups of a few rows by index (the keys, the score bound, the results of a deleted assessment);
--   off: registrar_record_result_updates joins the statement's old and new rows, two transition tables without
--        indexes, where a nested loop over a plan cached from a one-row save would compare every pair of a large one.
-- The score check also reads each assessment's maximum once per statement through a LATERAL look-up (below), so
-- its cost follows the rows written, not the number of assessments, whatever plan is kept.
ALTER FUNCTION registrar_check_max_scores() SET enable_nestloop = on;
ALTER FUNCTION registrar_record_result_updates() SET enable_nestloop = off;
ALTER FUNCTION registrar_delete_assessment_results() SET enable_nestloop = on;

CREATE OR REPLACE FUNCTION registrar_check_result_scores() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp SET enable_nestloop = on AS $$
DECLARE
    offender record;
BEGIN
    -- Each assessment the rows name, looked up once by its key (OFFSET 0 keeps the look-up a per-assessment index
    -- probe rather than a join the planner could turn into a scan of all assessments).
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
        SELECT n.assessment_id, n.student_id, n.recorded_at, n.version INTO offender
          FROM new_rows n WHERE n.recorded_at IS DISTINCT FROM now() OR n.version <> 1 LIMIT 1;
        IF FOUND THEN
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

-- Temporary tables stay allowed: the demo loader uses one (DemoData), and with every function pinned a temporary
-- table shadows nothing but the creating session's own ad-hoc queries. (The database-wide TEMPORARY privilege is the
-- DBA's to revoke; docs/schema.md.)

-- As in V50: functions belong to the owner role when the migrating user may hand them over (CREATE OR REPLACE keeps
-- the owner; this is for servers where an earlier hand-over was left to the DBA).
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
