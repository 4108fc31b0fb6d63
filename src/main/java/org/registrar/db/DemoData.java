package org.registrar.db;

import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Fills an empty, migrated database with a deterministic demo school: cohorts, students, mentors, mentor
 * assignments, assessments and their results. Everything is derived from series numbers with integer hashes, so
 * the same {@code students} always gives the same data. Each table is one set-based {@code INSERT ... SELECT}
 * (never a loop of statements), all in one transaction, followed by {@code ANALYZE}. Thread-safe (stateless);
 * blocking: never call on the FX thread.
 */
public final class DemoData {
    /** The number of students the app loads on a first start of the embedded server. */
    public static final int DEFAULT_STUDENTS = 20_000;
    /** The largest load: student numbers are 'S' and seven digits. */
    public static final int MAX_STUDENTS = 9_999_999;
    /** The start's demo data check: one row of {@code students} at most, whatever their number. */
    public static final String IS_EMPTY = "SELECT NOT EXISTS (SELECT FROM students)";

    static final int STUDENTS_PER_COHORT = 28;
    static final int ASSESSMENTS_PER_COHORT = 3;
    static final int MIN_MENTORS = 150;
    static final int STUDENTS_PER_MENTOR = 130;

    /** What a load inserted and how long it took, ANALYZE included. */
    public record Summary(int cohorts, int students, int mentors, int assessments, long results, Duration elapsed) {}

    private DemoData() {}

    /**
     * Loads {@code students} demo students (1 to {@value #MAX_STUDENTS}) and everything around them into an empty
     * database, as the tables' owner (it re-creates their indexes and keys, see below). When cohorts, students,
     * mentors or assessments already exist, nothing changes and Jdbi's {@code UnableToExecuteStatementException}
     * says "demo data goes into an empty database only"; {@code students} out of range is an
     * {@link IllegalArgumentException}.
     */
    public static Summary load(Jdbi jdbi, int students) {
        if (students < 1 || students > MAX_STUDENTS) {
            throw new IllegalArgumentException("students must be 1 to " + MAX_STUDENTS + ", was " + students);
        }
        long started = System.nanoTime();
        int cohorts = cohortsFor(students);
        int mentors = mentorsFor(students);
        long results = jdbi.inTransaction(handle -> insertAll(handle, students, cohorts, mentors));
        jdbi.useHandle(handle -> handle.execute(
                "ANALYZE mentor_summaries, row_counts, result_history, change_stamps, student_name_marks,"
                        + " cohort_sizes, assessment_tallies"));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new Summary(cohorts, students, mentors, cohorts * ASSESSMENTS_PER_COHORT, results, elapsed);
    }

    /** True when the database holds no students (a fresh install that may want demo data). */
    public static boolean isEmpty(Jdbi jdbi) {
        return jdbi.withHandle(
                handle -> handle.createQuery(IS_EMPTY).mapTo(Boolean.class).one());
    }

    static int cohortsFor(int students) {
        return (students + STUDENTS_PER_COHORT - 1) / STUDENTS_PER_COHORT;
    }

    static int mentorsFor(int students) {
        return Math.max(MIN_MENTORS, students / STUDENTS_PER_MENTOR);
    }

    private static long insertAll(Handle handle, int students, int cohorts, int mentors) {
        requireEmpty(handle);
        sessionSettings(handle);
        handle.execute(DEFER_INDEXES_SQL);
        // The maintained tables (V65 mentor summaries and row counts, V72 name marks, V73 class sizes and tallies) are
        // filled by the statements that insert the rows they count, from the rows those statements return: their
        // triggers would copy every generated row into a transition table (and probe the name marks once per
        // student), and recounting them afterwards read the million students and 2.8 million results back (the
        // mentors' recount joined every assignment with its student; 3.2 s, the name marks 2.3 s at a million
        // students on a quiet machine). DemoDataTest checks that every maintained table equals its full recount.
        // Generated results start as version 1, so each one's insert event is its own row (V54) and no history row
        // is written. The key check (V51, V53) looks keys up, the score check reads each assessment's maximum and
        // refuses a recorded_at other than now(), and the indexes are deferred here: the rows come from a join with
        // assessments and students, their scores from each assessment's maximum and their dates from the term, so
        // they are valid by construction (keys and score bounds checked by DemoDataTest).
        switchTriggers(handle, "DISABLE");
        EMPTY_MAINTAINED.forEach(handle::execute);
        long results = generateMaintainedRows(handle, students, cohorts, mentors);
        switchTriggers(handle, "ENABLE");
        handle.execute(RESTORE_INDEXES_SQL);
        handle.execute(ANALYZE_LOADED_SQL);
        handle.createUpdate(RESTART_IDENTITIES_SQL)
                .bind("cohorts", cohorts)
                .bind("students", students)
                .bind("mentors", mentors)
                .bind("assessments", cohorts * ASSESSMENTS_PER_COHORT)
                .execute();
        return results;
    }

