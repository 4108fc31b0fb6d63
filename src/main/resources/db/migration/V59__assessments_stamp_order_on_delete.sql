-- Deleting an assessment deletes its results (V51), which bumps the assessment_results change stamp (V57) before the
-- statement's own z_change_stamp bumps the assessments stamp. A save that creates an assessment takes them the other
-- way round (its ledger statement inserts the assessment, its write statement the results), so the two could
-- deadlock. Bumping the assessments stamp first, before the delete starts, gives both the same order. The second
-- bump at the end of the statement finds the row already locked by this transaction.
CREATE TRIGGER a_stamp_first BEFORE DELETE ON assessments
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_bump_change_stamp();
