package org.registrar.reports;

import org.registrar.i18n.Messages;

/** The four reports of the Reports screen, each with what it is asked for. */
public enum ReportKind {
    SCORE_SHEET,
    CLASS_OVERVIEW,
    TRANSCRIPT,
    YEAR_OVERVIEW;

    /** The report's name in the chosen language. */
    public String label() {
        return switch (this) {
            case SCORE_SHEET -> Messages.text("reports.kind.score-sheet");
            case CLASS_OVERVIEW -> Messages.text("reports.kind.class-overview");
            case TRANSCRIPT -> Messages.text("reports.kind.transcript");
            case YEAR_OVERVIEW -> Messages.text("reports.kind.year-overview");
        };
    }

    /** The operation name QueryMetrics counts its statements under. */
    String operation() {
        return switch (this) {
            case SCORE_SHEET -> "Report: score sheet";
            case CLASS_OVERVIEW -> "Report: class overview";
            case TRANSCRIPT -> "Report: transcript";
            case YEAR_OVERVIEW -> "Report: year overview";
        };
    }

    boolean needsCohort() {
        return this != YEAR_OVERVIEW;
    }

    @Override
    public String toString() {
        return label();
    }
}
