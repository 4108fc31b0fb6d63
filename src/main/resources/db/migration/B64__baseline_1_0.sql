-- Registrar schema 1.0: the whole schema in one file (ADR 0032).
--
-- Flyway runs this baseline migration only on an EMPTY database; there it stands for V1…V64, which are then
-- skipped. A database that already has a schema history (made by the V1…V64 chain, e.g. on a school server or a
-- desktop's embedded server) ignores this file and keeps upgrading through the V files. Both end with the same
-- schema: MigrationBaselineTest compares the catalogs of the two, object by object.
--
-- Frozen, like every migration: never edit this file (MigrationChecksumsTest fails the build). A change to the
-- schema is the next V file (V65, V66, …). Where a rule below came from is named in brackets: the V file that
-- introduced it (for `git log`), the ADR in docs/decisions/, the issue. docs/schema.md explains the rules for people.

-- ---------------------------------------------------------------------------------------------------------------
-- Server requirements [V1]
-- ---------------------------------------------------------------------------------------------------------------

DO $$
BEGIN
    IF current_setting('server_version_num')::int < 140000 THEN
        RAISE EXCEPTION 'Registrar needs PostgreSQL 14 or newer, this server is %', current_setting('server_version');
    END IF;
    IF pg_catalog.getdatabaseencoding() <> 'UTF8' THEN
        RAISE EXCEPTION 'Registrar needs a UTF8 database, this one is %', pg_catalog.getdatabaseencoding()
            USING HINT = 'CREATE DATABASE ... ENCODING ''UTF8'' TEMPLATE template0';
    END IF;
END
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Name folding [V1; docs/schema.md "Name folding"]
-- Accent- and case-folding for name search and the students' sort key. The portable version uses core PostgreSQL
-- only; registrar_fold uses the (faster, C) unaccent dictionary when the server offers it. SQL-standard bodies
-- (RETURN …) resolve every name when created, so they need no pinned search_path, and a SET clause would stop
-- PostgreSQL inlining them (registrar_fold feeds a generated column and two indexes) [V60].
-- ---------------------------------------------------------------------------------------------------------------

CREATE FUNCTION registrar_fold_portable(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.lower(pg_catalog.translate(
    pg_catalog.regexp_replace(
        pg_catalog.normalize(
            pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
                pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(value,
                'ß', 'ss'), 'Æ', 'AE'), 'æ', 'ae'), 'Œ', 'OE'), 'œ', 'oe'), 'Þ', 'TH'), 'þ', 'th'), 'ẞ', 'SS'),
            'NFD'),
        '[\u0300-\u036f]', '', 'g'),
    'ĐđÐðØøŁłıĦħŦŧ', 'DdDdOoLliHhTt'));

DO $$
DECLARE
    extension_schema name;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'unaccent')
            AND EXISTS (SELECT FROM pg_available_extensions WHERE name = 'unaccent') THEN
        BEGIN
            EXECUTE format('CREATE EXTENSION unaccent SCHEMA %I', current_schema());
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'unaccent not installed (no privilege): registrar_fold uses the portable version';
        END;
    END IF;
    SELECT n.nspname INTO extension_schema
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'unaccent';
    IF extension_schema IS NULL THEN
        EXECUTE 'CREATE FUNCTION registrar_fold(value text) RETURNS text
                 LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                 RETURN registrar_fold_portable(value)';
    ELSE
        -- unaccent() is STABLE only because its dictionary could be edited; naming the dictionary
        -- explicitly and never editing unaccent.rules makes this wrapper safe to index.
        EXECUTE format('CREATE FUNCTION registrar_fold(value text) RETURNS text
                 LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                 RETURN pg_catalog.lower(%1$I.unaccent(%2$L::regdictionary, value))',
                 extension_schema, quote_ident(extension_schema) || '.unaccent');
    END IF;
END
$$;

COMMENT ON FUNCTION registrar_fold(text) IS
    'Lower-case, accent-free form of a name for prefix search: registrar_fold(''Müller'') = ''muller''';

-- Who did it is the login (session_user), never a setting the client can change [V61, issue 13 item 5]. SET ROLE
-- does not change session_user, and inside a SECURITY DEFINER function it stays the caller.
CREATE FUNCTION registrar_session_user() RETURNS text
    LANGUAGE sql STABLE
RETURN session_user::text;

COMMENT ON FUNCTION registrar_session_user() IS
    'The login of this session (session_user): who did what. Never taken from a setting the client can change.';

-- The batch a delete belongs to may come from SET LOCAL registrar.batch_id (an id, not a person) [V2].
CREATE FUNCTION registrar_session_batch() RETURNS uuid
    LANGUAGE sql STABLE
RETURN nullif(current_setting('registrar.batch_id', true), '')::uuid;

-- ---------------------------------------------------------------------------------------------------------------
-- Tables [V1, V2; column names are the contract the repositories query against: docs/schema.md "Tables"]
-- All ids are identities GENERATED ALWAYS: clients never choose ids.
-- ---------------------------------------------------------------------------------------------------------------

CREATE TABLE cohorts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text     NOT NULL CONSTRAINT cohorts_name_key UNIQUE
                         CONSTRAINT cohorts_name_not_blank CHECK (btrim(name) <> ''),
    grade_level smallint NOT NULL CONSTRAINT cohorts_grade_level_range CHECK (grade_level BETWEEN 1 AND 13),
    school_year smallint NOT NULL CONSTRAINT cohorts_school_year_range CHECK (school_year BETWEEN 2000 AND 2100),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- search_key: the folded "family given" in C collation: accent- and case-insensitive, the same order on every
