-- Issue 16 (ADR 0069): the Students screen's class filter is typed into, not scrolled. It asks for the first 100
-- classes whose name starts with what was typed, folded as the students' names are (case and accents do not matter:
-- "7b" finds "7B-00123"), and how many more match, counted up to 1,000. This index serves that as a range walk in
-- order: folded name in the C collation (byte order, so a prefix is one contiguous range on any server locale), the
-- id as the tie-breaker, the name to show riding along, so the read is index-only. At a million students (35,715
-- classes) it is about 1.5 MB, written only when a class is added or renamed.

CREATE INDEX cohorts_folded_name ON cohorts ((registrar_fold(name) COLLATE "C"), id) INCLUDE (name);
