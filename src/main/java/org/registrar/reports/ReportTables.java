package org.registrar.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.registrar.i18n.Messages;

/** Turns each report into the {@link ReportTable} the screen, the printer and the exports show. Pure; thread-safe. */
public final class ReportTables {
    private ReportTables() {}

    /** The score sheet: one row per student; statistics and histogram in the details. */
    public static ReportTable of(ScoreSheet sheet) {
        List<ReportTable.Column> columns = List.of(
                text("reports.column.number"),
                text("reports.column.name"),
                number("reports.column.score"),
                number("reports.column.percentage"),
                text("reports.column.comment"),
                text("reports.column.entered-by"));
        List<List<Object>> rows = new ArrayList<>();
        for (ScoreSheet.Line line : sheet.lines()) {
            rows.add(Arrays.asList(
                    line.studentNumber(),
                    line.familyName() + ", " + line.givenName(),
                    line.score(),
                    line.percentage(),
                    line.excused() ? Messages.text("reports.excused") : line.comment(),
                    line.enteredBy()));
        }
        ScoreSheet.Stats stats = sheet.stats();
        List<String> details = List.of(
                Messages.text(
                        "reports.sheet.details",
                        sheet.cohortName(),
                        sheet.subject(),
                        ReportTable.text(sheet.assessedOn()),
                        ReportTable.text(sheet.maxScore())),
                Messages.text(
                        "reports.sheet.stats",
                        stats.count(),
                        stats.missing(),
                        stats.excused(),
                        figure(stats.mean()),
                        figure(stats.median()),
                        ReportTable.text(stats.min()),
                        ReportTable.text(stats.max()),
                        figure(stats.standardDeviation())),
                Messages.text("reports.sheet.bands", bands(sheet.bands())));
        return new ReportTable(
                "score-sheet-" + sheet.assessmentId(),
                Messages.text("reports.sheet.title", sheet.title()),
                details,
                columns,
                rows,
                List.of());
    }

    /** The class overview: students × assessments, each student's mean, and a last row of assessment means. */
    public static ReportTable of(ClassOverview overview) {
        List<ReportTable.Column> columns = new ArrayList<>();
        columns.add(text("reports.column.number"));
        columns.add(text("reports.column.name"));
        for (ClassOverview.Column column : overview.assessments()) {
            columns.add(new ReportTable.Column(
                    column.title() + " (" + ReportTable.text(column.assessedOn()) + ", /"
                            + ReportTable.text(column.maxScore()) + ")",
                    ReportTable.Kind.NUMBER));
        }
        columns.add(number("reports.column.mean-percentage"));
        List<List<Object>> rows = new ArrayList<>();
        for (ClassOverview.Row student : overview.students()) {
            List<Object> row = new ArrayList<>();
            row.add(student.studentNumber());
            row.add(student.familyName() + ", " + student.givenName());
            row.addAll(student.scores());
            row.add(rounded(student.meanPercentage()));
            rows.add(row);
        }
        List<Object> means = new ArrayList<>();
        means.add(null);
        means.add(Messages.text("reports.overview.means"));
        overview.assessments().forEach(column -> means.add(rounded(column.meanScore())));
        means.add(null);
        rows.add(means);
        return new ReportTable(
                "class-overview-" + overview.cohortName(),
                Messages.text("reports.overview.title", overview.cohortName()),
                List.of(Messages.text(
                        "reports.overview.details",
                        ReportTable.text(overview.from()),
                        ReportTable.text(overview.to()),
                        overview.students().size(),
                        overview.assessments().size())),
                columns,
                rows,
                List.of());
    }

    /** The transcript: one row per result by subject and date. */
    public static ReportTable of(Transcript transcript) {
        List<ReportTable.Column> columns = List.of(
                text("reports.column.subject"),
                new ReportTable.Column(Messages.text("reports.column.date"), ReportTable.Kind.DATE),
                text("reports.column.assessment"),
                number("reports.column.score"),
                number("reports.column.max"),
                number("reports.column.percentage"),
                text("reports.column.comment"));
        List<List<Object>> rows = new ArrayList<>();
        for (Transcript.Entry entry : transcript.entries()) {
            rows.add(Arrays.asList(
                    entry.subject(),
                    entry.assessedOn(),
                    entry.title(),
                    entry.score(),
                    entry.maxScore(),
                    entry.percentage(),
                    entry.excused() ? Messages.text("reports.excused") : entry.comment()));
        }
        String name = transcript.givenName() + " " + transcript.familyName();
        return new ReportTable(
                "transcript-" + transcript.studentNumber(),
                Messages.text("reports.transcript.title", name),
                List.of(Messages.text(
                        "reports.transcript.details",
                        transcript.studentNumber(),
                        transcript.cohortName() == null ? "–" : transcript.cohortName(),
                        transcript.mentorName() == null
                                ? Messages.text("reports.transcript.no-mentor")
                                : transcript.mentorName())),
                columns,
                rows,
                List.of());
    }

    /** The year overview: cohorts × subjects of mean percentages; the assessments missing scores as notes. */
    public static ReportTable of(YearOverview year) {
        TreeSet<String> subjects = new TreeSet<>();
        Map<String, Map<String, Double>> byCohort = new LinkedHashMap<>();
        for (YearOverview.SubjectMean mean : year.means()) {
            subjects.add(mean.subject());
            byCohort.computeIfAbsent(mean.cohortName(), unused -> new LinkedHashMap<>())
                    .put(mean.subject(), mean.meanPercentage());
        }
        List<ReportTable.Column> columns = new ArrayList<>();
        columns.add(text("reports.column.class"));
        subjects.forEach(subject -> columns.add(new ReportTable.Column(subject + " %", ReportTable.Kind.NUMBER)));
        List<List<Object>> rows = new ArrayList<>();
        byCohort.forEach((cohort, means) -> {
            List<Object> row = new ArrayList<>();
            row.add(cohort);
            subjects.forEach(subject -> row.add(rounded(means.get(subject))));
            rows.add(row);
        });
        List<String> notes = new ArrayList<>();
        notes.add(Messages.text("reports.year.missing", year.missing().size()));
        for (YearOverview.Missing missing : year.missing()) {
            notes.add(Messages.text(
                    "reports.year.missing-line",
                    missing.cohortName(),
                    missing.title(),
                    ReportTable.text(missing.assessedOn()),
                    missing.students()));
        }
        return new ReportTable(
                "year-overview-" + year.gradeLevel() + "-" + year.schoolYear(),
                Messages.text(
                        "reports.year.title", new Choices.YearGroup(year.gradeLevel(), year.schoolYear()).toString()),
                List.of(Messages.text("reports.year.details", byCohort.size(), subjects.size())),
                columns,
                rows,
                notes);
    }

    private static String bands(List<Integer> bands) {
        StringBuilder text = new StringBuilder();
        for (int band = 0; band < bands.size(); band++) {
            if (band > 0) {
                text.append(" · ");
            }
            text.append(band * 10).append("+: ").append(bands.get(band));
        }
        return text.toString();
    }

    private static String figure(Double value) {
        return value == null ? "–" : String.format(Messages.locale(), "%.2f", value);
    }

    private static BigDecimal rounded(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP);
    }

    private static ReportTable.Column text(String key) {
        return new ReportTable.Column(Messages.text(key), ReportTable.Kind.TEXT);
    }

    private static ReportTable.Column number(String key) {
        return new ReportTable.Column(Messages.text(key), ReportTable.Kind.NUMBER);
    }
}