-- server whatever its locale, and it serves LIKE 'prefix%' too (ADR 0010).
CREATE TABLE students (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    student_number text NOT NULL CONSTRAINT students_student_number_key UNIQUE
                        CONSTRAINT students_student_number_format CHECK (student_number ~ '^[A-Za-z0-9-]+$' AND length(student_number) <= 32),
    family_name    text NOT NULL CONSTRAINT students_family_name_not_blank CHECK (btrim(family_name) <> ''),
    given_name     text NOT NULL,
    email          text CONSTRAINT students_email_format CHECK (email LIKE '_%@_%' AND email NOT LIKE '% %'),
    status         text NOT NULL DEFAULT 'active'
                        CONSTRAINT students_status_known CHECK (status IN ('active', 'on_leave', 'graduated', 'withdrawn')),
    cohort_id      bigint REFERENCES cohorts (id),
    version        integer NOT NULL DEFAULT 1,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    search_key     text COLLATE "C" GENERATED ALWAYS AS (registrar_fold(family_name || ' ' || given_name)) STORED
);

CREATE TABLE mentors (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    family_name text NOT NULL CONSTRAINT mentors_family_name_not_blank CHECK (btrim(family_name) <> ''),
    given_name  text NOT NULL,
    email       text NOT NULL CONSTRAINT mentors_email_key UNIQUE
                     CONSTRAINT mentors_email_format CHECK (email LIKE '_%@_%' AND email NOT LIKE '% %'),
    active      boolean NOT NULL DEFAULT true,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One current mentor per student: the primary key is the student. assigned_by is the login [V61].
CREATE TABLE mentor_assignments (
    student_id  bigint PRIMARY KEY REFERENCES students (id) ON DELETE CASCADE,
    mentor_id   bigint NOT NULL REFERENCES mentors (id),
    assigned_by text NOT NULL DEFAULT session_user,
    assigned_at timestamptz NOT NULL DEFAULT now()
);

-- created_by is the login and never changes [V61]; cohort_id stays while the assessment has results [V62].
CREATE TABLE assessments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cohort_id   bigint NOT NULL REFERENCES cohorts (id),
    title       text NOT NULL CONSTRAINT assessments_title_not_blank CHECK (btrim(title) <> ''),
    subject     text NOT NULL CONSTRAINT assessments_subject_not_blank CHECK (btrim(subject) <> ''),
    max_score   numeric(6, 2) NOT NULL CONSTRAINT assessments_max_score_positive CHECK (max_score > 0),
    assessed_on date NOT NULL,
    created_by  text NOT NULL DEFAULT session_user,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- The ledger of bulk saves: the client generates the id, so a retried save finds its own row and writes nothing
-- twice. Append-only: a saved batch is a fact. saved_by is the login [V61].
CREATE TABLE saved_batches (
    id            uuid PRIMARY KEY,
    kind          text NOT NULL CONSTRAINT saved_batches_kind_known CHECK (kind IN ('results', 'mentor_assignments', 'students', 'import')),
    assessment_id bigint REFERENCES assessments (id) ON DELETE SET NULL,
    row_count     integer NOT NULL CONSTRAINT saved_batches_row_count_not_negative CHECK (row_count >= 0),
    saved_by      text NOT NULL DEFAULT session_user,
    saved_at      timestamptz NOT NULL DEFAULT now()
);

-- A NULL score is "not scored": excused, or only a comment so far. The upper bound (the assessment's max_score)
-- is a trigger because a CHECK cannot read another table [V2]. The keys to assessments, saved_batches and
-- students are no foreign keys: statement-level triggers check them once per statement, set-based, with the same
-- errors and constraint names (ADR 0021 [V51], ADR 0022 [V53]). A version-1 row is its own insert event in the
-- history (ADR 0022 [V54]). Pages keep 15% free so a corrected score is a HOT update (ADR 0022 [V58]).
CREATE TABLE assessment_results (
    assessment_id bigint NOT NULL,
    student_id    bigint NOT NULL,
    score         numeric(6, 2) CONSTRAINT assessment_results_score_not_negative CHECK (score >= 0),
    excused       boolean NOT NULL DEFAULT false,
    comment       text CONSTRAINT assessment_results_comment_length CHECK (length(comment) <= 2000),
    version       integer NOT NULL DEFAULT 1,
    recorded_by   text NOT NULL DEFAULT session_user,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    batch_id      uuid,
    PRIMARY KEY (assessment_id, student_id),
    CONSTRAINT assessment_results_excused_without_score CHECK (NOT excused OR score IS NULL)
) WITH (fillfactor = 85);

-- Every change of a result [V2]. No foreign keys: history outlives the rows it describes. Written only by
-- SECURITY DEFINER triggers, so no application role needs (or gets) write access to it.
CREATE TABLE result_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assessment_id bigint NOT NULL,
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

-- Change stamps [V2, V57]: one row per watched table, bumped once per writing statement and visible at commit, so
-- a desktop polls one tiny table to learn whether its cached copy (mentor rosters read results) is stale.
CREATE TABLE change_stamps (
    table_name text PRIMARY KEY,
    stamp      bigint NOT NULL DEFAULT 0,
    changed_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO change_stamps (table_name)
VALUES ('cohorts'), ('students'), ('mentors'), ('mentor_assignments'), ('assessments'), ('assessment_results');

-- ---------------------------------------------------------------------------------------------------------------
-- Indexes [V1, V10, V52; docs/schema.md "Indexes", ADR 0010]
-- Keyset paging: every sort order ends in id so the key is unique. No index on batch_id: every row of a save shares
-- one value and no query reads it (ADR 0022 [V53]). Each index on result_history is paid by every save.
-- ---------------------------------------------------------------------------------------------------------------

CREATE INDEX students_search_key_id_idx ON students (search_key, id);
CREATE INDEX students_cohort_search_key_id_idx ON students (cohort_id, search_key, id);
CREATE INDEX students_updated_at_id_idx ON students (updated_at, id);
-- Sort by given name: an expression index, not a stored column; queries repeat the expression exactly [V10].
CREATE INDEX students_given_key_id_idx
    ON students ((registrar_fold(given_name || ' ' || family_name) COLLATE "C"), id);
-- Cohort, then name: a row comparison cannot step over NULLs, so "no class" sorts as the largest bigint [V10].
CREATE INDEX students_cohort_key_search_key_id_idx
    ON students ((COALESCE(cohort_id, 9223372036854775807)), search_key, id);
-- Case-insensitive prefix search on student numbers (a C-collated btree serves LIKE 'S00012%') [V10].
CREATE INDEX students_student_number_upper_idx
    ON students ((upper(student_number) COLLATE "C"));

CREATE INDEX mentors_family_given_id_idx ON mentors (family_name, given_name, id);
CREATE INDEX mentor_assignments_mentor_id_idx ON mentor_assignments (mentor_id, student_id);
CREATE INDEX assessments_cohort_assessed_on_idx ON assessments (cohort_id, assessed_on, id);
CREATE INDEX saved_batches_assessment_id_idx ON saved_batches (assessment_id) WHERE assessment_id IS NOT NULL;
CREATE INDEX saved_batches_saved_at_idx ON saved_batches (saved_at);
CREATE INDEX assessment_results_student_id_idx ON assessment_results (student_id, assessment_id);
CREATE INDEX result_history_result_idx ON result_history (assessment_id, student_id, changed_at);
-- A student's history across all assessments, newest first, a keyset page at a time [V52].
CREATE INDEX result_history_student_order_idx ON result_history (student_id, changed_at DESC, id DESC);

-- ---------------------------------------------------------------------------------------------------------------
-- Trigger functions. Every one pins search_path = pg_catalog, <schema>, pg_temp (pg_temp last: a login's temporary
-- table never shadows a schema table), and those that join by key pin the join setting they need, whatever the
-- caller set: a trigger runs with the writer's session settings, and PL/pgSQL keeps a plan for the connection's
-- life [V60, issues 13 and 16]. SECURITY DEFINER only where the writer may not write or lock what the function does.
-- All are owned by registrar_owner (end of file). Bodies are exactly those the V chain left in place.
-- ---------------------------------------------------------------------------------------------------------------

-- Score bound, raised as check_violation (23514) like a CHECK [V2]. Statement-level with a transition table: one
-- set-based query per statement, not one per row. Each assessment is read once per statement (a MATERIALIZED list)
-- [V63]. A new row starts at version 1 and now(): the row is its own insert event (ADR 0022 [V54]). recorded_by is
-- the login, checked here in the same pass rather than by a row trigger that every row of a save would pay [V61].
CREATE FUNCTION registrar_check_result_scores() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp SET enable_nestloop = on AS $$
DECLARE
    offender record;
BEGIN
    -- Each assessment the rows name, looked up once by its key (materialized: read once, not once per row).
    WITH maxima AS MATERIALIZED (
        SELECT d.assessment_id, a.max_score
          FROM (SELECT DISTINCT assessment_id FROM new_rows) d
         CROSS JOIN LATERAL (SELECT a.max_score FROM assessments a WHERE a.id = d.assessment_id OFFSET 0) a)
    SELECT n.assessment_id, n.student_id, n.score, m.max_score, count(*) OVER () AS offenders
      INTO offender
      FROM new_rows n
      JOIN maxima m ON m.assessment_id = n.assessment_id
     WHERE n.score > m.max_score
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
        SELECT n.assessment_id, n.student_id, n.recorded_at, n.version, n.recorded_by INTO offender
          FROM new_rows n
         WHERE n.recorded_at IS DISTINCT FROM now() OR n.version <> 1
            OR n.recorded_by IS DISTINCT FROM session_user::text
         LIMIT 1;
        IF FOUND AND offender.recorded_by IS DISTINCT FROM session_user::text THEN
            RAISE EXCEPTION 'assessment_results.recorded_by is the login that wrote the row (%), not %',
                    session_user, coalesce(offender.recorded_by, 'nobody')
                USING ERRCODE = 'check_violation',
                      CONSTRAINT = 'assessment_results_recorded_by_is_login',
                      TABLE = 'assessment_results', COLUMN = 'recorded_by',
                      HINT = 'Leave recorded_by out: it defaults to the login.',
                      DETAIL = format('assessment_id=%s student_id=%s', offender.assessment_id, offender.student_id);
        ELSIF FOUND THEN
            RAISE EXCEPTION 'a new result starts at version 1 and the time of its insert, not version % at %',
                    offender.version, offender.recorded_at
                USING ERRCODE = 'check_violation',
                      CONSTRAINT = 'assessment_results_new_row_is_version_1_now',
                      TABLE = 'assessment_results',
                      DETAIL = format('assessment_id=%s student_id=%s', offender.assessment_id, offender.student_id);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

-- Lowering an assessment's max_score below a recorded score is refused the same way [V2].
CREATE FUNCTION registrar_check_max_scores() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp SET enable_nestloop = on AS $$
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

-- Result keys, referencing side (ADR 0021 [V51], ADR 0022 [V53]): every assessment, ledger batch and student the
-- new rows name exists, checked once per statement instead of one foreign-key probe and row lock per row.
-- Assessments of new results are locked FOR SHARE, so a concurrent class change waits or is waited for and the
-- cohort rule holds [V64]; batches FOR KEY SHARE, as a foreign key; students are only looked up in READ COMMITTED
-- (a student delete waits for saves in flight instead) and locked above it. A new result's student must be in the
-- assessment's cohort [V62, issue 13 item 6]. Updates check only the batch: touch_result refuses key changes.
-- SECURITY DEFINER: row locks need UPDATE privilege, which staff do not have (a foreign key check runs as the
-- table owner too).
CREATE FUNCTION registrar_check_result_keys() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
DECLARE
    missing record;
BEGIN
    -- An update cannot move a result to another assessment or student (registrar_touch_result refuses it), so it
    -- needs only the batch checked. A new result's assessment is locked FOR SHARE (V64; was FOR KEY SHARE): see above.
    IF TG_OP = 'INSERT' THEN
        SELECT k.assessment_id INTO missing
          FROM (SELECT DISTINCT n.assessment_id FROM new_rows n) k
          LEFT JOIN LATERAL (SELECT a.id FROM assessments a WHERE a.id = k.assessment_id FOR SHARE) a ON true
         WHERE a.id IS NULL
         LIMIT 1;
    END IF;
    IF TG_OP = 'INSERT' AND FOUND THEN
        RAISE EXCEPTION 'insert or update on table "assessment_results" violates foreign key constraint "%"',
                'assessment_results_assessment_id_fkey'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'assessment_results_assessment_id_fkey',
                  TABLE = 'assessment_results',
                  DETAIL = format('Key (assessment_id)=(%s) is not present in table "assessments".',
                                  missing.assessment_id);
    END IF;
    SELECT k.batch_id INTO missing
      FROM (SELECT DISTINCT n.batch_id FROM new_rows n WHERE n.batch_id IS NOT NULL) k
      LEFT JOIN LATERAL (SELECT b.id FROM saved_batches b WHERE b.id = k.batch_id FOR KEY SHARE) b ON true
     WHERE b.id IS NULL
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "assessment_results" violates foreign key constraint "%"',
                'assessment_results_batch_id_fkey'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'assessment_results_batch_id_fkey',
                  TABLE = 'assessment_results',
                  DETAIL = format('Key (batch_id)=(%s) is not present in table "saved_batches".', missing.batch_id);
    END IF;
    IF TG_OP = 'UPDATE' THEN
        RETURN NULL;
    END IF;
    -- Every new row's student exists and is in its assessment's cohort. The assessments were locked above (FOR SHARE:
    -- a class change of one of them waits for this transaction, or this statement for it); their
    -- cohorts are read once each, by key, into a materialized list the rows are then joined to. In READ
    -- COMMITTED students are only looked up, as in V53; above it they are locked as a foreign key would lock them.
    IF current_setting('transaction_isolation') = 'read committed' THEN
        WITH cohorts AS MATERIALIZED (
            SELECT d.assessment_id, a.cohort_id
              FROM (SELECT DISTINCT assessment_id FROM new_rows) d
             CROSS JOIN LATERAL (SELECT a.cohort_id FROM assessments a WHERE a.id = d.assessment_id OFFSET 0) a)
        SELECT n.assessment_id, n.student_id, c.cohort_id INTO missing
          FROM new_rows n
          JOIN cohorts c ON c.assessment_id = n.assessment_id
         WHERE NOT EXISTS (SELECT FROM students s WHERE s.id = n.student_id AND s.cohort_id = c.cohort_id)
         LIMIT 1;
    ELSE
        WITH cohorts AS MATERIALIZED (
            SELECT d.assessment_id, a.cohort_id
              FROM (SELECT DISTINCT assessment_id FROM new_rows) d
             CROSS JOIN LATERAL (SELECT a.cohort_id FROM assessments a WHERE a.id = d.assessment_id OFFSET 0) a)
        SELECT n.assessment_id, n.student_id, c.cohort_id INTO missing
          FROM new_rows n
          JOIN cohorts c ON c.assessment_id = n.assessment_id
          LEFT JOIN LATERAL (SELECT s.id, s.cohort_id FROM students s WHERE s.id = n.student_id FOR KEY SHARE) s ON true
         WHERE s.id IS NULL OR s.cohort_id IS DISTINCT FROM c.cohort_id
         LIMIT 1;
    END IF;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF NOT EXISTS (SELECT FROM students s WHERE s.id = missing.student_id) THEN
        RAISE EXCEPTION 'insert or update on table "assessment_results" violates foreign key constraint "%"',
                'assessment_results_student_id_fkey'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'assessment_results_student_id_fkey',
                  TABLE = 'assessment_results',
                  DETAIL = format('Key (student_id)=(%s) is not present in table "students".', missing.student_id);
    END IF;
    RAISE EXCEPTION 'student % is not in the cohort of assessment %', missing.student_id, missing.assessment_id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'assessment_results_student_in_assessment_cohort',
              TABLE = 'assessment_results', COLUMN = 'student_id',
              DETAIL = format('assessment_id=%s student_id=%s cohort_id=%s', missing.assessment_id,
                              missing.student_id, missing.cohort_id),
              HINT = 'A result is entered for a student of the assessment''s class.';
END
$$;

-- History of updates (ADR 0022 [V54]): a changed version-1 row first records its own insert event (its own who,
-- when and batch), then the update event, only where score, excused or comment really changed. The update event is
-- the login's [V61]. enable_nestloop off: it joins two transition tables without indexes, and a nested loop over a
-- plan cached from a one-row save would compare every pair of a large one [V60].
CREATE FUNCTION registrar_record_result_updates() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = off AS $$
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
                  o.comment, n.comment, session_user::text, now(), n.batch_id) e
     WHERE (o.score, o.excused, o.comment) IS DISTINCT FROM (n.score, n.excused, n.comment)
     ORDER BY e.step;
    RETURN NULL;
END
$$;

-- History of deletes: a deleted version-1 row leaves its insert event before the delete event (ADR 0022 [V54]);
-- the delete event is the login's, the batch may come from registrar.batch_id [V61].
CREATE FUNCTION registrar_record_result_deletes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
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
           session_user::text, registrar_session_batch()
      FROM old_rows o;
    RETURN NULL;
END
$$;

-- Row versions for optimistic concurrency: the database bumps them, clients only compare [V2]. An update that
-- changes nothing keeps the old version and stamps, so a retried save is invisible; a change is stamped with the
-- login whatever the writer named [V61]. The trigger's WHEN (below) skips rows the save already set right [V56].
CREATE FUNCTION registrar_touch_result() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
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
        NEW.recorded_by := session_user;
        NEW.recorded_at := now();
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION registrar_touch_student() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
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

CREATE FUNCTION registrar_touch_mentor() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    NEW.updated_at := CASE WHEN (NEW.family_name, NEW.given_name, NEW.email, NEW.active)
                                IS NOT DISTINCT FROM (OLD.family_name, OLD.given_name, OLD.email, OLD.active)
                           THEN OLD.updated_at ELSE now() END;
    RETURN NEW;
END
$$;

-- A new mentor is stamped with the login [V61].
CREATE FUNCTION registrar_touch_mentor_assignment() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    IF NEW.mentor_id IS NOT DISTINCT FROM OLD.mentor_id THEN
        NEW.assigned_by := OLD.assigned_by;
        NEW.assigned_at := OLD.assigned_at;
    ELSE
        NEW.assigned_by := session_user;
        NEW.assigned_at := now();
    END IF;
    RETURN NEW;
END
$$;

-- SECURITY DEFINER so that writers need no right on change_stamps [V2, V57].
CREATE FUNCTION registrar_bump_change_stamp() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    UPDATE change_stamps SET stamp = stamp + 1, changed_at = now() WHERE table_name = TG_TABLE_NAME;
    RETURN NULL;
END
$$;

-- Result keys, referenced side (ADR 0021 [V51]). A foreign key re-checks a delete against rows committed after
-- the deleting transaction's snapshot; under READ COMMITTED each statement of a trigger takes a fresh snapshot
-- after the row lock was waited for, which is the same. So these deletes must run in READ COMMITTED.
CREATE FUNCTION registrar_require_read_committed() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'delete from % only in a READ COMMITTED transaction', TG_TABLE_NAME
            USING ERRCODE = 'feature_not_supported',
                  HINT = 'Results name these rows; the check that keeps them consistent needs fresh snapshots.';
    END IF;
    RETURN NULL;
END
$$;

-- Deleting an assessment deletes its results (the former ON DELETE CASCADE; the history trigger records them)
-- [V51].
CREATE FUNCTION registrar_delete_assessment_results() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
BEGIN
    DELETE FROM assessment_results r USING old_rows o WHERE r.assessment_id = o.id;
    RETURN NULL;
END
$$;

-- A ledger row that results still name cannot be deleted [V51]; without a batch_id index the deleted rows are
-- matched in one pass over the results (ledger rows are deleted only in bulk, by a retention job) [V53].
CREATE FUNCTION registrar_refuse_named_batch_delete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    named record;
BEGIN
    SELECT o.id INTO named FROM old_rows o JOIN assessment_results r ON r.batch_id = o.id LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'update or delete on table "saved_batches" violates foreign key constraint "%"',
                'assessment_results_batch_id_fkey'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'assessment_results_batch_id_fkey',
                  TABLE = 'saved_batches',
                  DETAIL = format('Key (id)=(%s) is still referenced from table "assessment_results".', named.id);
    END IF;
    RETURN NULL;
END
$$;

-- Ids that results name never change (a foreign key would refuse the change while a result names the row) [V51].
CREATE FUNCTION registrar_refuse_id_change() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    IF NEW.id IS DISTINCT FROM OLD.id THEN
        RAISE EXCEPTION 'the id of a row in % cannot change', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
    END IF;
    RETURN NEW;
END
$$;

-- A foreign key refuses TRUNCATE of the table it references unless the referencing table goes too [V51].
CREATE FUNCTION registrar_refuse_referenced_truncate() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT FROM assessment_results) THEN
        RAISE EXCEPTION 'cannot truncate %: assessment results name its rows', TG_TABLE_NAME
            USING ERRCODE = 'feature_not_supported', HINT = 'Truncate assessment_results first.';
    END IF;
    RETURN NULL;
END
$$;

-- Student deletes (ADR 0022 [V53]): first wait for every save in flight (SHARE conflicts with the ROW EXCLUSIVE lock
-- a writer of assessment_results holds until it ends) and keep new saves out until the deleting transaction ends;
-- student deletes are rare, saves are not. SECURITY DEFINER: SHARE mode needs more than staff and admins are granted.
CREATE FUNCTION registrar_lock_results_for_student_delete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'delete from % only in a READ COMMITTED transaction', TG_TABLE_NAME
            USING ERRCODE = 'feature_not_supported',
                  HINT = 'Results name these rows; the check that keeps them consistent needs fresh snapshots.';
    END IF;
    LOCK TABLE assessment_results IN SHARE MODE;
    RETURN NULL;
END
$$;

-- Then, with a fresh snapshot that sees every save committed meanwhile, a student with results is not deleted (as
-- the foreign key's NO ACTION did; results go with their assessment, never with a student) [V53].
CREATE FUNCTION registrar_refuse_student_with_results_delete() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp
    SET enable_nestloop = on AS $$
DECLARE
    named record;
BEGIN
    SELECT o.id INTO named FROM old_rows o
     WHERE EXISTS (SELECT FROM assessment_results r WHERE r.student_id = o.id)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'update or delete on table "students" violates foreign key constraint "%" on table "%"',
                'assessment_results_student_id_fkey', 'assessment_results'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'assessment_results_student_id_fkey',
                  TABLE = 'students',
                  DETAIL = format('Key (id)=(%s) is still referenced from table "assessment_results".', named.id);
    END IF;
    RETURN NULL;
END
$$;

-- A row naming someone other than the login is refused, so a forging client hears it rather than having it
-- silently rewritten [V61, issue 13 item 5]. TG_ARGV[0] is the column.
CREATE FUNCTION registrar_refuse_other_login() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION '%.% names who created the row; it does not change', TG_TABLE_NAME, TG_ARGV[0]
            USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_' || TG_ARGV[0] || '_is_login',
                  TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[0];
    END IF;
    RAISE EXCEPTION '%.% is the login that wrote the row (%), not %', TG_TABLE_NAME, TG_ARGV[0], session_user,
            coalesce(to_jsonb(NEW) ->> TG_ARGV[0], 'nobody')
        USING ERRCODE = 'check_violation',
              CONSTRAINT = TG_TABLE_NAME || '_' || TG_ARGV[0] || '_is_login',
              TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[0],
              HINT = format('Leave %s out: it defaults to the login.', TG_ARGV[0]);
END
$$;

-- An assessment with results keeps its class [V62]. SECURITY INVOKER: the writers of assessments read results.
CREATE FUNCTION registrar_refuse_cohort_change_with_results() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT FROM assessment_results r WHERE r.assessment_id = OLD.id) THEN
        RAISE EXCEPTION 'assessment % has results, so it stays with its class', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'assessment_results_student_in_assessment_cohort',
                  TABLE = 'assessments', COLUMN = 'cohort_id',
                  HINT = 'Create the assessment for the other class, or delete its results first.';
    END IF;
    RETURN NEW;
END
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers, table by table. Names order them: PostgreSQL fires triggers of one kind in name order, so a_ checks run
-- before b_ history and z_ change stamps last.
-- ---------------------------------------------------------------------------------------------------------------

-- assessment_results
CREATE TRIGGER a_check_scores_on_insert AFTER INSERT ON assessment_results
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_check_result_scores();
CREATE TRIGGER a_check_scores_on_update AFTER UPDATE ON assessment_results
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_check_result_scores();
CREATE TRIGGER a_check_keys_on_insert AFTER INSERT ON assessment_results
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_check_result_keys();
CREATE TRIGGER a_check_keys_on_update AFTER UPDATE ON assessment_results
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_check_result_keys();
-- No history trigger on insert: a version-1 row is its own insert event (ADR 0022 [V54]).
CREATE TRIGGER b_history_on_update AFTER UPDATE ON assessment_results
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_record_result_updates();
CREATE TRIGGER b_history_on_delete AFTER DELETE ON assessment_results
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_record_result_deletes();
-- The save sets version and recorded_at itself, so the row trigger (one PL/pgSQL call per row) runs only for rows
-- that need it: a key change (refused), an unchanged row (version and stamps kept), a writer that set version,
-- recorded_at or recorded_by any other way (corrected) (ADR 0022 [V56], [V61]).
CREATE TRIGGER touch_result BEFORE UPDATE ON assessment_results
    FOR EACH ROW
    WHEN ((NEW.assessment_id, NEW.student_id) IS DISTINCT FROM (OLD.assessment_id, OLD.student_id)
          OR (NEW.score, NEW.excused, NEW.comment) IS NOT DISTINCT FROM (OLD.score, OLD.excused, OLD.comment)
          OR NEW.version IS DISTINCT FROM OLD.version + 1
          OR NEW.recorded_at IS DISTINCT FROM now()
          OR NEW.recorded_by IS DISTINCT FROM session_user::text)
    EXECUTE FUNCTION registrar_touch_result();
CREATE TRIGGER z_change_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assessment_results
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_bump_change_stamp();

-- assessments
CREATE TRIGGER a_check_max_scores_on_update AFTER UPDATE ON assessments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_check_max_scores();
CREATE TRIGGER a_read_committed_delete BEFORE DELETE ON assessments
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_require_read_committed();
CREATE TRIGGER a_delete_results AFTER DELETE ON assessments
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_delete_assessment_results();
CREATE TRIGGER a_fixed_id BEFORE UPDATE OF id ON assessments
    FOR EACH ROW EXECUTE FUNCTION registrar_refuse_id_change();
CREATE TRIGGER a_referenced_truncate BEFORE TRUNCATE ON assessments
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_refuse_referenced_truncate();
-- Deleting an assessment deletes its results, which bumps the results stamp; bumping the assessments stamp first
-- takes the two stamps in the order a save that creates an assessment takes them, so the two cannot deadlock [V59].
CREATE TRIGGER a_stamp_first BEFORE DELETE ON assessments
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_bump_change_stamp();
CREATE TRIGGER a_created_by_is_login BEFORE INSERT ON assessments
    FOR EACH ROW WHEN (NEW.created_by IS DISTINCT FROM session_user::text)
    EXECUTE FUNCTION registrar_refuse_other_login('created_by');
CREATE TRIGGER a_created_by_stays BEFORE UPDATE OF created_by ON assessments
    FOR EACH ROW WHEN (NEW.created_by IS DISTINCT FROM OLD.created_by)
    EXECUTE FUNCTION registrar_refuse_other_login('created_by');
-- Runs only when cohort_id really changes: editing a title or date costs nothing [V62].
CREATE TRIGGER a_cohort_stays_with_results BEFORE UPDATE OF cohort_id ON assessments
    FOR EACH ROW WHEN (NEW.cohort_id IS DISTINCT FROM OLD.cohort_id)
    EXECUTE FUNCTION registrar_refuse_cohort_change_with_results();
CREATE TRIGGER z_change_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assessments
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_bump_change_stamp();

-- saved_batches
CREATE TRIGGER a_read_committed_delete BEFORE DELETE ON saved_batches
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_require_read_committed();
CREATE TRIGGER a_refuse_named_delete AFTER DELETE ON saved_batches
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_refuse_named_batch_delete();
CREATE TRIGGER a_fixed_id BEFORE UPDATE OF id ON saved_batches
    FOR EACH ROW EXECUTE FUNCTION registrar_refuse_id_change();
CREATE TRIGGER a_referenced_truncate BEFORE TRUNCATE ON saved_batches
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_refuse_referenced_truncate();
CREATE TRIGGER a_saved_by_is_login BEFORE INSERT ON saved_batches
    FOR EACH ROW WHEN (NEW.saved_by IS DISTINCT FROM session_user::text)
    EXECUTE FUNCTION registrar_refuse_other_login('saved_by');

-- students
CREATE TRIGGER a_lock_results_on_delete BEFORE DELETE ON students
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_lock_results_for_student_delete();
CREATE TRIGGER a_refuse_with_results_delete AFTER DELETE ON students
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION registrar_refuse_student_with_results_delete();
CREATE TRIGGER a_fixed_id BEFORE UPDATE OF id ON students
    FOR EACH ROW EXECUTE FUNCTION registrar_refuse_id_change();
CREATE TRIGGER a_referenced_truncate BEFORE TRUNCATE ON students
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_refuse_referenced_truncate();
CREATE TRIGGER touch_student BEFORE UPDATE ON students
    FOR EACH ROW EXECUTE FUNCTION registrar_touch_student();
CREATE TRIGGER z_change_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON students
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_bump_change_stamp();

-- mentors, mentor_assignments, cohorts
CREATE TRIGGER touch_mentor BEFORE UPDATE ON mentors
    FOR EACH ROW EXECUTE FUNCTION registrar_touch_mentor();
CREATE TRIGGER z_change_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mentors
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_bump_change_stamp();
CREATE TRIGGER a_assigned_by_is_login BEFORE INSERT ON mentor_assignments
    FOR EACH ROW WHEN (NEW.assigned_by IS DISTINCT FROM session_user::text)
    EXECUTE FUNCTION registrar_refuse_other_login('assigned_by');
CREATE TRIGGER touch_mentor_assignment BEFORE UPDATE ON mentor_assignments
    FOR EACH ROW EXECUTE FUNCTION registrar_touch_mentor_assignment();
CREATE TRIGGER z_change_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mentor_assignments
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_bump_change_stamp();
CREATE TRIGGER z_change_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cohorts
    FOR EACH STATEMENT EXECUTE FUNCTION registrar_bump_change_stamp();

-- ---------------------------------------------------------------------------------------------------------------
-- Roles and least privilege [V3, V20, V50; docs/schema.md "Roles", issue 7]
-- Roles are cluster-wide and every database on the server runs this, so creation is idempotent. Login roles are
-- created by the DBA and made members, e.g. CREATE ROLE alice LOGIN PASSWORD '...' IN ROLE registrar_staff;
-- ---------------------------------------------------------------------------------------------------------------

DO $$
DECLARE
    group_role text;
BEGIN
    FOREACH group_role IN ARRAY ARRAY['registrar_admin', 'registrar_staff', 'registrar_support', 'registrar_owner'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = group_role) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I NOLOGIN', group_role);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL; -- another database's migration created it concurrently
            END;
        END IF;
    END LOOP;
END
$$;

COMMENT ON ROLE registrar_admin IS 'Registrar: enters assessments and results, manages students, classes and mentors';
COMMENT ON ROLE registrar_staff IS 'Registrar: reads everything, edits student profiles and mentor assignments';
COMMENT ON ROLE registrar_support IS 'Registrar: watches connection health; no personal data';
COMMENT ON ROLE registrar_owner IS 'Registrar: owns the schema objects; nobody logs in as it';

-- The app's group roles never bypass row-level security (the default, stated so nobody has to wonder) [V50].
ALTER ROLE registrar_admin NOBYPASSRLS;
ALTER ROLE registrar_staff NOBYPASSRLS;
ALTER ROLE registrar_support NOBYPASSRLS;

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO registrar_admin, registrar_staff, registrar_support;

-- Every desktop checks the schema version and the cache stamps at start, whatever its role.
GRANT SELECT ON ${flyway:defaultSchema}.${flyway:table} TO registrar_admin, registrar_staff, registrar_support;
GRANT SELECT ON change_stamps TO registrar_admin, registrar_staff, registrar_support;

-- Admin: the writer of record for classes, students, mentors, assessments and results.
GRANT SELECT ON cohorts, students, mentors, mentor_assignments, assessments, assessment_results,
                result_history, saved_batches TO registrar_admin;
GRANT INSERT, UPDATE, DELETE ON cohorts, students, mentors, mentor_assignments, assessments,
                assessment_results TO registrar_admin;
-- The batch ledger is append-only: a saved batch is a fact, not something to edit.
GRANT INSERT ON saved_batches TO registrar_admin;
-- Bulk entry creates an assessment and ledgers its first save in ONE statement: the ledger row names the assessment
-- before it exists, so the statement draws the id from the identity sequence first (nextval) [V20].
DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SEQUENCE %s TO registrar_admin',
                   pg_get_serial_sequence('${flyway:defaultSchema}.assessments', 'id'));
