-- A student's result history across all assessments, newest first, a keyset page at a time (changed_at, id).
-- Without it that view scans the whole of result_history. A whole assessment's history pages through the V2 index
-- (assessment_id, student_id, changed_at) with a top-N sort bounded by that assessment's own history, so it gets no
-- index of its own: each index on result_history is paid by every save, row by row.
CREATE INDEX result_history_student_order_idx ON result_history (student_id, changed_at DESC, id DESC);
