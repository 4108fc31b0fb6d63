-- Issue 16 (ADR 0040, second step): the mentors list sends per mentor only the first cohort names and their number
-- (MentorSql.MENTORS slices mentor_summaries.cohort_names), so "mentors of class X" can no longer be answered by
-- scanning the lists on the desktop. The server answers it from the maintained cohort lists instead:
--
-- mentor_summaries_cohort_names_idx: the mentors whose cohort list holds a name (cohort_names && ARRAY[...]) by a GIN
-- index over the lists V65's triggers keep, never reading students or mentor_assignments. The triggers' recount
-- already skips unchanged rows, so the index moves only when a mentor's list really changes.
--
-- cohorts_upper_name_idx: the class typed in any case (upper(name) = upper(:name)), here and in the assign screen's
-- candidate search, by an index instead of a scan of every class (35,715 at a million students).

CREATE INDEX mentor_summaries_cohort_names_idx ON mentor_summaries USING gin (cohort_names);
CREATE INDEX cohorts_upper_name_idx ON cohorts (upper(name));
ANALYZE mentor_summaries, cohorts;
