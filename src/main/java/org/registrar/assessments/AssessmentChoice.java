package org.registrar.assessments;

import org.registrar.assessments.data.Assessment;
import org.registrar.i18n.Messages;

/** An entry of the assessment picker: an existing assessment, or (assessment null) "New assessment…". Immutable. */
public record AssessmentChoice(Assessment assessment) {
    public static final AssessmentChoice NEW = new AssessmentChoice(null);

    public boolean isNew() {
        return assessment == null;
    }

    @Override
    public String toString() {
        return isNew() ? Messages.text("assessments.picker.new") : assessment.describe();
    }
}
