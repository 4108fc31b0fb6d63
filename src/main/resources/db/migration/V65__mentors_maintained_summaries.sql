-- Issue 16 (ADR 0040): the mentors list and the count of students without a mentor read maintained rows instead of
-- every student. Before, the list was one aggregate over all assignments, students and cohorts (2.5-3.8 s at a
-- million students, sorts spilling to disk) and the count an anti-join of all students with all assignments.
--
-- mentor_summaries: per mentor, the number of students, the cohorts they are in (names, sorted as the list shows them)
-- and the newest assignment. A write to mentor_assignments, a student's move to another class or a class's new name
-- recounts the summaries of exactly the mentors it touches, from their own assignments (an index range per mentor):
-- the cost of a write follows the rosters it changes, never the school. Recounting rather than adding deltas keeps
-- the cohort lists exact. Two transactions changing one mentor's students at once: each locks the mentor's summary
-- row before it recounts, and in READ COMMITTED the recount, a statement of its own, then sees what the other committed.
--
-- row_counts: the rows of students and of mentor_assignments, moved by each writing statement by the number of rows it
-- inserted or deleted (an UPDATE ... SET row_count = row_count + n, which waits for and adds to a concurrent one).
-- Every assignment names an existing student (foreign key, ON DELETE CASCADE), so the students without a mentor are
-- the difference of the two rows.
--
-- Both tables are written only by these SECURITY DEFINER triggers; the app's roles read them.

CREATE TABLE mentor_summaries (
    mentor_id        bigint PRIMARY KEY,  -- no foreign key: a deleted mentor's row is never read (lists join mentors)
    students         integer NOT NULL DEFAULT 0,
    cohort_names     text[] NOT NULL DEFAULT '{}',
    last_assigned_at timestamptz
);

CREATE TABLE row_counts (
    table_name text PRIMARY KEY,
    row_count  bigint NOT NULL
);

-- Recounts the summaries of these mentors from their assignments, after locking their rows in id order (so two
-- writers never wait for each other in opposite orders). Each mentor: one range of mentor_assignments_mentor_id_idx,
-- a students_pkey probe per student and a cohorts_pkey probe per student with a class.
CREATE FUNCTION registrar_recount_mentors(mentor_ids bigint[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
BEGIN
    INSERT INTO mentor_summaries (mentor_id)
    SELECT DISTINCT id FROM unnest(mentor_ids) AS id WHERE id IS NOT NULL
     ORDER BY id
    ON CONFLICT (mentor_id) DO NOTHING;
    PERFORM FROM mentor_summaries WHERE mentor_id = ANY (mentor_ids) ORDER BY mentor_id FOR UPDATE;
    UPDATE mentor_summaries x
       SET students = c.students, cohort_names = c.cohort_names, last_assigned_at = c.last_assigned_at
      FROM (SELECT m.id, count(a.student_id)::int AS students, max(a.assigned_at) AS last_assigned_at,
                   coalesce(array_agg(DISTINCT k.name COLLATE "C" ORDER BY k.name COLLATE "C")
                                FILTER (WHERE k.name IS NOT NULL), '{}') AS cohort_names
              FROM (SELECT DISTINCT id FROM unnest(mentor_ids) AS id) m
              LEFT JOIN mentor_assignments a ON a.mentor_id = m.id
              LEFT JOIN students s ON s.id = a.student_id
              LEFT JOIN cohorts k ON k.id = s.cohort_id
             GROUP BY m.id) c
     WHERE x.mentor_id = c.id
       AND (x.students, x.cohort_names, x.last_assigned_at)
           IS DISTINCT FROM (c.students, c.cohort_names, c.last_assigned_at);
END
$$;

-- Every summary and both counts from scratch, set-based: after a bulk load (DemoData switches the triggers off for
-- its inserts) and in tests, to compare with what the triggers maintained.
CREATE FUNCTION registrar_recount_all_mentors() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    LOCK TABLE mentor_summaries, row_counts IN EXCLUSIVE MODE;
    DELETE FROM mentor_summaries;
    INSERT INTO mentor_summaries (mentor_id, students, last_assigned_at, cohort_names)
    SELECT m.id, count(a.student_id)::int, max(a.assigned_at),
           coalesce(array_agg(DISTINCT k.name COLLATE "C" ORDER BY k.name COLLATE "C")
                        FILTER (WHERE k.name IS NOT NULL), '{}')
      FROM mentors m
      LEFT JOIN mentor_assignments a ON a.mentor_id = m.id
      LEFT JOIN students s ON s.id = a.student_id
      LEFT JOIN cohorts k ON k.id = s.cohort_id
     GROUP BY m.id;
    DELETE FROM row_counts;
    INSERT INTO row_counts (table_name, row_count)
    VALUES ('students', (SELECT count(*) FROM students)),
           ('mentor_assignments', (SELECT count(*) FROM mentor_assignments));
END
$$;

-- mentor_assignments: the mentors on either side of the statement's rows are recounted; the count moves by the rows
-- inserted or deleted. Statement-level, so a bulk assignment of any size recounts each mentor it touches once.
CREATE FUNCTION registrar_maintain_mentor_summaries() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
DECLARE
    touched bigint[];
    delta bigint := 0;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE mentor_summaries SET students = 0, cohort_names = '{}', last_assigned_at = NULL;
        UPDATE row_counts SET row_count = 0 WHERE table_name = 'mentor_assignments';
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT mentor_id), count(*) INTO touched, delta FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT mentor_id), -count(*) INTO touched, delta FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT mentor_id) INTO touched
          FROM (SELECT mentor_id FROM old_rows UNION SELECT mentor_id FROM new_rows) both_sides;
    END IF;
    IF touched IS NOT NULL THEN
        PERFORM registrar_recount_mentors(touched);
    END IF;
    IF delta <> 0 THEN
        UPDATE row_counts SET row_count = row_count + delta WHERE table_name = 'mentor_assignments';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER m_summaries_on_insert AFTER INSERT ON mentor_assignments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_maintain_mentor_summaries();
