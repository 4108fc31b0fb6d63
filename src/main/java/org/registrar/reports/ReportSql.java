package org.registrar.reports;

import org.registrar.db.ClassPrefix;

/** The reports' statements: every figure aggregated by the server, each report in at most two statements. */
final class ReportSql {
    private ReportSql() {}

    /**
     * The score sheet in one statement: the assessment, the class statistics, the histogram (width_bucket over the
     * maximum score, the maximum itself in the top band) and one row per student of the assessment's cohort (none
     * with a null student when the class is empty).
     */
    static final String SCORE_SHEET = "WITH a AS ("
            + "  SELECT a.id, a.cohort_id, a.title, a.subject, a.max_score, a.assessed_on, c.name AS cohort_name"
            + "  FROM assessments a JOIN cohorts c ON c.id = a.cohort_id WHERE a.id = :assessment),"
            + " sheet AS ("
            + "  SELECT s.id AS student_id, s.student_number, s.family_name, s.given_name, s.search_key,"
            + "         r.score, coalesce(r.excused, false) AS excused, r.comment, r.recorded_by"
            + "  FROM a JOIN students s ON s.cohort_id = a.cohort_id"
            + "  LEFT JOIN assessment_results r ON r.assessment_id = :assessment AND r.student_id = s.id),"
            + " stats AS ("
            + "  SELECT count(score) AS scored,"
            + "         count(*) FILTER (WHERE score IS NULL AND NOT excused) AS missing,"
            + "         count(*) FILTER (WHERE excused) AS excused_count,"
            + "         CAST(avg(score) AS float8) AS mean,"
            + "         percentile_cont(0.5) WITHIN GROUP (ORDER BY score) AS median,"
            + "         min(score) AS lowest, max(score) AS highest,"
            + "         CAST(stddev_samp(score) AS float8) AS deviation"
            + "  FROM sheet),"
            + " bands AS ("
            + "  SELECT array_agg(coalesce(counted.n, 0) ORDER BY band) AS histogram"
            + "  FROM generate_series(1, 10) band"
            + "  LEFT JOIN (SELECT least(width_bucket(sheet.score, 0, a.max_score, 10), 10) AS b, CAST(count(*) AS int) AS n"
            + "             FROM sheet CROSS JOIN a WHERE sheet.score IS NOT NULL GROUP BY 1) counted ON counted.b = band)"
            + " SELECT a.id, a.title, a.subject, a.max_score, a.assessed_on, a.cohort_name,"
            + "        stats.scored, stats.missing, stats.excused_count, stats.mean, stats.median, stats.lowest,"
            + "        stats.highest, stats.deviation, bands.histogram,"
            + "        sheet.student_id, sheet.student_number, sheet.family_name, sheet.given_name, sheet.score,"
            + "        round(sheet.score * 100 / a.max_score, 1) AS percentage, sheet.excused, sheet.comment,"
            + "        sheet.recorded_by"
            + " FROM a CROSS JOIN stats CROSS JOIN bands LEFT JOIN sheet ON true"
            + " ORDER BY sheet.search_key, sheet.student_id";

    /** Class overview, statement 1: the cohort's assessments in the term with their mean scores. */
    static final String OVERVIEW_COLUMNS = "SELECT c.name AS cohort_name, a.id, a.title, a.subject, a.assessed_on,"
            + "        a.max_score, CAST(avg(r.score) AS float8) AS mean_score, count(r.score) AS scored"
            + " FROM cohorts c"
            + " LEFT JOIN assessments a ON a.cohort_id = c.id AND a.assessed_on BETWEEN :from AND :to"
            + " LEFT JOIN assessment_results r ON r.assessment_id = a.id"
            + " WHERE c.id = :cohort"
            + " GROUP BY c.name, a.id ORDER BY a.assessed_on, a.id";

