-- Bulk save speed, part 3 (ADR 0022): a first entry is written once. A new result's insert event (who, when, the new
-- values, the batch) is exactly what its row holds while the row is still version 1, so it stays in the row until the
-- row changes or is deleted; then the triggers move it into result_history, in the same statement and before the event
-- that supersedes it. The history screen reads version-1 rows as insert events (HistoryRepository). Nothing about a
-- change is lost: saving 10,000 first scores wrote 20,000 rows (and 10,000 history index entries per index), now
-- 10,000. An update still writes its history row at once.

DROP TRIGGER b_history_on_insert ON assessment_results;
DROP FUNCTION registrar_record_result_inserts();

-- The row is the record of its insert, so its "when" is the database's: an insert naming another time is refused.
-- (Updates cannot forge it either: registrar_touch_result sets recorded_at.)
CREATE OR REPLACE FUNCTION registrar_check_result_scores() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    offender record;
BEGIN
    SELECT n.assessment_id, n.student_id, n.score, a.max_score, count(*) OVER () AS offenders
      INTO offender
      FROM new_rows n JOIN assessments a ON a.id = n.assessment_id
     WHERE n.score > a.max_score
     ORDER BY n.assessment_id, n.student_id
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'score % is above the maximum score % of assessment %',
                offender.score, offender.max_score, offender.assessment_id
            USING ERRCODE = 'check_violation',
                  CONSTRAINT = 'assessment_results_score_within_max_score',
                  TABLE = 'assessment_results', COLUMN = 'score',
                  DETAIL = format('assessment_id=%s student_id=%s score=%s max_score=%s offending_rows=%s',
                                  offender.assessment_id, offender.student_id, offender.score,
                                  offender.max_score, offender.offenders);
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT n.assessment_id, n.student_id, n.recorded_at INTO offender
          FROM new_rows n WHERE n.recorded_at IS DISTINCT FROM now() LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'recorded_at of a new result is the time of its insert, not %', offender.recorded_at
                USING ERRCODE = 'check_violation',
                      CONSTRAINT = 'assessment_results_recorded_at_is_now',
                      TABLE = 'assessment_results', COLUMN = 'recorded_at',
                      DETAIL = format('assessment_id=%s student_id=%s', offender.assessment_id, offender.student_id);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

-- An update that changes a version-1 row first records that row's insert event (its own who, when and batch).
CREATE OR REPLACE FUNCTION registrar_record_result_updates() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    INSERT INTO result_history (assessment_id, student_id, operation, old_score, new_score, old_excused,
                                new_excused, old_comment, new_comment, changed_by, changed_at, batch_id)
    SELECT e.assessment_id, e.student_id, e.operation, e.old_score, e.new_score, e.old_excused, e.new_excused,
           e.old_comment, e.new_comment, e.changed_by, e.changed_at, e.batch_id
      FROM new_rows n
      JOIN old_rows o ON o.assessment_id = n.assessment_id AND o.student_id = n.student_id
     CROSS JOIN LATERAL (
           SELECT 1 AS step, o.assessment_id, o.student_id, 'insert' AS operation, NULL::numeric AS old_score,
                  o.score AS new_score, NULL::boolean AS old_excused, o.excused AS new_excused,
                  NULL::text AS old_comment, o.comment AS new_comment, o.recorded_by AS changed_by,
                  o.recorded_at AS changed_at, o.batch_id
            WHERE o.version = 1
           UNION ALL
           SELECT 2, n.assessment_id, n.student_id, 'update', o.score, n.score, o.excused, n.excused,
                  o.comment, n.comment, n.recorded_by, now(), n.batch_id) e
     WHERE (o.score, o.excused, o.comment) IS DISTINCT FROM (n.score, n.excused, n.comment)
     ORDER BY e.step;
    RETURN NULL;
END
$$;

-- A deleted version-1 row leaves its insert event before the delete event.
CREATE OR REPLACE FUNCTION registrar_record_result_deletes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    INSERT INTO result_history (assessment_id, student_id, operation, new_score, new_excused, new_comment,
                                changed_by, changed_at, batch_id)
    SELECT o.assessment_id, o.student_id, 'insert', o.score, o.excused, o.comment, o.recorded_by, o.recorded_at,
           o.batch_id
      FROM old_rows o
     WHERE o.version = 1;
    INSERT INTO result_history (assessment_id, student_id, operation, old_score, old_excused, old_comment,
                                changed_by, batch_id)
    SELECT o.assessment_id, o.student_id, 'delete', o.score, o.excused, o.comment,
           registrar_session_user(), registrar_session_batch()
      FROM old_rows o;
    RETURN NULL;
END
$$;

-- Insert events recorded before this migration whose rows are still version 1 are now read from the rows: drop the
-- copies (the latest event of such a result is its insert, written in the same transaction as the row).
DELETE FROM result_history h
 USING assessment_results r
 WHERE r.version = 1
   AND h.operation = 'insert'
   AND h.assessment_id = r.assessment_id
   AND h.student_id = r.student_id
   AND NOT EXISTS (SELECT FROM result_history later
                    WHERE later.assessment_id = h.assessment_id AND later.student_id = h.student_id
                      AND (later.changed_at, later.id) > (h.changed_at, h.id));
