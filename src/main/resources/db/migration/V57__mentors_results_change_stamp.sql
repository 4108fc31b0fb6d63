-- Mentors: cached rosters show each student's latest result, so assessment_results gets a change stamp like the
-- tables in V2: one row in change_stamps, bumped once per writing statement by the same statement-level trigger,
-- visible at commit. registrar_bump_change_stamp (V2) is SECURITY DEFINER and belongs to the owner of change_stamps
-- (registrar_owner since V50), so staff, who may INSERT and UPDATE results but not change_stamps, still save results.
-- Cost: a writing transaction holds the stamp row from the end of its statement until commit, so concurrent result
-- saves queue there for the rest of each other's transaction (docs/performance.md).

INSERT INTO change_stamps (table_name) VALUES ('assessment_results');

CREATE TRIGGER z_change_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assessment_results
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_bump_change_stamp();
