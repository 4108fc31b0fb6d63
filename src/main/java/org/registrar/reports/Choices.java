package org.registrar.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.registrar.i18n.Messages;

/** What a report can be asked for: the picker lists of the Reports screen. Immutable values. */
public final class Choices {
    private Choices() {}

    /** A class (cohort) and its year group. */
    public record Cohort(long id, String name, int gradeLevel, int schoolYear) {
        /** The first and last day of the cohort's school year (1 August to 31 July). */
        public LocalDate yearStart() {
            return LocalDate.of(schoolYear, 8, 1);
        }

        public LocalDate yearEnd() {
            return LocalDate.of(schoolYear + 1, 7, 31);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The classes the class picker shows for what was typed (the first ones by name) and how many matched in all:
     * exactly {@code matched}, or at least that many when {@code atLeast} (ADR 0073).
     */
    public record ClassMatches(List<Cohort> cohorts, long matched, boolean atLeast) {
        public ClassMatches {
            cohorts = List.copyOf(cohorts);
        }

        /** How many matched but are not shown (the list was cut); 0 when every match is shown. */
        public long more() {
            return Math.max(0, matched - cohorts.size());
        }
    }

    /** An assessment of a cohort. */
    public record Assessment(
            long id, long cohortId, String title, String subject, BigDecimal maxScore, LocalDate assessedOn) {
        @Override
        public String toString() {
            return ReportTable.text(assessedOn) + " · " + title;
        }
    }

    /** A student of a cohort. */
    public record Student(long id, String studentNumber, String familyName, String givenName) {
        @Override
        public String toString() {
            return familyName + ", " + givenName + " (" + studentNumber + ")";
        }
    }

    /** The cohorts of one grade level in one school year. */
    public record YearGroup(int gradeLevel, int schoolYear) {
        @Override
        public String toString() {
            return Messages.text(
                    "reports.year.group",
                    String.valueOf(gradeLevel),
                    schoolYear + "/" + String.format(java.util.Locale.ROOT, "%02d", (schoolYear + 1) % 100));
        }
    }
}
