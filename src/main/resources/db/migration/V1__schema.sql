-- Registrar schema, part 1: tables, constraints, indexes and the name-folding function.
-- Column names here are the contract the repositories query against; see docs/schema.md.

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

-- Accent- and case-folding for name search. The portable version uses core PostgreSQL only;
-- registrar_fold uses the (faster, C) unaccent dictionary when the server offers it.
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

CREATE TABLE cohorts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text     NOT NULL CONSTRAINT cohorts_name_key UNIQUE
                         CONSTRAINT cohorts_name_not_blank CHECK (btrim(name) <> ''),
    grade_level smallint NOT NULL CONSTRAINT cohorts_grade_level_range CHECK (grade_level BETWEEN 1 AND 13),
    school_year smallint NOT NULL CONSTRAINT cohorts_school_year_range CHECK (school_year BETWEEN 2000 AND 2100),
    created_at  timestamptz NOT NULL DEFAULT now()
);

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

-- Keyset paging: every sort order ends in id so the key is unique. Names sort by search_key, the
-- folded "family given" in C collation: accent- and case-insensitive, the same order on every server
-- whatever its locale, and it serves LIKE 'prefix%' too (a C-collated btree needs no text_pattern_ops).
CREATE INDEX students_search_key_id_idx ON students (search_key, id);
CREATE INDEX students_cohort_search_key_id_idx ON students (cohort_id, search_key, id);
CREATE INDEX students_updated_at_id_idx ON students (updated_at, id);

CREATE TABLE mentors (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    family_name text NOT NULL CONSTRAINT mentors_family_name_not_blank CHECK (btrim(family_name) <> ''),
    given_name  text NOT NULL,
    email       text NOT NULL CONSTRAINT mentors_email_key UNIQUE
                     CONSTRAINT mentors_email_format CHECK (email LIKE '_%@_%' AND email NOT LIKE '% %'),
    active      boolean NOT NULL DEFAULT true,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX mentors_family_given_id_idx ON mentors (family_name, given_name, id);

-- One current mentor per student: the primary key is the student.
CREATE TABLE mentor_assignments (
    student_id  bigint PRIMARY KEY REFERENCES students (id) ON DELETE CASCADE,
    mentor_id   bigint NOT NULL REFERENCES mentors (id),
    assigned_by text NOT NULL,
    assigned_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX mentor_assignments_mentor_id_idx ON mentor_assignments (mentor_id, student_id);

CREATE TABLE assessments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cohort_id   bigint NOT NULL REFERENCES cohorts (id),
    title       text NOT NULL CONSTRAINT assessments_title_not_blank CHECK (btrim(title) <> ''),
    subject     text NOT NULL CONSTRAINT assessments_subject_not_blank CHECK (btrim(subject) <> ''),
    max_score   numeric(6, 2) NOT NULL CONSTRAINT assessments_max_score_positive CHECK (max_score > 0),
    assessed_on date NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX assessments_cohort_assessed_on_idx ON assessments (cohort_id, assessed_on, id);

-- The ledger of bulk saves: the client generates the id, so a retried save finds its own row.
CREATE TABLE saved_batches (
    id            uuid PRIMARY KEY,
    kind          text NOT NULL CONSTRAINT saved_batches_kind_known CHECK (kind IN ('results', 'mentor_assignments', 'students', 'import')),
    assessment_id bigint REFERENCES assessments (id) ON DELETE SET NULL,
    row_count     integer NOT NULL CONSTRAINT saved_batches_row_count_not_negative CHECK (row_count >= 0),
    saved_by      text NOT NULL,
    saved_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX saved_batches_assessment_id_idx ON saved_batches (assessment_id) WHERE assessment_id IS NOT NULL;
CREATE INDEX saved_batches_saved_at_idx ON saved_batches (saved_at);

-- A NULL score is "not scored": excused, or only a comment so far. The upper bound (max_score of the
-- assessment) is checked by a trigger in V2 because a CHECK cannot read another table.
CREATE TABLE assessment_results (
    assessment_id bigint NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    student_id    bigint NOT NULL REFERENCES students (id),
    score         numeric(6, 2) CONSTRAINT assessment_results_score_not_negative CHECK (score >= 0),
    excused       boolean NOT NULL DEFAULT false,
    comment       text CONSTRAINT assessment_results_comment_length CHECK (length(comment) <= 2000),
    version       integer NOT NULL DEFAULT 1,
    recorded_by   text NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    batch_id      uuid REFERENCES saved_batches (id) ON DELETE SET NULL,
    PRIMARY KEY (assessment_id, student_id),
    CONSTRAINT assessment_results_excused_without_score CHECK (NOT excused OR score IS NULL)
);

CREATE INDEX assessment_results_student_id_idx ON assessment_results (student_id, assessment_id);
CREATE INDEX assessment_results_batch_id_idx ON assessment_results (batch_id) WHERE batch_id IS NOT NULL;
