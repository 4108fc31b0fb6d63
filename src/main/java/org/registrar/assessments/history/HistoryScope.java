package org.registrar.assessments.history;

import org.registrar.i18n.Messages;

/**
 * Whose changes a history view lists; each scope is one fixed filter, applied to {@code result_history} and to the
 * results whose insert event is still their own row (version 1, V54).
 */
public enum HistoryScope {
    STUDENT_IN_ASSESSMENT(
            "start.history.student-in-assessment", "%1$s.assessment_id = :assessment AND %1$s.student_id = :student"),
    STUDENT("start.history.student", "%1$s.student_id = :student"),
    ASSESSMENT("start.history.assessment", "%1$s.assessment_id = :assessment");

    private final String label;
    private final String filter;

    HistoryScope(String label, String filter) {
        this.label = label;
        this.filter = filter;
    }

    /** The scope's condition on the table aliased {@code alias}. */
    String filter(String alias) {
        return filter.formatted(alias);
    }

    /**
     * The keyset key of an insert event within this scope, the same whether the event is still its result's row or
     * has moved into the history: the assessment when the scope is one student, else the student, negated so it never
     * equals the id of another history row (those sort by id).
     */
    String rowEventKey(String alias) {
        return "-" + alias + (this == STUDENT ? ".assessment_id" : ".student_id");
    }

    boolean needsStudent() {
        return this != ASSESSMENT;
    }

    boolean needsAssessment() {
        return this != STUDENT;
    }

    @Override
    public String toString() {
        return Messages.text(label);
    }
}
