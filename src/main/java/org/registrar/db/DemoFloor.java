package org.registrar.db;

import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The yardstick for {@link DemoData#load}: what loading the same school costs on the same server when nothing but
 * the rows and their indexes is built. In one transaction with the load's own session settings: plain copies of the
 * six school tables in a scratch schema (same columns, defaults, generated {@code search_key}, identity and storage
 * parameters; no keys, checks, foreign keys or triggers), filled by the very {@code INSERT ... SELECT} statements
 * the load runs (same generated rows), then every index the real tables have (primary keys and unique ones
 * included, as plain unique indexes) built on them, then {@code ANALYZE}. Not done: foreign keys and their
 * validation, checks, triggers, the maintained mentor counts, identity restarts. The scratch schema is dropped
 * afterwards, outside the time. For {@code registrar bench --scenario demo}; needs a migrated database and the
 * tables' owner. Thread-safe (stateless); blocking.
 */
public final class DemoFloor {
    static final String SCHEMA = "demo_floor";

    private DemoFloor() {}

    /** Loads {@code students} students' worth of the demo's rows into the floor's tables; returns the time taken. */
    public static Duration load(Jdbi jdbi, int students) {
        int cohorts = DemoData.cohortsFor(students);
        int mentors = DemoData.mentorsFor(students);
        long started = System.nanoTime();
        jdbi.useTransaction(handle -> {
            DemoData.sessionSettings(handle);
            handle.execute(CREATE_TABLES_SQL);
            handle.execute("SET LOCAL search_path = " + SCHEMA + ", " + home(handle));
            DemoData.generateRows(handle, students, cohorts, mentors);
            handle.execute("RESET search_path");
            handle.execute(BUILD_INDEXES_SQL);
            handle.execute("ANALYZE " + SCHEMA + ".cohorts, " + SCHEMA + ".students, " + SCHEMA + ".mentors, " + SCHEMA
                    + ".mentor_assignments, " + SCHEMA + ".assessments, " + SCHEMA + ".assessment_results");
        });
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        jdbi.useHandle(handle -> handle.execute("DROP SCHEMA " + SCHEMA + " CASCADE"));
        return took;
    }

    /** The schema the school's tables live in (Flyway's default schema). */
    private static String home(Handle handle) {
        return handle.createQuery("SELECT quote_ident(relnamespace::regnamespace::text) FROM pg_class"
                        + " WHERE oid = 'students'::regclass")
                .mapTo(String.class)
                .one();
    }

    private static final String CREATE_TABLES_SQL = """
            DO $$
            DECLARE
                school regclass;
                options text;
            BEGIN
                CREATE SCHEMA demo_floor;
                FOREACH school IN ARRAY ARRAY['cohorts', 'mentors', 'students', 'mentor_assignments', 'assessments',
                                              'assessment_results']::regclass[] LOOP
                    SELECT array_to_string(reloptions, ', ') INTO options FROM pg_class WHERE oid = school;
                    EXECUTE format('CREATE TABLE demo_floor.%I (LIKE %s INCLUDING DEFAULTS INCLUDING GENERATED'
                                   ' INCLUDING IDENTITY)%s',
                                   (SELECT relname FROM pg_class WHERE oid = school), school,
                                   CASE WHEN options IS NULL THEN '' ELSE ' WITH (' || options || ')' END);
                END LOOP;
            END
            $$""";

    /** Every index of the real tables, named by PostgreSQL, on the floor's copy (definitions from the catalog). */
    private static final String BUILD_INDEXES_SQL = """
            DO $$
            DECLARE
                definition text;
            BEGIN
                FOR definition IN
                    SELECT regexp_replace(pg_get_indexdef(i.indexrelid), ' INDEX \\S+ ON (ONLY )?\\S+ USING ',
                                          format(' INDEX ON %s demo_floor.%I USING ', '', c.relname))
                      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
                     WHERE i.indrelid = ANY (ARRAY['cohorts', 'mentors', 'students', 'mentor_assignments',
                                                   'assessments', 'assessment_results']::regclass[])
                     ORDER BY i.indexrelid
                LOOP
                    EXECUTE definition;
                END LOOP;
            END
            $$""";
}
