package org.registrar.reports;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Jdbi;

/**
 * The reports, each read in at most two statements with every figure aggregated by the server, and the picker
 * lists. Every method blocks on the database: never call from the FX thread. Thread-safe.
 */
public final class ReportsRepository {
    /** Classes the class picker shows for a prefix: enough to pick from, few enough to send at once. */
    public static final int CLASSES_SHOWN = 100;
    /** Matches counted for the picker's "N more" hint; beyond it the hint says "more than". */
    public static final int CLASSES_COUNTED = 1000;

    private final Jdbi jdbi;

    public ReportsRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The score sheet of an assessment in one statement; empty when there is no such assessment. Blocking. */
    public Optional<ScoreSheet> scoreSheet(long assessmentId) {
        ScoreSheetReader read = jdbi.withHandle(handle -> handle.createQuery(ReportSql.SCORE_SHEET)
                .bind("assessment", assessmentId)
                .reduceResultSet((ScoreSheetReader) null, (reader, rows, context) -> {
                    ScoreSheetReader into = reader == null ? new ScoreSheetReader(rows) : reader;
                    into.add(rows);
                    return into;
                }));
        return Optional.ofNullable(read).flatMap(ScoreSheetReader::sheet);
    }

    /** Students × assessments of a cohort assessed between {@code from} and {@code to}, in two statements. Blocking. */
    public Optional<ClassOverview> classOverview(long cohortId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(handle -> {
            List<ClassOverview.Column> columns = new ArrayList<>();
            String[] cohortName = {null};
            handle.createQuery(ReportSql.OVERVIEW_COLUMNS)
                    .bind("cohort", cohortId)
                    .bind("from", from)
                    .bind("to", to)
                    .map((rows, context) -> {
                        cohortName[0] = rows.getString("cohort_name");
                        if (rows.getObject("id") != null) {
                            columns.add(new ClassOverview.Column(
                                    rows.getLong("id"),
                                    rows.getString("title"),
                                    rows.getString("subject"),
                                    rows.getObject("assessed_on", LocalDate.class),
                                    rows.getBigDecimal("max_score"),
                                    (Double) rows.getObject("mean_score"),
                                    rows.getInt("scored")));
                        }
                        return 0;
                    })
                    .list();
            if (cohortName[0] == null) {
                return Optional.<ClassOverview>empty();
            }
            List<ClassOverview.Row> students = handle.createQuery(ReportSql.OVERVIEW_ROWS)
                    .bind("cohort", cohortId)
                    .bind("from", from)
                    .bind("to", to)
                    .map((rows, context) -> overviewRow(rows, columns))
                    .list();
            return Optional.of(new ClassOverview(cohortId, cohortName[0], from, to, columns, students));
        });
    }

    /** One student's results with their class and mentor, in two statements; empty for no such student. Blocking. */
    public Optional<Transcript> transcript(long studentId) {
        return jdbi.withHandle(handle -> handle.createQuery(ReportSql.TRANSCRIPT_STUDENT)
                .bind("student", studentId)
                .map((rows, context) -> new Transcript(
                        rows.getLong("id"),
                        rows.getString("student_number"),
                        rows.getString("family_name"),
                        rows.getString("given_name"),
                        rows.getString("cohort_name"),
                        rows.getString("mentor_name"),
                        List.of()))
                .findOne()
                .map(student -> new Transcript(
                        student.studentId(),
                        student.studentNumber(),
                        student.familyName(),
                        student.givenName(),
                        student.cohortName(),
                        student.mentorName(),
                        handle.createQuery(ReportSql.TRANSCRIPT_ENTRIES)
                                .bind("student", studentId)
                                .map((rows, context) -> new Transcript.Entry(
                                        rows.getString("subject"),
                                        rows.getString("title"),
                                        rows.getObject("assessed_on", LocalDate.class),
                                        rows.getBigDecimal("max_score"),
                                        rows.getBigDecimal("score"),
                                        rows.getBigDecimal("percentage"),
                                        rows.getBoolean("excused"),
                                        rows.getString("comment")))
                                .list())));
    }

