package org.registrar.assessments.grid;

import java.math.BigDecimal;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.SheetRow;
import org.registrar.assessments.input.ParsedScore;
import org.registrar.assessments.input.ResultChanges;
import org.registrar.assessments.input.ScoreText;

/**
 * One student's row of the grid: what is saved (as loaded or last saved), what the user typed, and its state. The
 * typed score is kept as text exactly as entered, so nothing typed is lost even when it is not valid. FX thread only.
 */
public final class GridRow {
    private final long studentId;
    private final String studentNumber;
    private final String name;
    private BigDecimal savedScore;
    private boolean savedExcused;
    private String savedComment;
    private Integer basedOnVersion;
    private final StringProperty saved = new SimpleStringProperty("");
    private final StringProperty entry = new SimpleStringProperty("");
    private final StringProperty comment = new SimpleStringProperty("");
    private final ObjectProperty<RowState> state = new SimpleObjectProperty<>(RowState.UNCHANGED);
    private final StringProperty message = new SimpleStringProperty("");

    GridRow(SheetRow row) {
        this.studentId = row.studentId();
        this.studentNumber = row.studentNumber();
        this.name = row.name();
        markSaved(row.score(), row.excused(), row.comment(), row.version());
        comment.set(Objects.requireNonNullElse(row.comment(), ""));
    }

    /** Takes what is now stored as the saved state; the typed entry is cleared, the comment shows the stored one. */
    public void markSaved(BigDecimal score, boolean excused, String storedComment, Integer version) {
        savedScore = score;
        savedExcused = excused;
        savedComment = storedComment;
        basedOnVersion = version;
        saved.set(ScoreText.format(score, excused));
    }

    public String text(GridColumn column) {
        return column == GridColumn.SCORE ? entry.get() : comment.get();
    }

    public void setText(GridColumn column, String text) {
        (column == GridColumn.SCORE ? entry : comment).set(text == null ? "" : text);
    }

    /** What the cell shows when reverted: blank for the score (keep saved), the saved comment. */
    String savedText(GridColumn column) {
        return column == GridColumn.SCORE ? "" : Objects.requireNonNullElse(savedComment, "");
    }

    boolean commentEdited() {
        return commentEdited(comment.get(), savedComment);
    }

    /** True when {@code comment} differs from the saved one (surrounding blanks do not count). */
    static boolean commentEdited(String comment, String savedComment) {
        return !comment.strip()
                .equals(Objects.requireNonNullElse(savedComment, "").strip());
    }

    /**
     * This row as it stands, for work off the FX thread; null when it carries no edit (blank score, comment as
     * saved, not in the edited state), so a snapshot of a mostly untouched grid stays small.
     */
    GridSnapshot.Row snapshot() {
        String typed = entry.get();
        String text = comment.get();
        RowState now = state.get();
        if (typed.isEmpty() && now != RowState.EDITED && text.equals(Objects.requireNonNullElse(savedComment, ""))) {
            return null;
        }
        return new GridSnapshot.Row(
                studentId,
                studentNumber,
                name,
                saved.get(),
                savedScore,
                savedExcused,
                savedComment,
                basedOnVersion,
                typed,
                text,
                now);
    }

    /**
     * The change this row asks for, or null when it asks for none (blank score and comment as saved, or the same
     * score again). Call only on a row whose score reads.
     */
    public ResultChange change(ParsedScore parsed) {
        SheetRow stored = new SheetRow(
                studentId, studentNumber, name, "", null, savedScore, savedExcused, savedComment, basedOnVersion);
        return ResultChanges.of(stored, parsed, comment.get());
    }

    boolean overwrites() {
        return savedScore != null || savedExcused;
    }

    public void rebase(Integer version) {
        basedOnVersion = version;
    }

    public void setState(RowState newState, String newMessage) {
        state.set(newState);
        message.set(newMessage == null ? "" : newMessage);
    }

    public long studentId() {
        return studentId;
    }

    public String studentNumber() {
        return studentNumber;
    }

    public String name() {
        return name;
    }

    public Integer basedOnVersion() {
        return basedOnVersion;
    }

    public ReadOnlyStringProperty savedProperty() {
        return saved;
    }

    public ReadOnlyStringProperty entryProperty() {
        return entry;
    }

    public ReadOnlyStringProperty commentProperty() {
        return comment;
    }

    public ReadOnlyObjectProperty<RowState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
