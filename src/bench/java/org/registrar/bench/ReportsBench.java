package org.registrar.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.registrar.cache.CacheSettings;
import org.registrar.cache.ChangeStamps;
import org.registrar.db.Database;
import org.registrar.reports.Choices;
import org.registrar.reports.ExportFormat;
import org.registrar.reports.ReportCache;
import org.registrar.reports.ReportPlans;
import org.registrar.reports.ReportTable;
import org.registrar.reports.ReportTables;
import org.registrar.reports.ReportsRepository;
import org.registrar.reports.ScoreSheet;

/**
 * The reports of issue 19 on a class of 30 students × 40 assessments: each report cold (the cache emptied before
 * each run) and warm (from the cache, the stamps fresh), with the statements of a cold run; the plans of every
 * report statement; then the exports: PDF and .xlsx of the score sheet and .xlsx of a 10,000-row table. Rows:
 * report, students, cold_ms, warm_ms, statements.
 */
public final class ReportsBench implements BenchScenario {
    static final String OPERATION = "Bench reports";
    private static final int EXPORT_ROWS = 10_000;
    static final String CLASS = "BENCH-30x40";

    @Override
    public String name() {
        return "reports";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        Database database = context.database();
        Measure measure = Measure.of(context);
        ReportCache cache = new ReportCache(
                new ReportsRepository(database.jdbi()),
                new ChangeStamps(database.jdbi()),
                new CacheSettings(Duration.ofMinutes(5), Duration.ofMinutes(5), 1000));
        int repetitions = Math.max(5, context.repetitions());
        long[] thirty = classOfThirty(database);
        Choices.Cohort cohort =
                new ReportsRepository(database.jdbi()).cohort(thirty[1]).orElseThrow();
        long student = cache.students(cohort.id()).get(0).id();
        BenchResult result = new BenchResult(name(), "report", "students", "cold_ms", "warm_ms", "statements");
        ScoreSheet sheet = cache.scoreSheet(thirty[0]).orElseThrow();
        report(result, measure, cache, repetitions, "score sheet", sheet.lines().size(), () -> cache.scoreSheet(thirty[0]));
        report(result, measure, cache, repetitions, "class overview", sheet.lines().size(), () -> cache.classOverview(
                cohort.id(), cohort.yearStart(), cohort.yearEnd()));
        report(result, measure, cache, repetitions, "transcript", 1, () -> cache.transcript(student));
        int yearStudents = yearStudents(database, cohort);
        report(result, measure, cache, repetitions, "year overview", yearStudents, () -> cache.yearOverview(
                cohort.gradeLevel(), cohort.schoolYear()));
        String scans = plans(database, thirty[0], cohort, student);
        ReportTable table = ReportTables.of(sheet);
        Path folder = Files.createTempDirectory("registrar-reports-bench");
        export(result, measure, repetitions, "PDF of the score sheet", table, ExportFormat.PDF, folder);
        export(result, measure, repetitions, "xlsx of the score sheet", table, ExportFormat.XLSX, folder);
        ReportTable big = ReportTables.of(synthetic(sheet, EXPORT_ROWS));
        export(result, measure, repetitions, "xlsx of 10,000 rows", big, ExportFormat.XLSX, folder);
        export(result, measure, repetitions, "PDF of 10,000 rows", big, ExportFormat.PDF, folder);
        return result.note(String.format(
                        "%,d students in the school; %d repetitions. cold: the cache emptied before each run (the"
                                + " change stamps fresh, so no stamp query); warm: read from the cache; statements"
                                + " of one more cold run (QueryMetrics). Exports: written to a temporary file, no"
                                + " statement.",
                        context.students(), repetitions))
                .note("Cache: " + cache.snapshot())
                .note("Plans (printed above): " + scans);
    }

    /**
     * Prints the plans of every report statement and says which read a whole table of students, assessments or
     * results (a sequential scan that would not hold at a million students).
     */
    private static String plans(Database database, long assessment, Choices.Cohort cohort, long student) {
        Map<String, String> plans = new ReportPlans(database.jdbi())
                .of(assessment, cohort.id(), cohort.yearStart(), cohort.yearEnd(), student, cohort.gradeLevel(),
                        cohort.schoolYear());
        List<String> whole = new ArrayList<>();
        plans.forEach((statement, plan) -> {
            System.out.println("### Plan: " + statement);
            System.out.println(plan);
            System.out.println();
            for (String table : new String[] {"students", "assessments", "assessment_results"}) {
                if (plan.contains("Seq Scan on " + table + " ")) {
                    whole.add(statement + " reads all of " + table);
                }
            }
        });
        return whole.isEmpty() ? "no statement reads a whole table of students, assessments or results"
                : String.join("; ", whole);
    }