    /**
     * The same rows as {@link #generateRows}, by the same statements, each wrapped so that it also fills the tables
     * maintained from its rows. Returns the number of results.
     */
    private static long generateMaintainedRows(Handle handle, int students, int cohorts, int mentors) {
        handle.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        insert(handle, COHORTS_SQL, students, cohorts, mentors);
        insert(handle, MENTORS_SQL, students, cohorts, mentors);
        count(handle, STUDENTS_SIZES_AND_MARKS_SQL, students, cohorts, mentors);
        count(handle, ASSIGNMENTS_AND_SUMMARIES_SQL, students, cohorts, mentors);
        insert(handle, ASSESSMENTS_SQL, students, cohorts, mentors);
        return count(handle, RESULTS_AND_TALLIES_SQL, students, cohorts, mentors);
    }

    /** The load's session settings, for its transaction only; {@link DemoFloor} uses the same. */
    static void sessionSettings(Handle handle) {
        handle.execute("SET LOCAL synchronous_commit = off");
        handle.execute("SET LOCAL work_mem = '256MB'");
        handle.execute("SET LOCAL maintenance_work_mem = '512MB'");
    }

    /**
     * The school's rows, one {@code INSERT ... SELECT} per table, into the tables {@code search_path} names (the
     * real ones, or {@link DemoFloor}'s copies). Returns the number of results.
     */
    static long generateRows(Handle handle, int students, int cohorts, int mentors) {
        handle.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        insert(handle, COHORTS_SQL, students, cohorts, mentors);
        insert(handle, MENTORS_SQL, students, cohorts, mentors);
        insert(handle, STUDENTS_SQL, students, cohorts, mentors);
        insert(handle, ASSIGNMENTS_SQL, students, cohorts, mentors);
        insert(handle, ASSESSMENTS_SQL, students, cohorts, mentors);
        return insert(handle, RESULTS_SQL, students, cohorts, mentors);
    }

    /**
     * Insert triggers the load replaces: the maintained counts and name marks (filled by the inserts themselves), the
     * result checks (see above).
     */
    private static final List<String> REPLACED_TRIGGERS = List.of(
            "m_count_on_insert ON students",
            "y_sizes_on_insert ON students",
            "n_marks_on_insert ON students",
            "m_summaries_on_insert ON mentor_assignments",
            "a_check_keys_on_insert ON assessment_results",
            "a_check_scores_on_insert ON assessment_results",
            "y_tallies_on_insert ON assessment_results");

    private static void switchTriggers(Handle handle, String how) {
        for (String trigger : REPLACED_TRIGGERS) {
            String[] parts = trigger.split(" ON ");
            handle.execute("ALTER TABLE " + parts[1] + " " + how + " TRIGGER " + parts[0]);
        }
    }

    private static void requireEmpty(Handle handle) {
        handle.execute("DO $$ BEGIN IF EXISTS (SELECT FROM cohorts) OR EXISTS (SELECT FROM students)"
                + " OR EXISTS (SELECT FROM mentors) OR EXISTS (SELECT FROM assessments) THEN"
                + " RAISE EXCEPTION 'demo data goes into an empty database only'; END IF; END $$");
    }

    private static int insert(Handle handle, String sql, int students, int cohorts, int mentors) {
        return bindAll(handle.createUpdate(sql), students, cohorts, mentors).execute();
    }

    /** Runs a {@code WITH inserted AS (INSERT ... RETURNING ...) ... SELECT count(*) FROM inserted}. */
    private static long count(Handle handle, String sql, int students, int cohorts, int mentors) {
        return bindAll(handle.createQuery(sql), students, cohorts, mentors)
                .mapTo(Long.class)
                .one();
    }

    private static <T extends SqlStatement<T>> T bindAll(T statement, int students, int cohorts, int mentors) {
        return statement
                .bind("students", students)
                .bind("cohorts", cohorts)
                .bind("mentors", mentors)
                .bindArray("family", String.class, FAMILY_NAMES.displayed())
                .bindArray("familyAscii", String.class, FAMILY_NAMES.ascii())
                .bindArray("given", String.class, GIVEN_NAMES.displayed())
                .bindArray("givenAscii", String.class, GIVEN_NAMES.ascii())
                .bindArray("subjects", String.class, SUBJECTS)
                .bindArray("comments", String.class, COMMENTS);
    }

