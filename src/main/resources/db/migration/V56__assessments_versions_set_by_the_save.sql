-- Bulk save speed, part 4 (ADR 0022): a save's UPDATE sets version = version + 1 and recorded_at = now() itself, which
-- is exactly what registrar_touch_result (V2) would set for a changed row, so the row trigger — one PL/pgSQL call per
-- row, ~50 ms of a 10,000-row update — runs only when a row needs it: a key change (refused), a row whose values did
-- not change (version and stamps kept), or a writer that set version or recorded_at any other way (corrected). For
-- every writer the result is the one V2 defined; clients still only compare versions.

DROP TRIGGER touch_result ON assessment_results;
CREATE TRIGGER touch_result BEFORE UPDATE ON assessment_results
    FOR EACH ROW
    WHEN ((NEW.assessment_id, NEW.student_id) IS DISTINCT FROM (OLD.assessment_id, OLD.student_id)
          OR (NEW.score, NEW.excused, NEW.comment) IS NOT DISTINCT FROM (OLD.score, OLD.excused, OLD.comment)
          OR NEW.version IS DISTINCT FROM OLD.version + 1
          OR NEW.recorded_at IS DISTINCT FROM now())
    EXECUTE FUNCTION registrar_touch_result();
