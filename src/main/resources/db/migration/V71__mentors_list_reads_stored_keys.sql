-- Issue 16 (ADR 0047): the mentors list reads what it shows instead of deriving it per mentor at read time. At a
-- million students (7,692 mentors) the cold list cost 48-56 ms, most of it not reading but deriving: the sort key
-- registrar_fold(family || ' ' || given) (unaccent, per mentor, on every read) and, per mentor, the slice and the
-- length of the whole maintained cohort list (~110 names, ~1.5 kB, read and copied for three names and a number).
--
-- mentors.sort_key: the folded name the list sorts by, stored (a generated column: kept by every insert and rename,
-- never by the app), in the database's default collation as the expression sorted before (same order). The index
-- (sort_key, id) serves the list's order when the planner finds a walk cheaper than sorting the stored keys.
--
-- mentor_summaries.first_cohorts, cohort_count: the first names of each cohort list (as many as the list shows,
-- Mentor.LISTED_COHORTS = 3) and the list's length, written by the same recounts as the list itself (V65), so they
-- follow every write that changes a mentor's classes.

ALTER TABLE mentors ADD COLUMN sort_key text GENERATED ALWAYS AS (registrar_fold(family_name || ' ' || given_name)) STORED;
CREATE INDEX mentors_sort_key_idx ON mentors (sort_key, id);

ALTER TABLE mentor_summaries
    ADD COLUMN first_cohorts text[] NOT NULL DEFAULT '{}',
    ADD COLUMN cohort_count integer NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION registrar_recount_mentors(mentor_ids bigint[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
BEGIN
    INSERT INTO mentor_summaries (mentor_id)
    SELECT DISTINCT id FROM unnest(mentor_ids) AS id WHERE id IS NOT NULL
     ORDER BY id
    ON CONFLICT (mentor_id) DO NOTHING;
    PERFORM FROM mentor_summaries WHERE mentor_id = ANY (mentor_ids) ORDER BY mentor_id FOR UPDATE;
    UPDATE mentor_summaries x
       SET students = c.students, cohort_names = c.cohort_names, last_assigned_at = c.last_assigned_at,
           first_cohorts = c.cohort_names[1 : 3], cohort_count = cardinality(c.cohort_names)
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

CREATE OR REPLACE FUNCTION registrar_recount_all_mentors() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    LOCK TABLE mentor_summaries, row_counts IN EXCLUSIVE MODE;
    DELETE FROM mentor_summaries;
    INSERT INTO mentor_summaries (mentor_id, students, last_assigned_at, cohort_names, first_cohorts, cohort_count)
    SELECT id, students, last_assigned_at, cohort_names, cohort_names[1 : 3], cardinality(cohort_names)
      FROM (SELECT m.id, count(a.student_id)::int AS students, max(a.assigned_at) AS last_assigned_at,
                   coalesce(array_agg(DISTINCT k.name COLLATE "C" ORDER BY k.name COLLATE "C")
                                FILTER (WHERE k.name IS NOT NULL), '{}') AS cohort_names
              FROM mentors m
              LEFT JOIN mentor_assignments a ON a.mentor_id = m.id
              LEFT JOIN students s ON s.id = a.student_id
              LEFT JOIN cohorts k ON k.id = s.cohort_id
             GROUP BY m.id) c;
    DELETE FROM row_counts;
    INSERT INTO row_counts (table_name, row_count)
    VALUES ('students', (SELECT count(*) FROM students)),
           ('mentor_assignments', (SELECT count(*) FROM mentor_assignments));
END
$$;

-- TRUNCATE of mentor_assignments empties every list: the new columns too.
CREATE OR REPLACE FUNCTION registrar_maintain_mentor_summaries() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
DECLARE
    touched bigint[];
    delta bigint := 0;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE mentor_summaries
           SET students = 0, cohort_names = '{}', last_assigned_at = NULL, first_cohorts = '{}', cohort_count = 0;
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

UPDATE mentor_summaries SET first_cohorts = cohort_names[1 : 3], cohort_count = cardinality(cohort_names);
ANALYZE mentors, mentor_summaries;