    /**
     * SQL for a deterministic pseudo-random number 0..65535 from {@code key}: the high 16 bits of a 32-bit
     * multiplicative hash. Different {@code salt}s use different multipliers so picks are independent.
     */
    static String hash(String key, int salt) {
        long multiplier = MULTIPLIERS.get(salt % MULTIPLIERS.size());
        return "((((" + key + ") % 2147483648) * " + multiplier + " % 4294967296) / 65536)";
    }

    /** SQL for the class of student {@code id}: the students are dealt to the classes in turn. */
    static String cohortOf(String id) {
        return "(1 + (" + id + " - 1) % :cohorts)";
    }

    /** SQL for a 1-based pick among {@code size} items. */
    static String pick(String key, int salt, String size) {
        return "(1 + " + hash(key, salt) + " % " + size + ")";
    }

    private static final List<Long> MULTIPLIERS =
            List.of(1597334677L, 1103515245L, 1664525L, 22695477L, 1140671485L, 214013L, 134775813L, 1013904223L);

    /**
     * Bulk tables load much faster with their indexes and keys built once afterwards (by sorting) than maintained
     * row by row. The definitions come from the catalog, so the migrations stay their only source; dropping and
     * re-creating happens inside the load's transaction, so a failed load leaves the schema as it was.
     */
    private static final String DEFER_INDEXES_SQL = """
            DO $$
            DECLARE
                bulk regclass[] := ARRAY['cohorts', 'mentors', 'students', 'mentor_assignments', 'assessments',
                                         'assessment_results', 'result_history']::regclass[];
                deferred record;
            BEGIN
                CREATE TEMP TABLE demo_deferred (step int, position serial, restore text, drop text) ON COMMIT DROP;
                INSERT INTO demo_deferred (step, restore, drop)
                SELECT CASE c.contype WHEN 'f' THEN 3 ELSE 1 END,
                       format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname,
                              pg_get_constraintdef(c.oid)),
                       format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname)
                  FROM pg_constraint c
                 WHERE (c.contype = 'f' AND (c.conrelid = ANY (bulk) OR c.confrelid = ANY (bulk)))
                    OR (c.contype IN ('p', 'u') AND c.conrelid = ANY (bulk))
                 ORDER BY c.contype = 'f' DESC, c.conname;
                INSERT INTO demo_deferred (step, restore, drop)
                SELECT 2, pg_get_indexdef(i.indexrelid), format('DROP INDEX %s', i.indexrelid::regclass)
                  FROM pg_index i
                 WHERE i.indrelid = ANY (bulk)
                   AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                 ORDER BY i.indexrelid;
                FOR deferred IN SELECT drop FROM demo_deferred ORDER BY step DESC, position LOOP
                    EXECUTE deferred.drop;
                END LOOP;
            END
            $$""";

    private static final String RESTORE_INDEXES_SQL = """
            DO $$
            DECLARE
                deferred record;
            BEGIN
                FOR deferred IN SELECT restore FROM demo_deferred ORDER BY step, position LOOP
                    EXECUTE deferred.restore;
                END LOOP;
                DROP TABLE demo_deferred;
            END
            $$""";

    private static final String COHORTS_SQL = "INSERT INTO cohorts (id, name, grade_level, school_year, created_at)"
            + " OVERRIDING SYSTEM VALUE"
            + " SELECT k, format('%s%s-%s', 1 + (k - 1) % 13, chr(65 + ((k - 1) / 13) % 6), lpad(k::text, 5, '0')),"
            + "        1 + (k - 1) % 13, 2025, timestamptz '2025-08-01 08:00:00+00'"
            + " FROM generate_series(1, :cohorts) k";

    private static final String MENTORS_SQL =
            "INSERT INTO mentors (id, family_name, given_name, email, active, updated_at)"
                    + " OVERRIDING SYSTEM VALUE"
                    + " SELECT m, (CAST(:family AS text[]))[f], (CAST(:given AS text[]))[g],"
                    + "        (CAST(:givenAscii AS text[]))[g] || '.' || (CAST(:familyAscii AS text[]))[f] || '.' || m"
                    + "            || '@staff.example.org',"
                    + "        m % 17 <> 0, timestamptz '2025-08-01 08:00:00+00' + " + hash("m", 2)
                    + " % 300 * interval '1 hour'"
                    + " FROM generate_series(1, :mentors) m,"
                    + "      LATERAL (SELECT " + pick("m * 7919", 0, "cardinality(CAST(:family AS text[]))") + " AS f,"
                    + "                      " + pick("m * 7919", 1, "cardinality(CAST(:given AS text[]))")
                    + " AS g) p";