    /**
     * Class overview, statement 2: each student of the cohort with their scores keyed by assessment id (so a column
     * added between the statements cannot shift them; an assessment without a result of theirs is absent) and their
     * mean percentage. Each student's results are one range of the student index, joined to the term's assessments,
     * not one index probe per student and assessment (30 × 40 probes for the class).
     */
    static final String OVERVIEW_ROWS = "SELECT s.id, s.student_number, s.family_name, s.given_name,"
            + "        array_agg(a.id ORDER BY a.assessed_on, a.id) FILTER (WHERE a.id IS NOT NULL) AS ids,"
            + "        array_agg(r.score ORDER BY a.assessed_on, a.id) FILTER (WHERE a.id IS NOT NULL) AS scores,"
            + "        CAST(avg(r.score * 100 / a.max_score) AS float8) AS mean_percentage"
            + " FROM students s"
            + " LEFT JOIN (assessment_results r JOIN assessments a ON a.id = r.assessment_id"
            + "            AND a.cohort_id = :cohort AND a.assessed_on BETWEEN :from AND :to)"
            + "   ON r.student_id = s.id"
            + " WHERE s.cohort_id = :cohort"
            + " GROUP BY s.id ORDER BY s.search_key, s.id";

    /** Transcript, statement 1: the student, their class and mentor. */
    static final String TRANSCRIPT_STUDENT = "SELECT s.id, s.student_number, s.family_name, s.given_name,"
            + "        c.name AS cohort_name, m.given_name || ' ' || m.family_name AS mentor_name"
            + " FROM students s"
            + " LEFT JOIN cohorts c ON c.id = s.cohort_id"
            + " LEFT JOIN mentor_assignments ma ON ma.student_id = s.id"
            + " LEFT JOIN mentors m ON m.id = ma.mentor_id"
            + " WHERE s.id = :student";

    /** Transcript, statement 2: the student's results by subject and date. */
    static final String TRANSCRIPT_ENTRIES = "SELECT a.subject, a.title, a.assessed_on, a.max_score, r.score,"
            + "        round(r.score * 100 / a.max_score, 1) AS percentage, r.excused, r.comment"
            + " FROM assessment_results r JOIN assessments a ON a.id = r.assessment_id"
            + " WHERE r.student_id = :student"
            + " ORDER BY a.subject, a.assessed_on, a.id";

    /**
     * The year overview in one statement, from figures the database maintains (V73, ADR 0060): per assessment of the
     * year group its tally (results scored, the sum of their scores, results done: a score or an excuse, of a student
     * still in the assessment's class) and its class's size. Then each cohort's mean percentage per subject (rows of
     * kind {@code mean}: the sum over its assessments of total × 100 / max score, divided by the scored count, which
     * is the mean of the results' percentages), and the assessments whose class has students with neither score nor
     * excuse (kind {@code missing}: class size − done). Results of students who left the class since count in the
     * means, not in the missing (ADR 0053). It reads no student and no result: before V73 it read every student of
     * the year group (one heap page each) and aggregated every result (694 ms at 1,000,000 students;
     * docs/performance.md). The assessments are read by their index per class ({@code LATERAL … OFFSET 0}).
     */
    static final String YEAR_OVERVIEW = "WITH a AS MATERIALIZED ("
            + "  SELECT a.id, a.cohort_id, c.name, a.title, a.subject, a.assessed_on, a.max_score"
            + "  FROM cohorts c CROSS JOIN LATERAL ("
            + "    SELECT a.* FROM assessments a WHERE a.cohort_id = c.id OFFSET 0) a"
            + "  WHERE c.grade_level = :grade AND c.school_year = :year),"
            + " figures AS MATERIALIZED ("
            + "  SELECT a.*, coalesce(t.scored, 0) AS scored, t.total,"
            + "         coalesce(z.students, 0) - coalesce(t.done, 0) AS missing"
            + "  FROM a LEFT JOIN assessment_tallies t ON t.assessment_id = a.id"
            + "  LEFT JOIN cohort_sizes z ON z.cohort_id = a.cohort_id)"
            + " SELECT * FROM ("
            + " SELECT 'mean' AS kind, cohort_id, name, subject, CAST(NULL AS bigint) AS id,"
            + "        CAST(NULL AS text) AS title, CAST(NULL AS date) AS assessed_on,"
            + "        CAST(sum(total * 100 / max_score) / nullif(sum(scored), 0) AS float8) AS mean_percentage,"
            + "        CAST(sum(scored) AS bigint) AS scored, CAST(0 AS bigint) AS missing"
            + " FROM figures GROUP BY cohort_id, name, subject"
            + " UNION ALL"
            + " SELECT 'missing', cohort_id, name, subject, id, title, assessed_on, NULL, scored, missing"
            + " FROM figures WHERE missing > 0) shown"
            + " ORDER BY kind, assessed_on NULLS FIRST, name, cohort_id,"
            + "          CASE WHEN kind = 'mean' THEN subject END, id";

