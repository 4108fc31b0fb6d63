-- Issue 19 (ADR 0073): the Reports screen no longer reads every class when it opens. It reads its year groups (each
-- school year's grade levels, newest year first) and the class it starts on (the first of the newest year group by
-- name). Without an index both read all 35,715 classes at a million students (a hash aggregate, a top-1 sort: about
-- 8 ms each, up to 35 ms under load); with this one the year groups are a skip scan of one probe per group and the
-- first class one probe, both index-only (under 1 ms). It also serves the year overview's classes of one year group.
-- Written only when a class is added or changed.

CREATE INDEX cohorts_year_groups ON cohorts (school_year DESC, grade_level, name) INCLUDE (id);
