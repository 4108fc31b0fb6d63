package org.registrar.assessments;

/** Whose changes a history view lists; each scope is one fixed filter of {@code result_history}. */
enum HistoryScope {
    STUDENT_IN_ASSESSMENT("This student, this assessment", "h.assessment_id = :assessment AND h.student_id = :student"),
    STUDENT("This student, all assessments", "h.student_id = :student"),
    ASSESSMENT("Whole assessment", "h.assessment_id = :assessment");

    private final String label;
    private final String filter;

    HistoryScope(String label, String filter) {
        this.label = label;
        this.filter = filter;
    }

    String filter() {
        return filter;
    }

    boolean needsStudent() {
        return this != ASSESSMENT;
    }

    boolean needsAssessment() {
        return this != STUDENT;
    }

    @Override
    public String toString() {
        return label;
    }
}