END
$$;

-- Staff: read everything; edit profile fields (not the student number, class or row stamps) and mentor
-- assignments; enter assessment results (the bulk-entry screen) [V50]; never create or change assessments.
GRANT SELECT ON cohorts, students, mentors, mentor_assignments, assessments, assessment_results,
                result_history, saved_batches TO registrar_staff;
GRANT UPDATE (family_name, given_name, email, status) ON students TO registrar_staff;
GRANT INSERT, UPDATE, DELETE ON mentor_assignments TO registrar_staff;
GRANT INSERT ON saved_batches TO registrar_staff;
GRANT INSERT, UPDATE ON assessment_results TO registrar_staff;

-- Support: server activity only, no personal data. pg_read_all_stats and pg_monitor only where the migrating user
-- may grant them; otherwise the DBA does (docs/schema.md) instead of the migration failing [V3, V50].
DO $$
BEGIN
    IF pg_has_role(current_user, 'pg_read_all_stats', 'USAGE WITH ADMIN OPTION')
            OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        GRANT pg_read_all_stats TO registrar_support;
    ELSE
        RAISE NOTICE 'Not allowed to grant pg_read_all_stats; ask the DBA: GRANT pg_read_all_stats TO registrar_support';
    END IF;
    IF pg_has_role(current_user, 'pg_monitor', 'USAGE WITH ADMIN OPTION')
            OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        GRANT pg_monitor TO registrar_support;
    ELSE
        RAISE NOTICE 'Not allowed to grant pg_monitor; ask the DBA: GRANT pg_monitor TO registrar_support';
    END IF;