CREATE TRIGGER m_summaries_on_update AFTER UPDATE ON mentor_assignments
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_maintain_mentor_summaries();
CREATE TRIGGER m_summaries_on_delete AFTER DELETE ON mentor_assignments
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_maintain_mentor_summaries();
CREATE TRIGGER m_summaries_on_truncate AFTER TRUNCATE ON mentor_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_maintain_mentor_summaries();

-- students: the count moves by the rows inserted or deleted (a deleted student's assignment goes by the cascade, which
-- fires the triggers above).
CREATE FUNCTION registrar_count_students() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE row_counts SET row_count = 0 WHERE table_name = 'students';
    ELSIF TG_OP = 'INSERT' THEN
        UPDATE row_counts SET row_count = row_count + (SELECT count(*) FROM new_rows) WHERE table_name = 'students';
    ELSE
        UPDATE row_counts SET row_count = row_count - (SELECT count(*) FROM old_rows) WHERE table_name = 'students';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER m_count_on_insert AFTER INSERT ON students
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_count_students();
CREATE TRIGGER m_count_on_delete AFTER DELETE ON students
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_count_students();
CREATE TRIGGER m_count_on_truncate AFTER TRUNCATE ON students
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_count_students();

-- A student who changes class changes their mentor's cohort list. A row trigger that runs only when cohort_id really
-- changes (rare: editing a name or a status costs nothing), for students with a mentor.
CREATE FUNCTION registrar_recount_mentor_of_student() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
DECLARE
    mentor bigint;
BEGIN
    SELECT a.mentor_id INTO mentor FROM mentor_assignments a WHERE a.student_id = NEW.id;
    IF FOUND THEN
        PERFORM registrar_recount_mentors(ARRAY[mentor]);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER m_mentor_cohorts_on_move AFTER UPDATE OF cohort_id ON students
    FOR EACH ROW WHEN (NEW.cohort_id IS DISTINCT FROM OLD.cohort_id)
    EXECUTE FUNCTION registrar_recount_mentor_of_student();

-- A class's new name appears in the cohort lists of the mentors of its students.
CREATE FUNCTION registrar_recount_mentors_of_cohort() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
DECLARE
    touched bigint[];
BEGIN
    SELECT array_agg(DISTINCT a.mentor_id) INTO touched
      FROM students s JOIN mentor_assignments a ON a.student_id = s.id
     WHERE s.cohort_id = NEW.id;
    IF touched IS NOT NULL THEN
        PERFORM registrar_recount_mentors(touched);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER m_mentor_cohorts_on_rename AFTER UPDATE OF name ON cohorts
    FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name)
    EXECUTE FUNCTION registrar_recount_mentors_of_cohort();

SELECT registrar_recount_all_mentors();

GRANT SELECT ON mentor_summaries, row_counts TO registrar_admin, registrar_staff, registrar_support;
REVOKE EXECUTE ON FUNCTION registrar_recount_mentors(bigint[]), registrar_recount_all_mentors() FROM PUBLIC;

-- As in V50: the new tables and functions belong to the owner role when the migrating user may hand them over.
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
        WHERE n.nspname = current_schema() AND c.relname IN ('mentor_summaries', 'row_counts')
        UNION ALL
        SELECT format('ALTER FUNCTION %s OWNER TO registrar_owner', p.oid::regprocedure)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = current_schema()
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
          AND pg_get_userbyid(p.proowner) <> 'registrar_owner'
    LOOP
        EXECUTE object.statement;
    END LOOP;
END
$$;
