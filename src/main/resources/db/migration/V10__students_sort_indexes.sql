-- Keyset sort orders of the Students screen that V1 does not index (see docs/schema.md, "Students sorting").
--
-- Given name: folded "given family" in C collation, like search_key for family names. An expression index,
-- not a stored column, so the table is not rewritten; queries repeat the expression exactly.
CREATE INDEX students_given_key_id_idx
    ON students ((registrar_fold(given_name || ' ' || family_name) COLLATE "C"), id);

-- Cohort, then name: cohort_id is nullable, and a row comparison cannot step over NULLs, so the key is
-- COALESCE(cohort_id, max bigint): students without a class sort after every class, as NULLS LAST would.
CREATE INDEX students_cohort_key_search_key_id_idx
    ON students ((COALESCE(cohort_id, 9223372036854775807)), search_key, id);

-- Case-insensitive prefix search on student numbers (LIKE 'S00012%' is served by a C-collated btree).
CREATE INDEX students_student_number_upper_idx
    ON students ((upper(student_number) COLLATE "C"));
