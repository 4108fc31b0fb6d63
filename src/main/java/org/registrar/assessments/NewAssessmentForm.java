package org.registrar.assessments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.i18n.Messages;

/** The fields of "New assessment…": title, subject, date and maximum score, as typed. FX thread only. */
final class NewAssessmentForm {
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty subject = new SimpleStringProperty("");
    private final StringProperty date = new SimpleStringProperty(LocalDate.now().toString());
    private final StringProperty maxScore = new SimpleStringProperty("20");

    /** The maximum score typed, or null while it is not a positive number with at most 2 decimals. */
    BigDecimal max() {
        try {
            BigDecimal value = new BigDecimal(maxScore.get().strip().replace(',', '.'));
            return value.signum() > 0 && value.scale() <= 2 && value.compareTo(new BigDecimal("9999.99")) <= 0
                    ? value
                    : null;
        } catch (NumberFormatException notNumber) {
            return null;
        }
    }

    /** What is missing or wrong, or null when the form is complete. */
    String problem() {
        if (title.get().isBlank()) {
            return Messages.text("messages.newAssessment.title");
        }
        if (subject.get().isBlank()) {
            return Messages.text("messages.newAssessment.subject");
        }
        if (max() == null) {
            return Messages.text("messages.newAssessment.max");
        }
        try {
            LocalDate.parse(date.get().strip());
        } catch (DateTimeParseException badDate) {
            return Messages.text("messages.newAssessment.date");
        }
        return null;
    }

    NewAssessment toNewAssessment(long cohortId) {
        return new NewAssessment(
                cohortId,
                title.get().strip(),
                subject.get().strip(),
                max(),
                LocalDate.parse(date.get().strip()));
    }

    void fill(NewAssessment from) {
        title.set(from.title());
        subject.set(from.subject());
        date.set(from.assessedOn().toString());
        maxScore.set(from.maxScore().stripTrailingZeros().toPlainString());
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public StringProperty dateProperty() {
        return date;
    }

    public StringProperty maxScoreProperty() {
        return maxScore;
    }
}
