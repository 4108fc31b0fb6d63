-- Issue 19 (ADR 0060): the year overview reads maintained figures instead of deriving them from every student and
-- result of the year group. At a million students (a year group of 76,945 students, 8,241 assessments, 215,780
-- results) it cost 694 ms cold: ~364 ms reading the students one heap page each (the demo deals students to classes
-- round-robin, so a class's 28 students sit on 28 pages) only to count the classes and to know who is still in which
-- class, ~200 ms aggregating the results.
--
-- cohort_sizes: the students of each class. Moved by each statement inserting or deleting students, by the number it
-- inserted or deleted per class (UPDATE ... SET students = students + n, which waits for and adds to a concurrent
-- one), and by a student's move to another class.
--
-- assessment_tallies: per assessment, what the year overview shows of it: the results with a score (scored), the sum
-- of their scores (total) and the results that are done (a score or an excuse) of students still in the assessment's
-- class (done; missing = class size - done, ADR 0053). Moved by each writing statement on assessment_results by the
-- difference it makes, per assessment it touches (one row write per assessment, whatever the number of results):
--   insert: the new rows (a new result's student is in the assessment's class: V62 refuses any other);
--   update: old and new rows joined on their key (an update cannot move a result, V51); a row whose done-ness changed
--           counts only when its student is still in the class (a students_pkey probe for such rows only: a score
--           corrected from 12 to 14 probes nothing);
--   delete: the deleted rows; the done ones count when their student is still in the class (students with results
--           cannot be deleted, so the student is there to ask).
-- A student's move: done of the assessments of the old class loses their done results, of the new class gains them
-- (a row trigger that runs only when cohort_id really changes, like V65's).
-- Deleting an assessment (its results go first, by a_delete_results) or a class drops its row.
--
-- Both tables are written only by these SECURITY DEFINER functions; the app's roles read them.
-- registrar_recount_year_tallies() rebuilds both from the tables, set-based: after a bulk load (DemoData switches the
-- insert triggers off) and in tests, to compare with what the triggers maintained.
--
-- Known gap, the one V62's rule has: in READ COMMITTED a result inserted while its student moves to another class,
-- both committing, is counted done in the class the student left. registrar_recount_year_tallies() repairs it.

CREATE TABLE cohort_sizes (
    cohort_id bigint PRIMARY KEY, -- no foreign key: written by triggers only, dropped with the class (below)
    students  integer NOT NULL DEFAULT 0
);

CREATE TABLE assessment_tallies (
    assessment_id bigint PRIMARY KEY, -- no foreign key: written by triggers only, dropped with the assessment
    scored        integer NOT NULL DEFAULT 0,
    total         numeric(16, 2) NOT NULL DEFAULT 0, -- the scores' own scale: the means divide as before
    done          integer NOT NULL DEFAULT 0
);

CREATE FUNCTION registrar_recount_year_tallies() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    LOCK TABLE cohort_sizes, assessment_tallies IN EXCLUSIVE MODE;
    DELETE FROM cohort_sizes;
    INSERT INTO cohort_sizes (cohort_id, students)
    SELECT cohort_id, count(*) FROM students WHERE cohort_id IS NOT NULL GROUP BY cohort_id;
    DELETE FROM assessment_tallies;
    INSERT INTO assessment_tallies (assessment_id, scored, total, done)
    SELECT r.assessment_id, count(r.score), coalesce(sum(r.score), 0),
           count(*) FILTER (WHERE (r.score IS NOT NULL OR r.excused) AND s.cohort_id = a.cohort_id)
      FROM assessment_results r
      JOIN assessments a ON a.id = r.assessment_id
      LEFT JOIN students s ON s.id = r.student_id
     GROUP BY r.assessment_id;
END
$$;

-- students inserted or deleted: each class moves by its number of them.
CREATE FUNCTION registrar_count_cohort_sizes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO cohort_sizes AS z (cohort_id, students)
        SELECT cohort_id, count(*) FROM new_rows WHERE cohort_id IS NOT NULL GROUP BY cohort_id ORDER BY cohort_id
        ON CONFLICT (cohort_id) DO UPDATE SET students = z.students + excluded.students;
    ELSE
        UPDATE cohort_sizes z SET students = z.students - d.students
          FROM (SELECT cohort_id, count(*) AS students FROM old_rows WHERE cohort_id IS NOT NULL GROUP BY cohort_id) d
         WHERE z.cohort_id = d.cohort_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER y_sizes_on_insert AFTER INSERT ON students
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_count_cohort_sizes();
CREATE TRIGGER y_sizes_on_delete AFTER DELETE ON students
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_count_cohort_sizes();

-- A student who changes class: both classes' sizes, and done of the assessments of both classes they have a done
-- result of (one range of assessment_results_student_id_idx, an assessments_pkey probe per result).
CREATE FUNCTION registrar_move_student_tallies() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
BEGIN
    INSERT INTO cohort_sizes AS z (cohort_id, students)
    SELECT NEW.cohort_id, 1 WHERE NEW.cohort_id IS NOT NULL
    ON CONFLICT (cohort_id) DO UPDATE SET students = z.students + 1;
    UPDATE cohort_sizes SET students = students - 1 WHERE cohort_id = OLD.cohort_id;
    UPDATE assessment_tallies t SET done = t.done + d.delta
      FROM (SELECT r.assessment_id, CASE WHEN a.cohort_id = NEW.cohort_id THEN 1 ELSE -1 END AS delta
              FROM assessment_results r JOIN assessments a ON a.id = r.assessment_id
             WHERE r.student_id = NEW.id AND (r.score IS NOT NULL OR r.excused)
               AND (a.cohort_id = OLD.cohort_id OR a.cohort_id = NEW.cohort_id)) d
     WHERE t.assessment_id = d.assessment_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER y_tallies_on_move AFTER UPDATE OF cohort_id ON students
    FOR EACH ROW WHEN (NEW.cohort_id IS DISTINCT FROM OLD.cohort_id)
    EXECUTE FUNCTION registrar_move_student_tallies();

-- New results: per assessment, the rows with a score, their sum, the done rows (all of students of the class, V62).
CREATE FUNCTION registrar_tally_new_results() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
BEGIN
    INSERT INTO assessment_tallies AS t (assessment_id, scored, total, done)
    SELECT assessment_id, count(score), coalesce(sum(score), 0), count(*) FILTER (WHERE score IS NOT NULL OR excused)
      FROM new_rows GROUP BY assessment_id ORDER BY assessment_id
    ON CONFLICT (assessment_id) DO UPDATE
       SET scored = t.scored + excluded.scored, total = t.total + excluded.total, done = t.done + excluded.done;
    RETURN NULL;
END
$$;

-- Changed results: old and new rows joined on their key (nested loops off: two transition tables without indexes,
-- as V70); only a row whose done-ness changed asks whether its student is still in the class (a students_pkey and an
-- assessments_pkey probe). The same statement hands the differences per assessment to registrar_add_to_tallies,
-- which allows nested loops: one assessment_tallies_pkey probe per assessment, not a hash join over every tally of
-- the school (what this function's setting would plan). No write when nothing the overview shows moved (a comment).
CREATE FUNCTION registrar_tally_changed_results() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = off AS $$
BEGIN
    PERFORM registrar_add_to_tallies(
                array_agg(d.assessment_id), array_agg(d.scored), array_agg(d.total), array_agg(d.done))
      FROM (SELECT c.assessment_id, sum(c.scored)::int AS scored, sum(c.total) AS total,
                   sum(CASE WHEN c.done = 0 THEN 0
                            WHEN (SELECT s.cohort_id FROM students s WHERE s.id = c.student_id)
                                 = (SELECT a.cohort_id FROM assessments a WHERE a.id = c.assessment_id) THEN c.done
                            ELSE 0 END)::int AS done
              FROM (SELECT n.assessment_id, n.student_id,
                           (n.score IS NOT NULL)::int - (o.score IS NOT NULL)::int AS scored,
                           coalesce(n.score, 0) - coalesce(o.score, 0) AS total,
                           (n.score IS NOT NULL OR n.excused)::int - (o.score IS NOT NULL OR o.excused)::int AS done
                      FROM new_rows n
                      JOIN old_rows o ON o.assessment_id = n.assessment_id AND o.student_id = n.student_id
                     WHERE (n.score, n.excused) IS DISTINCT FROM (o.score, o.excused)) c
             GROUP BY c.assessment_id
            OFFSET 0) d
     WHERE (d.scored, d.total, d.done) <> (0, 0, 0)
    HAVING count(*) > 0;
    RETURN NULL;
END
$$;

-- Deleted results: their scores go; a done one counts when its student is still in the class.
CREATE FUNCTION registrar_tally_deleted_results() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = off AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM assessment_tallies;
        RETURN NULL;
    END IF;
    PERFORM registrar_add_to_tallies(
                array_agg(d.assessment_id), array_agg(-d.scored), array_agg(-d.total), array_agg(-d.done))
      FROM (SELECT o.assessment_id, count(o.score)::int AS scored, coalesce(sum(o.score), 0) AS total,
                   sum(CASE WHEN o.score IS NULL AND NOT o.excused THEN 0
                            WHEN (SELECT s.cohort_id FROM students s WHERE s.id = o.student_id)
                                 = (SELECT a.cohort_id FROM assessments a WHERE a.id = o.assessment_id) THEN 1
                            ELSE 0 END)::int AS done
              FROM old_rows o GROUP BY o.assessment_id
            OFFSET 0) d
    HAVING count(*) > 0;
    RETURN NULL;
END
$$;

-- Adds the differences to the tallies of these assessments, each by key, in id order (so two writers never wait for
-- each other in opposite orders). An assessment without a tally row (deleted meanwhile) is skipped.
CREATE FUNCTION registrar_add_to_tallies(
        tallied bigint[], scored_delta integer[], total_delta numeric[], done_delta integer[])
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
BEGIN
    UPDATE assessment_tallies t
       SET scored = t.scored + d.scored, total = t.total + d.total, done = t.done + d.done
      FROM (SELECT * FROM unnest(tallied, scored_delta, total_delta, done_delta)
                          AS u(assessment_id, scored, total, done)
             ORDER BY assessment_id OFFSET 0) d
     WHERE t.assessment_id = d.assessment_id;
END
$$;

CREATE TRIGGER y_tallies_on_insert AFTER INSERT ON assessment_results
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_tally_new_results();
CREATE TRIGGER y_tallies_on_update AFTER UPDATE ON assessment_results
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_tally_changed_results();
CREATE TRIGGER y_tallies_on_delete AFTER DELETE ON assessment_results
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_tally_deleted_results();
CREATE TRIGGER y_tallies_on_truncate AFTER TRUNCATE ON assessment_results
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_tally_deleted_results();

-- A deleted assessment (its results were deleted before, by a_delete_results) or class takes its row along.
CREATE FUNCTION registrar_drop_year_tallies() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
BEGIN
    IF TG_TABLE_NAME = 'assessments' THEN
        DELETE FROM assessment_tallies t USING old_rows o WHERE t.assessment_id = o.id;
    ELSE
        DELETE FROM cohort_sizes z USING old_rows o WHERE z.cohort_id = o.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER y_tallies_on_delete AFTER DELETE ON assessments
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_drop_year_tallies();
CREATE TRIGGER y_sizes_on_delete AFTER DELETE ON cohorts
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_drop_year_tallies();

SELECT registrar_recount_year_tallies();
ANALYZE cohort_sizes, assessment_tallies;

GRANT SELECT ON cohort_sizes, assessment_tallies TO registrar_admin, registrar_staff, registrar_support;
REVOKE EXECUTE ON FUNCTION registrar_recount_year_tallies(),
    registrar_add_to_tallies(bigint[], integer[], numeric[], integer[]) FROM PUBLIC;

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
        WHERE n.nspname = current_schema() AND c.relname IN ('cohort_sizes', 'assessment_tallies')
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
