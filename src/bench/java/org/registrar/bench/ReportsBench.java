package org.registrar.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.registrar.cache.CacheSettings;
import org.registrar.cache.ChangeStamps;
import org.registrar.db.Database;
import org.registrar.reports.Choices;
import org.registrar.reports.ExportFormat;
import org.registrar.reports.ReportCache;
import org.registrar.reports.ReportTable;
import org.registrar.reports.ReportTables;
import org.registrar.reports.ReportsRepository;
import org.registrar.reports.ScoreSheet;

/**
 * The reports of issue 19: each report cold (the cache emptied before each run) and warm (from the cache, the stamps
 * fresh), with the statements of a cold run; then the exports: PDF and .xlsx of the largest score sheet and .xlsx of
 * a 10,000-row table. Rows: report, students, cold_ms, warm_ms, statements.
 */
public final class ReportsBench implements BenchScenario {
    static final String OPERATION = "Bench reports";
    private static final int EXPORT_ROWS = 10_000;

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
        long[] largest = largestAssessment(database);
        Choices.Cohort cohort = cache.cohorts().stream()
                .filter(each -> each.id() == largest[1])
                .findFirst()
                .orElseThrow();
        long student = cache.students(cohort.id()).get(0).id();
        BenchResult result = new BenchResult(name(), "report", "students", "cold_ms", "warm_ms", "statements");
        ScoreSheet sheet = cache.scoreSheet(largest[0]).orElseThrow();
        report(result, measure, cache, repetitions, "score sheet", sheet.lines().size(), () -> cache.scoreSheet(largest[0]));
        report(result, measure, cache, repetitions, "class overview", sheet.lines().size(), () -> cache.classOverview(
                cohort.id(), cohort.yearStart(), cohort.yearEnd()));
        report(result, measure, cache, repetitions, "transcript", 1, () -> cache.transcript(student));
        int yearStudents = yearStudents(database, cohort);
        report(result, measure, cache, repetitions, "year overview", yearStudents, () -> cache.yearOverview(
                cohort.gradeLevel(), cohort.schoolYear()));
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
                .note("Cache: " + cache.snapshot());
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

    private static long[] largestAssessment(Database database) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT a.id, a.cohort_id FROM assessments a"
                        + " JOIN (SELECT cohort_id, count(*) AS n FROM students GROUP BY cohort_id) c"
                        + " ON c.cohort_id = a.cohort_id ORDER BY c.n DESC, a.id LIMIT 1")
                .map((rows, ctx) -> new long[] {rows.getLong(1), rows.getLong(2)})
                .one());
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
