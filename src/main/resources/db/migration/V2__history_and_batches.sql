-- Registrar schema, part 2: result history, score bound, row versions and per-table change stamps.
-- Triggers that check or record whole statements are statement-level with transition tables, so a
-- bulk save of any size (or a 3-million-row demo load) costs one set-based query, not one per row.

CREATE TABLE result_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assessment_id bigint NOT NULL,  -- no foreign keys: history outlives the rows it describes
    student_id    bigint NOT NULL,
    operation     text NOT NULL CONSTRAINT result_history_operation_known CHECK (operation IN ('insert', 'update', 'delete')),
    old_score     numeric(6, 2),
    new_score     numeric(6, 2),
    old_excused   boolean,
    new_excused   boolean,
    old_comment   text,
    new_comment   text,
    changed_by    text NOT NULL,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    batch_id      uuid
);

CREATE INDEX result_history_result_idx ON result_history (assessment_id, student_id, changed_at);
CREATE INDEX result_history_batch_id_idx ON result_history (batch_id) WHERE batch_id IS NOT NULL;

-- Who deleted: the app may SET LOCAL registrar.user / registrar.batch_id; otherwise the login role.
CREATE FUNCTION registrar_session_user() RETURNS text
    LANGUAGE sql STABLE
RETURN coalesce(nullif(current_setting('registrar.user', true), ''), session_user::text);

CREATE FUNCTION registrar_session_batch() RETURNS uuid
    LANGUAGE sql STABLE
RETURN nullif(current_setting('registrar.batch_id', true), '')::uuid;

-- Scores above the assessment's max_score, raised as check_violation (SQLSTATE 23514) like a CHECK.
CREATE FUNCTION registrar_check_result_scores() RETURNS trigger
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
    RETURN NULL;
END
$$;

CREATE TRIGGER a_check_scores_on_insert AFTER INSERT ON assessment_results
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_check_result_scores();
CREATE TRIGGER a_check_scores_on_update AFTER UPDATE ON assessment_results
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_check_result_scores();

-- Lowering an assessment's max_score below a recorded score is refused the same way.
CREATE FUNCTION registrar_check_max_scores() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    offender record;
BEGIN
    SELECT r.assessment_id, r.student_id, r.score, a.max_score
      INTO offender
      FROM new_rows a JOIN assessment_results r ON r.assessment_id = a.id
     WHERE r.score > a.max_score
     ORDER BY r.assessment_id, r.student_id
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'max score % of assessment % is below the recorded score %',
                offender.max_score, offender.assessment_id, offender.score
            USING ERRCODE = 'check_violation',
                  CONSTRAINT = 'assessment_results_score_within_max_score',
                  TABLE = 'assessments', COLUMN = 'max_score',
                  DETAIL = format('assessment_id=%s student_id=%s score=%s',
                                  offender.assessment_id, offender.student_id, offender.score);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER a_check_max_scores_on_update AFTER UPDATE ON assessments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_check_max_scores();

-- History: SECURITY DEFINER so that no application role needs (or gets) write access to it.
CREATE FUNCTION registrar_record_result_inserts() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    INSERT INTO result_history (assessment_id, student_id, operation, new_score, new_excused, new_comment,
                                changed_by, batch_id)
    SELECT n.assessment_id, n.student_id, 'insert', n.score, n.excused, n.comment, n.recorded_by, n.batch_id
      FROM new_rows n;
    RETURN NULL;
END
$$;

CREATE FUNCTION registrar_record_result_updates() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    INSERT INTO result_history (assessment_id, student_id, operation, old_score, new_score, old_excused,
                                new_excused, old_comment, new_comment, changed_by, batch_id)
    SELECT n.assessment_id, n.student_id, 'update', o.score, n.score, o.excused, n.excused,
           o.comment, n.comment, n.recorded_by, n.batch_id
      FROM new_rows n
      JOIN old_rows o ON o.assessment_id = n.assessment_id AND o.student_id = n.student_id
     WHERE (o.score, o.excused, o.comment) IS DISTINCT FROM (n.score, n.excused, n.comment);
    RETURN NULL;
END
$$;

CREATE FUNCTION registrar_record_result_deletes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    INSERT INTO result_history (assessment_id, student_id, operation, old_score, old_excused, old_comment,
                                changed_by, batch_id)
    SELECT o.assessment_id, o.student_id, 'delete', o.score, o.excused, o.comment,
           registrar_session_user(), registrar_session_batch()
      FROM old_rows o;
    RETURN NULL;
