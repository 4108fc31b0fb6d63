package org.registrar.app;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import org.registrar.i18n.Messages;
import org.registrar.reports.Choices;
import org.registrar.reports.ExportFormat;
import org.registrar.reports.ReportKind;
import org.registrar.reports.ReportTable;
import org.registrar.reports.ReportTables;
import org.registrar.reports.ReportsRepository;

/**
 * What {@code registrar export} was asked for, checked before any connection: the report, the format and the one
 * id (or year group and term) that report needs; an option the report does not use is refused rather than ignored.
 * Immutable.
 *
 * @param id the assessment, cohort or student id, or the grade level of a year overview
 * @param schoolYear the year overview's school year, or null for the newest
 * @param from the class overview's first day, or null for its class's school year
 * @param to the class overview's last day, or null
 */
record ExportRequest(ReportKind kind, ExportFormat format, long id, Integer schoolYear, LocalDate from, LocalDate to) {

    /** Arguments that cannot make a request; the message says why, in the chosen language. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** A report read, or why not: {@code table} null and {@code message} the reason; else its size in words. */
    record Outcome(ReportTable table, String message) {}

    static ExportRequest of(
            String report,
            String format,
            String assessment,
            String cohort,
            String term,
            String student,
            String year,
            String schoolYear)
            throws Refused {
        ReportKind kind = kind(report);
        ExportFormat chosen = format(format);
        String[] options = {"--assessment", "--cohort", "--term", "--student", "--year", "--school-year"};
        String[] values = {assessment, cohort, term, student, year, schoolYear};
        for (int i = 0; i < options.length; i++) {
            if (values[i] != null && !uses(kind, options[i])) {
                throw new Refused(Messages.text("cli.export.notFor", options[i], report, needs(kind)));
            }
        }
        String idOption = needs(kind);
        String idValue = switch (kind) {
            case SCORE_SHEET -> assessment;
            case CLASS_OVERVIEW -> cohort;
            case TRANSCRIPT -> student;
            case YEAR_OVERVIEW -> year;
        };
        if (idValue == null) {
            throw new Refused(Messages.text("cli.export.needs", report, idOption));
        }
        long id = positive(idOption, idValue);
        Integer school = schoolYear == null ? null : (int) positive("--school-year", schoolYear);
        LocalDate[] days = term == null ? new LocalDate[2] : term(term);
        return new ExportRequest(kind, chosen, id, school, days[0], days[1]);
    }

    /** Reads the report: one or two statements, a third for a default term or year. Blocking. */
    Outcome read(ReportsRepository reports) {
        return switch (kind) {
            case SCORE_SHEET ->
                reports.scoreSheet(id)
                        .map(sheet -> new Outcome(
                                ReportTables.of(sheet),
                                Messages.text(
                                        "cli.export.students", sheet.lines().size())))
                        .orElseGet(() -> missing(Messages.text("cli.export.noAssessment", String.valueOf(id))));
            case CLASS_OVERVIEW -> classOverview(reports);
            case TRANSCRIPT ->
                reports.transcript(id)
                        .map(transcript -> new Outcome(
                                ReportTables.of(transcript),
                                Messages.text(
                                        "cli.export.results",
                                        transcript.entries().size())))
                        .orElseGet(() -> missing(Messages.text("cli.export.noStudent", String.valueOf(id))));
            case YEAR_OVERVIEW -> yearOverview(reports);
        };
    }

    private Outcome classOverview(ReportsRepository reports) {
        LocalDate first = from;
        LocalDate last = to;
        if (first == null) {
            Optional<Choices.Cohort> cohort = reports.cohort(id);
            if (cohort.isEmpty()) {
                return missing(Messages.text("cli.export.noCohort", String.valueOf(id)));
            }
            first = cohort.get().yearStart();
            last = cohort.get().yearEnd();
        }
        return reports.classOverview(id, first, last)
                .map(overview -> new Outcome(
                        ReportTables.of(overview),
                        Messages.text("cli.export.students", overview.students().size())))
                .orElseGet(() -> missing(Messages.text("cli.export.noCohort", String.valueOf(id))));
    }

    private Outcome yearOverview(ReportsRepository reports) {
        OptionalInt found = reports.yearGroup((int) id, schoolYear);
        if (found.isEmpty()) {
            return missing(
                    schoolYear == null
                            ? Messages.text("cli.export.noYearGroup", String.valueOf(id))
                            : Messages.text(
                                    "cli.export.noYearGroupIn", String.valueOf(id), String.valueOf(schoolYear)));
        }
        ReportTable table = ReportTables.of(reports.yearOverview((int) id, found.getAsInt()));
        return new Outcome(table, Messages.text("cli.export.rows", table.rows().size()));
    }

    private static Outcome missing(String message) {
        return new Outcome(null, message);
    }

    private static ReportKind kind(String report) throws Refused {
        return switch (report) {
            case "score-sheet" -> ReportKind.SCORE_SHEET;
            case "class-overview" -> ReportKind.CLASS_OVERVIEW;
            case "transcript" -> ReportKind.TRANSCRIPT;
            case "year-overview" -> ReportKind.YEAR_OVERVIEW;
            default -> throw new Refused(Messages.text("cli.export.unknownReport", report));
        };
    }

    private static ExportFormat format(String format) throws Refused {
        try {
            return ExportFormat.named(format);
        } catch (IllegalArgumentException unknown) {
            throw new Refused(Messages.text("cli.export.unknownFormat", format));
        }
    }

    /** The option naming what the report is of. */
    private static String needs(ReportKind kind) {
        return switch (kind) {
            case SCORE_SHEET -> "--assessment";
            case CLASS_OVERVIEW -> "--cohort";
            case TRANSCRIPT -> "--student";
            case YEAR_OVERVIEW -> "--year";
        };
    }

    private static boolean uses(ReportKind kind, String option) {
        return option.equals(needs(kind))
                || (kind == ReportKind.CLASS_OVERVIEW && option.equals("--term"))
                || (kind == ReportKind.YEAR_OVERVIEW && option.equals("--school-year"));
    }

    private static long positive(String option, String value) throws Refused {
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed > 0 && (!option.equals("--year") && !option.equals("--school-year") || parsed < 10_000)) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, with the option's name
        }
        throw new Refused(Messages.text("cli.export.notAnId", option, value));
    }

    private static LocalDate[] term(String term) throws Refused {
        String[] parts = term.strip().split("\\.\\.", -1);
        try {
            if (parts.length == 2) {
                LocalDate first = LocalDate.parse(parts[0].strip());
                LocalDate last = LocalDate.parse(parts[1].strip());
                if (!last.isBefore(first)) {
                    return new LocalDate[] {first, last};
                }
            }
        } catch (DateTimeParseException notADate) {
            // refused below
        }
        throw new Refused(Messages.text("cli.export.badTerm", term));
    }
}
