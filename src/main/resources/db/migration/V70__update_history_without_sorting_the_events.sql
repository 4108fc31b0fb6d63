-- Issue 16: the history of an update, written without sorting it. V54/V61 produced a changed first score's insert
-- event and every update event in one INSERT, through a lateral union of two rows per result, and sorted all of them
-- by that step so the insert events took the lower ids. The sort was as large as the save (10,000 history rows for a
-- class of 10,000); with the lateral union and the join it cost about a third of the trigger's time at a million
-- students (auto_explain, docs/performance.md "Updates at a million students"). Now two plain inserts from the join
-- of the statement's old and new rows: first the insert events of changed rows still at version 1 (skipped when the
-- statement changed none), then the update events. Same rows, same who and when, insert events still before their
-- update events in id order; nested loops stay off (two transition tables without indexes, V60).

CREATE OR REPLACE FUNCTION registrar_record_result_updates() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = off AS $$
BEGIN
    IF EXISTS (SELECT FROM old_rows o WHERE o.version = 1) THEN
        INSERT INTO result_history (assessment_id, student_id, operation, new_score, new_excused, new_comment,
                                    changed_by, changed_at, batch_id)
        SELECT o.assessment_id, o.student_id, 'insert', o.score, o.excused, o.comment, o.recorded_by,
               o.recorded_at, o.batch_id
          FROM old_rows o
          JOIN new_rows n ON n.assessment_id = o.assessment_id AND n.student_id = o.student_id
         WHERE o.version = 1
           AND (o.score, o.excused, o.comment) IS DISTINCT FROM (n.score, n.excused, n.comment);
    END IF;
    INSERT INTO result_history (assessment_id, student_id, operation, old_score, new_score, old_excused,
                                new_excused, old_comment, new_comment, changed_by, changed_at, batch_id)
    SELECT n.assessment_id, n.student_id, 'update', o.score, n.score, o.excused, n.excused, o.comment, n.comment,
           session_user::text, now(), n.batch_id
      FROM new_rows n
      JOIN old_rows o ON o.assessment_id = n.assessment_id AND o.student_id = n.student_id
     WHERE (o.score, o.excused, o.comment) IS DISTINCT FROM (n.score, n.excused, n.comment);
    RETURN NULL;
END
$$;
