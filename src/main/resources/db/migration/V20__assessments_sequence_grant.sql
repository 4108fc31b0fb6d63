-- Bulk entry creates a new assessment and ledgers its first save in ONE statement: the ledger row must name the
-- assessment before it exists, so the statement draws the assessment's id from its identity sequence first
-- (nextval) and inserts it with OVERRIDING SYSTEM VALUE. Admins, the writers of assessments, need USAGE for that.
DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SEQUENCE %s TO registrar_admin',
                   pg_get_serial_sequence('${flyway:defaultSchema}.assessments', 'id'));
END
$$;