    private static final String STUDENTS_SQL = "INSERT INTO students (id, student_number, family_name, given_name,"
            + " email, status, cohort_id, created_at, updated_at) OVERRIDING SYSTEM VALUE"
            + " SELECT n, 'S' || lpad(n::text, 7, '0'), (CAST(:family AS text[]))[f], (CAST(:given AS text[]))[g],"
            + "        (CAST(:givenAscii AS text[]))[g] || '.' || (CAST(:familyAscii AS text[]))[f] || '.' || n"
            + "            || '@students.example.org',"
            + "        CASE WHEN s < 92 THEN 'active' WHEN s < 95 THEN 'on_leave' WHEN s < 98 THEN 'withdrawn'"
            + "             ELSE 'graduated' END,"
            + "        " + cohortOf("n") + ", created, created + " + hash("n", 4) + " % 400 * interval '1 day'"
            + " FROM generate_series(1, :students) n,"
            + "      LATERAL (SELECT " + pick("n", 0, "cardinality(CAST(:family AS text[]))") + " AS f,"
            + "                      " + pick("n", 1, "cardinality(CAST(:given AS text[]))") + " AS g,"
            + "                      " + hash("n", 2) + " % 100 AS s,"
            + "                      timestamptz '2022-08-22 07:30:00+00' + " + hash("n", 3)
            + "                          % 1095 * interval '1 day' AS created) p";

    private static final String ASSIGNMENTS_SQL = "INSERT INTO mentor_assignments (student_id, mentor_id, assigned_by,"
            + " assigned_at)"
            + " SELECT n, " + pick("n", 6, ":mentors") + ", session_user,"
            + "        timestamptz '2025-08-25 08:00:00+00' + " + hash("n", 7) + " % 5000 * interval '1 minute'"
            + " FROM generate_series(1, :students) n"
            + " WHERE " + hash("n", 5) + " % 100 < 85";

    private static final String ASSESSMENTS_SQL = "INSERT INTO assessments (id, cohort_id, title, subject, max_score,"
            + " assessed_on, created_by, created_at) OVERRIDING SYSTEM VALUE"
            + " SELECT (k - 1) * 3 + j, k, subject || ' ' || (ARRAY['quiz', 'test', 'project', 'oral exam'])[1 + x % 4]"
            + "            || ' ' || j, subject, (ARRAY[10, 20, 25, 50, 100])[1 + x / 4 % 5],"
            + "        date '2025-09-08' + ((j - 1) * 35 + x % 21)::int, session_user, timestamptz '2025-09-01 08:00:00+00'"
            + " FROM generate_series(1, :cohorts) k, generate_series(1, 3) j,"
            + "      LATERAL (SELECT " + hash("k * 3 + j", 0) + " AS x) h,"
            + "      LATERAL (SELECT (CAST(:subjects AS text[]))["
            + pick("k * 3 + j", 1, "cardinality(CAST(:subjects AS text[]))")
            + "] AS subject) s";

    /** x decides skipped (7%), excused (4%) and commented (12.5%); y the score, the comment and the day. */
    private static final String RESULTS_SQL =
            "INSERT INTO assessment_results (assessment_id, student_id, score, excused,"
                    + " comment, recorded_by, recorded_at)"
                    + " SELECT id, student_id, CASE WHEN excused THEN NULL ELSE round(max_score * (35 + y % 66) / 100, 1) END,"
                    + "        excused, CASE WHEN x / 2500 % 8 = 0 THEN (CAST(:comments AS text[]))[1 + y / 66 % cardinality(CAST(:comments AS text[]))] END,"
                    + "        session_user, (assessed_on + time '15:00' + y / 792 % 7 * interval '1 day') AT TIME ZONE 'UTC'"
                    + " FROM (SELECT a.id, s.id AS student_id, a.max_score, a.assessed_on, x, y, x / 100 % 25 = 0 AS excused"
                    + "         FROM assessments a JOIN students s ON s.cohort_id = a.cohort_id,"
                    + "              LATERAL (SELECT " + hash("a.id * 1000003 + s.id", 0) + " AS x,"
                    + "                              " + hash("a.id * 1000003 + s.id", 1) + " AS y) h"
                    + "        WHERE x % 100 >= 7) r";