END
$$;

CREATE TRIGGER b_history_on_insert AFTER INSERT ON assessment_results
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_record_result_inserts();
CREATE TRIGGER b_history_on_update AFTER UPDATE ON assessment_results
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_record_result_updates();
CREATE TRIGGER b_history_on_delete AFTER DELETE ON assessment_results
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_record_result_deletes();

-- Row versions for optimistic concurrency: the database bumps them, clients only compare.
-- An update that changes nothing keeps the old version and stamps, so a retried save is invisible.
CREATE FUNCTION registrar_touch_result() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.assessment_id, NEW.student_id) IS DISTINCT FROM (OLD.assessment_id, OLD.student_id) THEN
        RAISE EXCEPTION 'a result cannot move to another assessment or student'
            USING ERRCODE = 'integrity_constraint_violation', TABLE = 'assessment_results';
    END IF;
    IF (NEW.score, NEW.excused, NEW.comment) IS NOT DISTINCT FROM (OLD.score, OLD.excused, OLD.comment) THEN
        NEW.version := OLD.version;
        NEW.recorded_by := OLD.recorded_by;
        NEW.recorded_at := OLD.recorded_at;
        NEW.batch_id := OLD.batch_id;
    ELSE
        NEW.version := OLD.version + 1;
        NEW.recorded_at := now();
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER touch_result BEFORE UPDATE ON assessment_results
    FOR EACH ROW EXECUTE FUNCTION registrar_touch_result();

CREATE FUNCTION registrar_touch_student() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.created_at := OLD.created_at;
    IF (NEW.student_number, NEW.family_name, NEW.given_name, NEW.email, NEW.status, NEW.cohort_id)
            IS NOT DISTINCT FROM
       (OLD.student_number, OLD.family_name, OLD.given_name, OLD.email, OLD.status, OLD.cohort_id) THEN
        NEW.version := OLD.version;
        NEW.updated_at := OLD.updated_at;
    ELSE
        NEW.version := OLD.version + 1;
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER touch_student BEFORE UPDATE ON students
    FOR EACH ROW EXECUTE FUNCTION registrar_touch_student();

CREATE FUNCTION registrar_touch_mentor() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := CASE WHEN (NEW.family_name, NEW.given_name, NEW.email, NEW.active)
                                IS NOT DISTINCT FROM (OLD.family_name, OLD.given_name, OLD.email, OLD.active)
                           THEN OLD.updated_at ELSE now() END;
    RETURN NEW;
END
$$;

CREATE TRIGGER touch_mentor BEFORE UPDATE ON mentors
    FOR EACH ROW EXECUTE FUNCTION registrar_touch_mentor();

CREATE FUNCTION registrar_touch_mentor_assignment() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.mentor_id IS NOT DISTINCT FROM OLD.mentor_id THEN
        NEW.assigned_by := OLD.assigned_by;
        NEW.assigned_at := OLD.assigned_at;
    ELSE
        NEW.assigned_at := now();
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER touch_mentor_assignment BEFORE UPDATE ON mentor_assignments
    FOR EACH ROW EXECUTE FUNCTION registrar_touch_mentor_assignment();

-- Change stamps: one row per watched table, bumped once per writing statement and visible at commit,
-- so a desktop polls one tiny table to learn whether its cached copy is stale.
CREATE TABLE change_stamps (
    table_name text PRIMARY KEY,
    stamp      bigint NOT NULL DEFAULT 0,
    changed_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO change_stamps (table_name)
VALUES ('cohorts'), ('students'), ('mentors'), ('mentor_assignments'), ('assessments');

CREATE FUNCTION registrar_bump_change_stamp() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    UPDATE change_stamps SET stamp = stamp + 1, changed_at = now() WHERE table_name = TG_TABLE_NAME;
    RETURN NULL;
END
$$;

CREATE TRIGGER z_change_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cohorts
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_bump_change_stamp();
CREATE TRIGGER z_change_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON students
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_bump_change_stamp();
CREATE TRIGGER z_change_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mentors
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_bump_change_stamp();
CREATE TRIGGER z_change_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mentor_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_bump_change_stamp();
CREATE TRIGGER z_change_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assessments
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_bump_change_stamp();