END
$$;

-- History and stamps are written only by SECURITY DEFINER triggers; nobody calls those directly [V3].
REVOKE EXECUTE ON FUNCTION registrar_record_result_updates(), registrar_record_result_deletes(),
    registrar_bump_change_stamp() FROM PUBLIC;

-- Every table and function of the schema belongs to registrar_owner, a NOLOGIN role nobody logs in as, when the
-- migrating user may hand them over (a superuser, or a member of registrar_owner); otherwise the DBA does
-- (docs/schema.md) [V50]. Extension members (unaccent) stay with the extension.
DO $$
DECLARE
    object record;
BEGIN
    IF NOT ((SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
            OR pg_has_role(current_user, 'registrar_owner', 'MEMBER')) THEN
        RAISE NOTICE 'Not a member of registrar_owner: leaving ownership to the DBA';
        RETURN;
    END IF;
    FOR object IN
        SELECT format('ALTER TABLE %I.%I OWNER TO registrar_owner', n.nspname, c.relname) AS statement
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm')
          AND c.relname <> '${flyway:table}'
        UNION ALL
        SELECT format('ALTER FUNCTION %s OWNER TO registrar_owner', p.oid::regprocedure)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = current_schema()
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    LOOP
        EXECUTE object.statement;
    END LOOP;
END
$$;