    private static void report(
            BenchResult result,
            Measure measure,
            ReportCache cache,
            int repetitions,
            String name,
            int students,
            Supplier<Object> read)
            throws Exception {
        Measure.Figures cold = measure.time(OPERATION, repetitions, () -> {
            cache.invalidateAll();
            read.get();
        });
        read.get();
        Measure.Figures warm = measure.time(OPERATION, repetitions * 20, () -> {
            read.get();
        });
        result.row(name, students, cold.median(), warm.median(), cold.statements());
        if (warm.statements() != 0) {
            result.note(name + ": a warm read ran " + warm.statements() + " statements");
        }
    }

    private static void export(
            BenchResult result,
            Measure measure,
            int repetitions,
            String name,
            ReportTable table,
            ExportFormat format,
            Path folder)
            throws Exception {
        Path file = folder.resolve("export." + format.extension());
        Measure.Figures figures = measure.time(OPERATION, repetitions, () -> {
            try {
                format.write(table, file, LocalDate.now());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        result.row(name, table.rows().size(), figures.median(), null, figures.statements());
        Files.deleteIfExists(file);
    }

    private static ScoreSheet synthetic(ScoreSheet like, int rows) {
        List<ScoreSheet.Line> lines = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            ScoreSheet.Line line = like.lines().get(i % like.lines().size());
            lines.add(new ScoreSheet.Line(
                    i, line.studentNumber(), line.familyName(), line.givenName(), line.score(),
                    line.percentage(), line.excused(), line.comment(), line.enteredBy()));
        }
        return new ScoreSheet(
                like.assessmentId(), like.cohortName(), like.title(), like.subject(), like.maxScore(),
                like.assessedOn(), lines, like.stats(), like.bands());
    }

    /**
     * The class the bars speak of: 30 students × 40 assessments, every result scored, added once to the
     * demo school (the demo classes have 28 students and 3 assessments) as class {@value #CLASS} of year group 7.
     * Its first assessment and its id. Blocking.
     */
    private static long[] classOfThirty(Database database) {
        return database.jdbi().inTransaction(handle -> {
            Long existing = handle.createQuery("SELECT id FROM cohorts WHERE name = :name")
                    .bind("name", CLASS)
                    .mapTo(Long.class)
                    .findOne()
                    .orElse(null);
            long cohort = existing != null ? existing : handle.createQuery("INSERT INTO cohorts (name, grade_level,"
                            + " school_year) VALUES (:name, 7, 2025) RETURNING id")
                    .bind("name", CLASS)
                    .mapTo(Long.class)
                    .one();
            if (existing == null) {
                handle.createUpdate("INSERT INTO students (student_number, family_name, given_name, cohort_id)"
                                + " SELECT 'BENCH30-' || n, (ARRAY['Nguyễn', 'Łukaszewski', 'Weiß', 'García',"
                                + " 'Ørsted'])[1 + n % 5], 'Student ' || n, :cohort FROM generate_series(1, 30) n")
                        .bind("cohort", cohort)
                        .execute();
                handle.createUpdate("INSERT INTO assessments (cohort_id, title, subject, max_score, assessed_on)"
                                + " SELECT :cohort, 'Bench test ' || j, (ARRAY['Mathematics', 'English', 'Biology',"
                                + " 'History'])[1 + j % 4], 20, date '2025-09-01' + j * 7 FROM generate_series(1, 40) j")
                        .bind("cohort", cohort)
                        .execute();
                handle.createUpdate("INSERT INTO assessment_results (assessment_id, student_id, score)"
                                + " SELECT a.id, s.id, round(a.max_score * ((a.id * 31 + s.id * 17) % 101) / 100, 1)"
                                + " FROM assessments a JOIN students s ON s.cohort_id = a.cohort_id"
                                + " WHERE a.cohort_id = :cohort")
                        .bind("cohort", cohort)
                        .execute();
            }
            long assessment = handle.createQuery("SELECT min(id) FROM assessments WHERE cohort_id = :cohort")
                    .bind("cohort", cohort)
                    .mapTo(Long.class)
                    .one();
            return new long[] {assessment, cohort};
        });
    }

    private static int yearStudents(Database database, Choices.Cohort cohort) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM students s JOIN cohorts c"
                        + " ON c.id = s.cohort_id WHERE c.grade_level = :g AND c.school_year = :y")
                .bind("g", cohort.gradeLevel())
                .bind("y", cohort.schoolYear())
                .mapTo(Integer.class)
                .one());
    }
}
