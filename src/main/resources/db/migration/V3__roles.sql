-- Registrar schema, part 3: group roles and least-privilege grants. See docs/schema.md for why.
-- Roles are cluster-wide and every database on the server runs this script, so creation is
-- idempotent. Login roles are created by the DBA and made members, e.g.
--   CREATE ROLE alice LOGIN PASSWORD '...' IN ROLE registrar_staff;

DO $$
DECLARE
    group_role text;
BEGIN
    FOREACH group_role IN ARRAY ARRAY['registrar_admin', 'registrar_staff', 'registrar_support'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = group_role) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', group_role);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL; -- another database's migration created it concurrently
            END;
        END IF;
    END LOOP;
END
$$;

COMMENT ON ROLE registrar_admin IS 'Registrar: enters assessments and results, manages students, classes and mentors';
COMMENT ON ROLE registrar_staff IS 'Registrar: reads everything, edits student profiles and mentor assignments';
COMMENT ON ROLE registrar_support IS 'Registrar: watches connection health; no personal data';

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO registrar_admin, registrar_staff, registrar_support;

-- Every desktop checks the schema version at start, whatever its role.
GRANT SELECT ON ${flyway:defaultSchema}.${flyway:table} TO registrar_admin, registrar_staff, registrar_support;
GRANT SELECT ON change_stamps TO registrar_admin, registrar_staff, registrar_support;

-- Admin: the writer of record for classes, students, mentors, assessments and results.
GRANT SELECT ON cohorts, students, mentors, mentor_assignments, assessments, assessment_results,
                result_history, saved_batches TO registrar_admin;
GRANT INSERT, UPDATE, DELETE ON cohorts, students, mentors, mentor_assignments, assessments,
                assessment_results TO registrar_admin;
-- The batch ledger is append-only: a saved batch is a fact, not something to edit.
GRANT INSERT ON saved_batches TO registrar_admin;

-- Staff: read everything; edit profile fields (not the student number, class or row stamps) and
-- mentor assignments.
GRANT SELECT ON cohorts, students, mentors, mentor_assignments, assessments, assessment_results,
                result_history, saved_batches TO registrar_staff;
GRANT UPDATE (family_name, given_name, email, status) ON students TO registrar_staff;
GRANT INSERT, UPDATE, DELETE ON mentor_assignments TO registrar_staff;
GRANT INSERT ON saved_batches TO registrar_staff;

-- Support: server activity only. Seeing other sessions' state, wait events and queries in
-- pg_stat_activity needs pg_read_all_stats; only a role holding ADMIN on it may grant that, so a
-- non-superuser migrating leaves it to the DBA (docs/schema.md) instead of failing.
DO $$
BEGIN
    IF pg_has_role(current_user, 'pg_read_all_stats', 'USAGE WITH ADMIN OPTION')
            OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        GRANT pg_read_all_stats TO registrar_support;
    ELSE
        RAISE NOTICE 'Not allowed to grant pg_read_all_stats; ask the DBA: GRANT pg_read_all_stats TO registrar_support';
    END IF;
END
$$;

-- History and stamps are written only by SECURITY DEFINER triggers; nobody calls those directly.
REVOKE EXECUTE ON FUNCTION registrar_record_result_inserts(), registrar_record_result_updates(),
    registrar_record_result_deletes(), registrar_bump_change_stamp() FROM PUBLIC;