    /**
     * The maintained tables emptied under the locks their recounts take (V65, V72, V73); the name marks' first mark,
     * which an empty school has too, is written again with the others.
     */
    private static final List<String> EMPTY_MAINTAINED = List.of(
            "LOCK TABLE mentor_summaries, row_counts, student_name_marks, cohort_sizes, assessment_tallies"
                    + " IN EXCLUSIVE MODE",
            "DELETE FROM mentor_summaries",
            "DELETE FROM student_name_marks",
            "DELETE FROM cohort_sizes",
            "DELETE FROM assessment_tallies");

    /**
     * The students, and from the rows they return: each class's size (V73) and the students' row count (V65), and
     * what registrar_rebuild_name_marks() writes (V72): a mark at every 1,000th student in name order, the first one
     * ('', 0), each with the number of students up to the next. Name order is numbered by the rank of each of the
     * ~1,600 distinct names, so the million rows sort by two numbers instead of by text.
     */
    private static final String STUDENTS_SIZES_AND_MARKS_SQL = "WITH inserted AS (" + STUDENTS_SQL
            + "     RETURNING id, search_key, cohort_id),"
            + " sizes AS (INSERT INTO cohort_sizes (cohort_id, students)"
            + "     SELECT cohort_id, count(*) FROM inserted WHERE cohort_id IS NOT NULL GROUP BY cohort_id),"
            + " names AS (SELECT search_key, dense_rank() OVER (ORDER BY search_key COLLATE \"C\") AS rank"
            + "     FROM (SELECT DISTINCT search_key FROM inserted) d),"
            + " marks AS (INSERT INTO student_name_marks (search_key, student_id, students)"
            + "     SELECT CASE WHEN pos = 0 THEN '' ELSE search_key END, CASE WHEN pos = 0 THEN 0 ELSE id END,"
            + "            least(1000, :students - pos)"
            + "       FROM (SELECT i.search_key, i.id, row_number() OVER (ORDER BY n.rank, i.id) - 1 AS pos"
            + "               FROM inserted i JOIN names n ON n.search_key = i.search_key) numbered"
            + "      WHERE pos % 1000 = 0),"
            + " counted AS (UPDATE row_counts SET row_count = (SELECT count(*) FROM inserted)"
            + "     WHERE table_name = 'students')"
            + " SELECT count(*) FROM inserted";

    /**
     * The assignments, and from the rows they return: every mentor's summary (V65, V71: what
     * registrar_recount_all_mentors() writes) and the assignments' row count. A student's class comes from the formula
     * that dealt the students to classes, rather than from a join with a million students.
     */
    private static final String ASSIGNMENTS_AND_SUMMARIES_SQL = "WITH inserted AS (" + ASSIGNMENTS_SQL
            + "     RETURNING student_id, mentor_id, assigned_at),"
            + " summaries AS (INSERT INTO mentor_summaries (mentor_id, students, last_assigned_at, cohort_names,"
            + "                                            first_cohorts, cohort_count)"
            + "     SELECT m.id, coalesce(c.students, 0), c.last_assigned_at, coalesce(c.cohort_names, '{}'),"
            + "            coalesce(c.cohort_names[1 : 3], '{}'), coalesce(cardinality(c.cohort_names), 0)"
            + "       FROM mentors m"
            + "       LEFT JOIN (SELECT a.mentor_id, CAST(count(*) AS int) AS students,"
            + "                         max(a.assigned_at) AS last_assigned_at,"
            + "                         array_agg(DISTINCT k.name COLLATE \"C\" ORDER BY k.name COLLATE \"C\")"
            + "                             AS cohort_names"
            + "                    FROM inserted a JOIN cohorts k ON k.id = " + cohortOf("a.student_id")
            + "                   GROUP BY a.mentor_id) c ON c.mentor_id = m.id),"
            + " counted AS (UPDATE row_counts SET row_count = (SELECT count(*) FROM inserted)"
            + "     WHERE table_name = 'mentor_assignments')"
            + " SELECT count(*) FROM inserted";