    /**
     * Every cohort of a year group with its mean per subject and the assessments missing scores, in one statement.
     * Blocking.
     */
    public YearOverview yearOverview(int gradeLevel, int schoolYear) {
        List<YearOverview.SubjectMean> means = new ArrayList<>();
        List<YearOverview.Missing> missing = new ArrayList<>();
        jdbi.useHandle(handle -> handle.createQuery(ReportSql.YEAR_OVERVIEW)
                .bind("grade", gradeLevel)
                .bind("year", schoolYear)
                .map((rows, context) -> {
                    if ("mean".equals(rows.getString("kind"))) {
                        means.add(new YearOverview.SubjectMean(
                                rows.getLong("cohort_id"),
                                rows.getString("name"),
                                rows.getString("subject"),
                                (Double) rows.getObject("mean_percentage"),
                                rows.getInt("scored")));
                    } else {
                        missing.add(new YearOverview.Missing(
                                rows.getLong("id"),
                                rows.getString("name"),
                                rows.getString("title"),
                                rows.getString("subject"),
                                rows.getObject("assessed_on", LocalDate.class),
                                rows.getInt("missing")));
                    }
                    return 0;
                })
                .list());
        return new YearOverview(gradeLevel, schoolYear, means, missing);
    }

    /** One cohort; empty when there is no such cohort. Blocking. */
    public Optional<Choices.Cohort> cohort(long cohortId) {
        return jdbi.withHandle(handle -> handle.createQuery(ReportSql.COHORT)
                .bind("cohort", cohortId)
                .map((rows, context) -> cohortOf(rows))
                .findOne());
    }

    /**
     * The school year of the year group {@code gradeLevel}: {@code schoolYear} when it has a cohort of that grade,
     * the newest school year with one when {@code schoolYear} is null; empty when there is none. Blocking.
     */
    public OptionalInt yearGroup(int gradeLevel, Integer schoolYear) {
        Integer found = jdbi.withHandle(handle -> handle.createQuery(ReportSql.YEAR_GROUP)
                .bind("grade", gradeLevel)
                .bind("year", schoolYear)
                .mapTo(Integer.class)
                .one());
        return found == null ? OptionalInt.empty() : OptionalInt.of(found);
    }

    /**
     * Every cohort, newest school year first: what the screen read before ADR 0073, kept for the bench's comparison
     * (no screen reads it). Blocking.
     */
    public List<Choices.Cohort> cohorts() {
        return jdbi.withHandle(handle -> handle.createQuery(ReportSql.COHORTS)
                .map((rows, context) -> cohortOf(rows))
                .list());
    }

    /** The class the screen starts on: the first of the newest year group by name; empty when there is none. Blocking. */
    public Optional<Choices.Cohort> firstCohort() {
        return jdbi.withHandle(handle -> handle.createQuery(ReportSql.FIRST_COHORT)
                .map((rows, context) -> cohortOf(rows))
                .findFirst());
    }

    /** The year groups (school year and grade level with a class), newest school year first. Blocking. */
    public List<Choices.YearGroup> yearGroups() {
        return jdbi.withHandle(handle -> handle.createQuery(ReportSql.YEAR_GROUPS)
                .map((rows, context) -> new Choices.YearGroup(rows.getInt("grade_level"), rows.getInt("school_year")))
                .list());
    }

    /**
     * The first {@value #CLASSES_SHOWN} classes whose name starts with {@code typed} (case and accents ignored; all of
     * them for ""), in one statement, with how many matched up to {@value #CLASSES_COUNTED}. Blocking.
     */
    public Choices.ClassMatches classesStartingWith(String typed) {
        long[] matched = {0};
        List<Choices.Cohort> cohorts = jdbi.withHandle(handle -> handle.createQuery(ReportSql.CLASSES_STARTING_WITH)
                .bind("typed", typed == null ? "" : typed.strip())
                .bind("counted", CLASSES_COUNTED)
                .bind("shown", CLASSES_SHOWN)
                .map((rows, context) -> {
                    matched[0] = rows.getLong("matched");
                    return cohortOf(rows);
                })
                .list());
        return new Choices.ClassMatches(cohorts, matched[0], matched[0] >= CLASSES_COUNTED);
    }