    /** One cohort by id (the CLI's default term is its school year). */
    static final String COHORT = "SELECT id, name, grade_level, school_year FROM cohorts WHERE id = :cohort";

    /** The newest school year with a cohort of the grade level, or {@code :year} when it has one; null when none. */
    static final String YEAR_GROUP = "SELECT max(school_year) FROM cohorts WHERE grade_level = :grade"
            + " AND (CAST(:year AS int) IS NULL OR school_year = :year)";

    /**
     * Every cohort, newest school year first: what the class choice read before ADR 0073 (35,715 rows at a million
     * students); only the bench's comparison reads it now.
     */
    static final String COHORTS =
            "SELECT id, name, grade_level, school_year FROM cohorts ORDER BY school_year DESC, grade_level, name";

    /** The class the screen starts on: the first of the newest year group by name, one probe of V79's index. */
    static final String FIRST_COHORT = COHORTS + " LIMIT 1";

    /**
     * The year groups, newest school year first: a skip scan of V79's index (the first group, then for each the next
     * grade of its year or else the first of the year before), one probe per group, not a read of every class.
     */
    static final String YEAR_GROUPS = "WITH RECURSIVE groups AS ("
            + " (SELECT school_year, grade_level FROM cohorts ORDER BY school_year DESC, grade_level LIMIT 1)"
            + " UNION ALL"
            + " SELECT following.school_year, following.grade_level FROM groups g CROSS JOIN LATERAL ("
            + "  (SELECT c.school_year, c.grade_level FROM cohorts c"
            + "   WHERE c.school_year = g.school_year AND c.grade_level > g.grade_level"
            + "   ORDER BY c.school_year DESC, c.grade_level LIMIT 1)"
            + "  UNION ALL"
            + "  (SELECT c.school_year, c.grade_level FROM cohorts c WHERE c.school_year < g.school_year"
            + "   ORDER BY c.school_year DESC, c.grade_level LIMIT 1)"
            + "  LIMIT 1) following)"
            + " SELECT school_year, grade_level FROM groups";

    /**
     * The class picker's answer (ADR 0073): the first :shown classes whose folded name starts with :typed (the one
     * prefix statement every class picker shares) with their year group, and how many matched, up to :counted.
     */
    static final String CLASSES_STARTING_WITH = "SELECT c.id, c.name, c.grade_level, c.school_year, m.matched"
            + " FROM (" + ClassPrefix.FIRST_MATCHES + ") m JOIN cohorts c ON c.id = m.id"
            + " ORDER BY m.folded, m.id";

    static final String ASSESSMENTS = "SELECT id, cohort_id, title, subject, max_score, assessed_on FROM assessments"
            + " WHERE cohort_id = :cohort ORDER BY assessed_on DESC, id DESC";

    static final String STUDENTS = "SELECT id, student_number, family_name, given_name FROM students"
            + " WHERE cohort_id = :cohort ORDER BY search_key, id";
}