    /**
     * The results, and from the rows they return what registrar_recount_year_tallies() counts per assessment, without
     * its join of every result with its student: a generated result's student is in the assessment's class by
     * construction (the results come from that join), so every result with a score or an excuse is done.
     */
    private static final String RESULTS_AND_TALLIES_SQL = "WITH inserted AS (" + RESULTS_SQL
            + "     RETURNING assessment_id, score, excused),"
            + " tallies AS (INSERT INTO assessment_tallies (assessment_id, scored, total, done)"
            + "     SELECT assessment_id, count(score), coalesce(sum(score), 0),"
            + "            count(*) FILTER (WHERE score IS NOT NULL OR excused)"
            + "       FROM inserted GROUP BY assessment_id)"
            + " SELECT count(*) FROM inserted";

    private static final String ANALYZE_LOADED_SQL =
            "ANALYZE cohorts, students, mentors, mentor_assignments, assessments, assessment_results";

    private static final String RESTART_IDENTITIES_SQL =
            "SELECT setval(pg_get_serial_sequence('cohorts', 'id'), :cohorts),"
                    + " setval(pg_get_serial_sequence('students', 'id'), :students),"
                    + " setval(pg_get_serial_sequence('mentors', 'id'), :mentors),"
                    + " setval(pg_get_serial_sequence('assessments', 'id'), :assessments)";

    /** Display names and their ASCII e-mail forms, "Display=ascii;...", from the languages of a European school. */
    private static final Names FAMILY_NAMES = Names.parse("Müller=mueller;Schmidt=schmidt;Weiß=weiss;Schäfer=schaefer;"
            + "Dubois=dubois;Lefèvre=lefevre;Girard=girard;Bélanger=belanger;García=garcia;Fernández=fernandez;"
            + "Martínez=martinez;Peña=pena;Nowak=nowak;Wójcik=wojcik;Kowalczyk=kowalczyk;Łukaszewski=lukaszewski;"
            + "Yılmaz=yilmaz;Şahin=sahin;Çelik=celik;Öztürk=ozturk;Nguyễn=nguyen;Trần=tran;Lê=le;Phạm=pham;"
            + "Smith=smith;O'Brien=obrien;Johnson=johnson;Williams=williams;Johansson=johansson;Sørensen=sorensen;"
            + "Åberg=aberg;Björk=bjork;Rossi=rossi;Esposito=esposito;Novák=novak;Dvořák=dvorak;van der Berg=vanderberg;"
            + "De Smet=desmet;Papadopoulos=papadopoulos;Kovačević=kovacevic");

    private static final Names GIVEN_NAMES = Names.parse("Lukas=lukas;Jürgen=juergen;Sophie=sophie;Zoë=zoe;"
            + "Chloé=chloe;Élodie=elodie;François=francois;Léa=lea;José=jose;Lucía=lucia;Iñigo=inigo;Sofía=sofia;"
            + "Łucja=lucja;Małgorzata=malgorzata;Paweł=pawel;Zofia=zofia;Ayşe=ayse;Emre=emre;Gülşen=gulsen;"
            + "İbrahim=ibrahim;Minh=minh;Thảo=thao;Đức=duc;Phương=phuong;Oliver=oliver;Emma=emma;Liam=liam;"
            + "Grace=grace;Søren=soren;Åsa=asa;Björn=bjorn;Ingrid=ingrid;Giulia=giulia;Matteo=matteo;Tomáš=tomas;"
            + "Anežka=anezka;Niamh=niamh;Sean=sean;Ana=ana;Noah=noah");
    private static final List<String> SUBJECTS = List.of(
            "Mathematics",
            "German",
            "English",
            "French",
            "Spanish",
            "Physics",
            "Chemistry",
            "Biology",
            "History",
            "Geography",
            "Music",
            "Art",
            "Computer science");
    private static final List<String> COMMENTS = List.of(
            "Très bien, continue ainsi",
            "Sehr gründlich gearbeitet",
            "Needs to review fractions",
            "Late submission",
            "Excellent oral presentation",
            "Bardzo dobrze",
            "Muy buen trabajo",
            "Careless mistakes in part 2",
            "Retake offered",
            "Çok iyi",
            "Great improvement since last term",
            "Handwriting hard to read");

    /** Parallel lists of displayed names and their ASCII forms. */
    private record Names(List<String> displayed, List<String> ascii) {
        static Names parse(String pairs) {
            List<String[]> split = java.util.Arrays.stream(pairs.split(";"))
                    .map(pair -> pair.split("="))
                    .toList();
            return new Names(
                    split.stream().map(pair -> pair[0]).toList(),
                    split.stream().map(pair -> pair[1]).toList());
        }
    }
}
