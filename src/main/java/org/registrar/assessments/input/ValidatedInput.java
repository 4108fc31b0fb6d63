package org.registrar.assessments.input;

import java.util.List;
import org.registrar.assessments.data.SheetRow;

/** Input after validation: the rows that can be applied and the problems, by line. Immutable. */
public record ValidatedInput(List<ValidRow> valid, List<Problem> problems) {
    public ValidatedInput {
        valid = List.copyOf(valid);
        problems = List.copyOf(problems);
    }

    /** A row that passed: its line, the student it names, its score and comment (null: keep the saved one). */
    public record ValidRow(int line, SheetRow student, ParsedScore score, String comment) {}
}
