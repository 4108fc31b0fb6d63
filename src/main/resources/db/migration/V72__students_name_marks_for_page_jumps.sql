-- Issue 16 (ADR 0047): "jump to page N" in the default order (name, then id) without counting. Before, the jump
-- walked the name index from the nearer end, skipping up to half of it (500,000 entries at a million students,
-- 78-119 ms for a page in the middle). Now it seeks the nearest mark and walks fewer than ~2,000 entries.
--
-- student_name_marks: every ~1,000th student in name order, as a key (search_key, student_id), with the number of
-- students from that key up to the next mark's. The first mark is ('', 0), before every student (a search_key is
-- never empty: it holds at least the space between the names). The position of a mark is the sum of the counts
-- before it: 1,000 rows summed at a million students, instead of 500,000 index entries walked. A mark is a key, not a
-- student: deleting the student it was taken from leaves it valid.
--
-- Kept by triggers on students: inserts and deletes (statement-level, one index probe per row for the mark before it)
-- and renames (a row trigger that fires only when the search key really changes) move the count of the segment the
-- row falls in; a segment grown past 2,000 is split at every 1,000th of its rows. Writers that change names take
-- the marks in SHARE ROW EXCLUSIVE mode until they commit, so a split never races a count (renames and new or
-- deleted students queue behind each other; other edits of students do not). Bulk loads switch the insert trigger
-- off and call registrar_rebuild_name_marks() once (DemoData).

CREATE TABLE student_name_marks (
    search_key text COLLATE "C" NOT NULL,
    student_id bigint NOT NULL,
    students   integer NOT NULL CONSTRAINT student_name_marks_students_not_negative CHECK (students >= 0),
    PRIMARY KEY (search_key, student_id)
);

-- Every mark from scratch, set-based: one walk of students_search_key_id_idx. After a bulk load, and in tests.
CREATE FUNCTION registrar_rebuild_name_marks() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    total bigint;
BEGIN
    LOCK TABLE student_name_marks IN EXCLUSIVE MODE;
    DELETE FROM student_name_marks;
    SELECT count(*) INTO total FROM students;
    INSERT INTO student_name_marks (search_key, student_id, students)
    SELECT CASE WHEN pos = 0 THEN '' ELSE search_key END, CASE WHEN pos = 0 THEN 0 ELSE id END,
           least(1000, total - pos)
      FROM (SELECT s.search_key, s.id, row_number() OVER (ORDER BY s.search_key, s.id) - 1 AS pos
              FROM students s) numbered
     WHERE pos % 1000 = 0;
    INSERT INTO student_name_marks (search_key, student_id, students) VALUES ('', 0, 0)
    ON CONFLICT DO NOTHING;
END
$$;

-- Splits the segments grown past 2,000 students: a mark at every 1,000th row of the segment, found by walking it
-- from its mark (its count says how far).
CREATE FUNCTION registrar_split_name_marks() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
DECLARE
    mark record;
BEGIN
    FOR mark IN SELECT search_key, student_id, students FROM student_name_marks WHERE students > 2000
                 ORDER BY search_key, student_id LOOP
        INSERT INTO student_name_marks (search_key, student_id, students)
        SELECT search_key, id, least(1000, mark.students - pos)
          FROM (SELECT s.search_key, s.id, row_number() OVER (ORDER BY s.search_key, s.id) - 1 AS pos
                  FROM (SELECT s.search_key, s.id FROM students s
                         WHERE (s.search_key, s.id) >= (mark.search_key, mark.student_id)
                         ORDER BY s.search_key, s.id
                         LIMIT mark.students) s) numbered
         WHERE pos > 0 AND pos % 1000 = 0;
        UPDATE student_name_marks SET students = 1000
         WHERE search_key = mark.search_key AND student_id = mark.student_id;
    END LOOP;
END
$$;

-- Moves the count of each segment by its rows among the changes (keys[i], ids[i]: a row in name order; deltas[i]: +1
-- for a row that came, -1 for one that went), then splits the segments grown too large. One probe of the marks'
-- primary key per changed row, for the mark at or before it.
CREATE FUNCTION registrar_count_name_marks(keys text[], ids bigint[], deltas integer[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
DECLARE
    largest integer;
BEGIN
    LOCK TABLE student_name_marks IN SHARE ROW EXCLUSIVE MODE;
    WITH change AS (
            SELECT c.search_key COLLATE "C" AS search_key, c.id, c.delta
              FROM unnest(keys, ids, deltas) AS c(search_key, id, delta)),
         per_mark AS (
            SELECT m.search_key, m.student_id, sum(c.delta)::integer AS delta
              FROM change c
             CROSS JOIN LATERAL (
                    SELECT k.search_key, k.student_id FROM student_name_marks k
                     WHERE (k.search_key, k.student_id) <= (c.search_key, c.id)
                     ORDER BY k.search_key DESC, k.student_id DESC
                     LIMIT 1) m
             GROUP BY m.search_key, m.student_id),
         moved AS (
            UPDATE student_name_marks k SET students = k.students + p.delta
              FROM per_mark p
             WHERE k.search_key = p.search_key AND k.student_id = p.student_id AND p.delta <> 0
            RETURNING k.students)
    SELECT max(students) INTO largest FROM moved;
    IF largest > 2000 THEN
        PERFORM registrar_split_name_marks();
    END IF;
END
$$;

CREATE FUNCTION registrar_maintain_name_marks() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    keys text[];
    ids bigint[];
    deltas integer[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM student_name_marks;
        INSERT INTO student_name_marks (search_key, student_id, students) VALUES ('', 0, 0);
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT array_agg(search_key), array_agg(id), array_agg(1) INTO keys, ids, deltas FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(search_key), array_agg(id), array_agg(-1) INTO keys, ids, deltas FROM old_rows;
    ELSE
        keys := ARRAY[OLD.search_key, NEW.search_key];
        ids := ARRAY[OLD.id, NEW.id];
        deltas := ARRAY[-1, 1];
    END IF;
    IF keys IS NOT NULL THEN
        PERFORM registrar_count_name_marks(keys, ids, deltas);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER n_marks_on_insert AFTER INSERT ON students
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_maintain_name_marks();
CREATE TRIGGER n_marks_on_delete AFTER DELETE ON students
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_maintain_name_marks();
CREATE TRIGGER n_marks_on_truncate AFTER TRUNCATE ON students
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_maintain_name_marks();
CREATE TRIGGER n_marks_on_rename AFTER UPDATE OF family_name, given_name ON students
    FOR EACH ROW WHEN (NEW.search_key IS DISTINCT FROM OLD.search_key)
    EXECUTE FUNCTION registrar_maintain_name_marks();

SELECT registrar_rebuild_name_marks();
ANALYZE student_name_marks;

-- The marks are folded student names: readable by the roles that read students, not by support (no personal data).
GRANT SELECT ON student_name_marks TO registrar_admin, registrar_staff;
REVOKE EXECUTE ON FUNCTION registrar_rebuild_name_marks(), registrar_split_name_marks(),
    registrar_count_name_marks(text[], bigint[], integer[]) FROM PUBLIC;

-- As in V50: the new table and functions belong to the owner role when the migrating user may hand them over.
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
        WHERE n.nspname = current_schema() AND c.relname = 'student_name_marks'
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
