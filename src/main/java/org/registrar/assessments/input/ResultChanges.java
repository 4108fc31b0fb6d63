package org.registrar.assessments.input;

import java.math.BigDecimal;
import java.util.Objects;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.SheetRow;

/** What one entered score and comment change against what is saved. Pure and thread-safe. */
public final class ResultChanges {
    private ResultChanges() {}

    /**
     * The change, or null when there is none: a blank score keeps the saved one (never 0), the same score again
     * changes nothing, a null comment keeps the saved comment.
     *
     * @param parsed a score that reads (not {@link ParsedScore.Kind#INVALID})
     */
    public static ResultChange of(SheetRow saved, ParsedScore parsed, String comment) {
        String savedComment = saved.comment();
        boolean commentEdited = comment != null
                && !comment.strip()
                        .equals(Objects.requireNonNullElse(savedComment, "").strip());
        String newComment = commentEdited ? (comment.isBlank() ? null : comment.strip()) : savedComment;
        BigDecimal score = saved.score();
        return switch (parsed.kind()) {
            case BLANK -> commentEdited ? change(saved, score, saved.excused(), newComment) : null;
            case EXCUSED -> saved.excused() && !commentEdited ? null : change(saved, null, true, newComment);
            case VALUE ->
                !saved.excused() && score != null && score.compareTo(parsed.value()) == 0 && !commentEdited
                        ? null
                        : change(saved, parsed.value(), false, newComment);
            case INVALID -> throw new IllegalArgumentException("score of " + saved.studentNumber() + " does not read");
        };
    }

    private static ResultChange change(SheetRow saved, BigDecimal score, boolean excused, String comment) {
        return new ResultChange(saved.studentId(), score, excused, comment, saved.version());
    }
}