    /** A cohort's assessments, newest first. Blocking. */
    public List<Choices.Assessment> assessments(long cohortId) {
        return jdbi.withHandle(handle -> handle.createQuery(ReportSql.ASSESSMENTS)
                .bind("cohort", cohortId)
                .map((rows, context) -> new Choices.Assessment(
                        rows.getLong("id"),
                        rows.getLong("cohort_id"),
                        rows.getString("title"),
                        rows.getString("subject"),
                        rows.getBigDecimal("max_score"),
                        rows.getObject("assessed_on", LocalDate.class)))
                .list());
    }

    /** A cohort's students by name. Blocking. */
    public List<Choices.Student> students(long cohortId) {
        return jdbi.withHandle(handle -> handle.createQuery(ReportSql.STUDENTS)
                .bind("cohort", cohortId)
                .map((rows, context) -> new Choices.Student(
                        rows.getLong("id"),
                        rows.getString("student_number"),
                        rows.getString("family_name"),
                        rows.getString("given_name")))
                .list());
    }

    private static Choices.Cohort cohortOf(ResultSet rows) throws SQLException {
        return new Choices.Cohort(
                rows.getLong("id"), rows.getString("name"), rows.getInt("grade_level"), rows.getInt("school_year"));
    }

    private static ClassOverview.Row overviewRow(ResultSet rows, List<ClassOverview.Column> columns)
            throws SQLException {
        Long[] ids = array(rows.getArray("ids"), Long[].class);
        BigDecimal[] scores = array(rows.getArray("scores"), BigDecimal[].class);
        Map<Long, BigDecimal> byAssessment = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            byAssessment.put(ids[i], scores[i]);
        }
        List<BigDecimal> aligned = new ArrayList<>();
        columns.forEach(column -> aligned.add(byAssessment.get(column.assessmentId())));
        return new ClassOverview.Row(
                rows.getLong("id"),
                rows.getString("student_number"),
                rows.getString("family_name"),
                rows.getString("given_name"),
                aligned,
                (Double) rows.getObject("mean_percentage"));
    }

    private static <T> T[] array(Array array, Class<T[]> type) throws SQLException {
        if (array == null) {
            return type.cast(java.lang.reflect.Array.newInstance(type.getComponentType(), 0));
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.copyOf(values, values.length, type);
    }

    /** Builds the score sheet from the one statement's rows (the sheet's figures repeat on each row). */
    private static final class ScoreSheetReader {
        private final ScoreSheet head;
        private final List<ScoreSheet.Line> lines = new ArrayList<>();

        ScoreSheetReader(ResultSet rows) throws SQLException {
            Integer[] histogram = array(rows.getArray("histogram"), Integer[].class);
            head = new ScoreSheet(
                    rows.getLong("id"),
                    rows.getString("cohort_name"),
                    rows.getString("title"),
                    rows.getString("subject"),
                    rows.getBigDecimal("max_score"),
                    rows.getObject("assessed_on", LocalDate.class),
                    List.of(),
                    new ScoreSheet.Stats(
                            rows.getInt("scored"),
                            rows.getInt("missing"),
                            rows.getInt("excused_count"),
                            (Double) rows.getObject("mean"),
                            (Double) rows.getObject("median"),
                            rows.getBigDecimal("lowest"),
                            rows.getBigDecimal("highest"),
                            (Double) rows.getObject("deviation")),
                    Arrays.asList(histogram));
        }

        void add(ResultSet rows) throws SQLException {
            if (rows.getObject("student_id") == null) {
                return;
            }
            lines.add(new ScoreSheet.Line(
                    rows.getLong("student_id"),
                    rows.getString("student_number"),
                    rows.getString("family_name"),
                    rows.getString("given_name"),
                    rows.getBigDecimal("score"),
                    rows.getBigDecimal("percentage"),
                    rows.getBoolean("excused"),
                    rows.getString("comment"),
                    rows.getString("recorded_by")));
        }

        Optional<ScoreSheet> sheet() {
            return Optional.of(new ScoreSheet(
                    head.assessmentId(),
                    head.cohortName(),
                    head.title(),
                    head.subject(),
                    head.maxScore(),
                    head.assessedOn(),
                    lines,
                    head.stats(),
                    head.bands()));
        }
    }
}
