-- Test only (MigrationUpgradeTest, MigrationBaselineTest): stands for the V files that come after the baseline, so
-- the tests show both kinds of database take them. A table, a function and a grant: the kinds of change they make.
CREATE TABLE later_migration_probe (
    id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    note text NOT NULL DEFAULT session_user
);

CREATE FUNCTION later_migration_probe_count() RETURNS bigint
    LANGUAGE sql STABLE SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    AS 'SELECT count(*) FROM later_migration_probe';

GRANT SELECT ON later_migration_probe TO registrar_staff;
