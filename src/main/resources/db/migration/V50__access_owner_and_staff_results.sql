-- Access, part 2 (issue 7): the tables belong to a NOLOGIN owner role, staff enter assessment results,
-- support gets pg_monitor. Roles are cluster-wide: created idempotently, as in V3.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'registrar_owner') THEN
        BEGIN
            CREATE ROLE registrar_owner NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
END
$$;

COMMENT ON ROLE registrar_owner IS 'Registrar: owns the schema objects; nobody logs in as it';

-- The app's group roles never bypass row-level security (the default, stated so nobody has to wonder).
ALTER ROLE registrar_admin NOBYPASSRLS;
ALTER ROLE registrar_staff NOBYPASSRLS;
ALTER ROLE registrar_support NOBYPASSRLS;

-- Hand every table, sequence and function of the schema to the owner role, when the migrating user may.
-- A non-superuser migrating must be a member of registrar_owner; otherwise the DBA does it (docs/schema.md).
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
        SELECT format('ALTER TABLE %I.%I OWNER TO registrar_owner', n.nspname, c.relname) AS statement
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm')
          AND c.relname <> '${flyway:table}'
        UNION ALL
        SELECT format('ALTER FUNCTION %s OWNER TO registrar_owner', p.oid::regprocedure)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = current_schema()
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    LOOP
        EXECUTE object.statement;
    END LOOP;
END
$$;

-- Staff enter assessment results (the bulk-entry screen) and write the batch ledger; they still cannot
-- create or change assessments, classes or student numbers.
GRANT INSERT, UPDATE ON assessment_results TO registrar_staff;

-- Support: the health panel only. pg_monitor (read all stats and settings) where the migrating user may grant it.
DO $$
BEGIN
    IF pg_has_role(current_user, 'pg_monitor', 'USAGE WITH ADMIN OPTION')
            OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        GRANT pg_monitor TO registrar_support;
    ELSE
        RAISE NOTICE 'Not allowed to grant pg_monitor; ask the DBA: GRANT pg_monitor TO registrar_support';
    END IF;
END
$$;
