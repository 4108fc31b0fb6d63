package org.registrar.assessments;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.assessments.grid.GridColumn;
import org.registrar.assessments.grid.GridEditor;
import org.registrar.assessments.grid.GridRow;
import org.registrar.assessments.grid.GridSnapshot;
import org.registrar.assessments.save.Draft;
import org.registrar.assessments.save.DraftStore;
import org.registrar.i18n.Messages;

/**
 * The open grid's draft: the batch id its next save carries, the draft found when the grid opened (offered until
 * restored or discarded), and writing or deleting the draft on {@code draftWriter}, in order. FX thread only.
 */
final class GridDrafts {
    private final DraftStore drafts;
    private final Executor draftWriter;
    private final GridEditor editor;
    private final StringProperty offer = new SimpleStringProperty("");
    private Draft offered;
    private UUID batchId = UUID.randomUUID();

    /** @param draftWriter writes drafts, in order, off the FX thread */
    GridDrafts(DraftStore drafts, Executor draftWriter, GridEditor editor) {
        this.drafts = drafts;
        this.draftWriter = draftWriter;
        this.editor = editor;
    }

    /** The batch id the next save carries (reused by a retry, kept in the draft). */
    UUID batchId() {
        return batchId;
    }

    /** A save ended or a grid opened: the next save is a new batch. */
    void nextBatch() {
        batchId = UUID.randomUUID();
    }

    /** A grid opened with {@code draft} left of it (null: none): it is offered. */
    void offer(Draft draft) {
        offered = draft;
        offer.set(
                draft == null
                        ? ""
                        : Messages.text(
                                "messages.grid.draftOffered",
                                draft.entries().size(),
                                java.time.format.DateTimeFormatter.ofLocalizedDateTime(
                                                java.time.format.FormatStyle.MEDIUM)
                                        .withLocale(Messages.locale())
                                        .format(draft.updatedAt()
                                                .atZone(ZoneId.systemDefault())
                                                .toLocalDateTime()
                                                .withNano(0))));
    }

    /** The offered draft, no longer offered; null when none was. */
    Draft take() {
        Draft draft = offered;
        offered = null;
        offer.set("");
        return draft;
    }

    /** Puts {@code draft}'s entries back into the grid, based on the versions they were typed against. */
    void restore(Draft draft) {
        batchId = draft.batchId();
        List<GridEditor.CellEdit> edits = new ArrayList<>();
        for (Draft.Entry entry : draft.entries()) {
            GridRow row = editor.row(entry.studentId());
            if (row != null) {
                row.rebase(entry.basedOnVersion());
                edits.add(editor.set(row, GridColumn.SCORE, entry.score()));
                if (entry.comment() != null) {
                    edits.add(editor.set(row, GridColumn.COMMENT, entry.comment()));
                }
            }
        }
        editor.apply(edits);
    }

    /** Writes the open grid's draft (deletes it when nothing is edited); read now, written on the draft writer. */
    void write(long cohortId, Long assessmentId, NewAssessment created) {
        // read on the FX thread in one cheap pass; the draft is built and written on the draft writer
        GridSnapshot sheet = GridSnapshot.of(editor.rows());
        UUID batch = batchId;
        Instant at = Instant.now();
        draftWriter.execute(() -> {
            Draft draft = sheet.draft(batch, cohortId, assessmentId, created, at);
            if (draft.entries().isEmpty()) {
                drafts.delete(draft.cohortId(), draft.assessmentId());
            } else {
                drafts.save(draft);
            }
        });
    }

    void delete(long cohortId, Long assessmentId) {
        draftWriter.execute(() -> drafts.delete(cohortId, assessmentId));
    }

    /** What the draft on offer holds, empty when none is offered. */
    ReadOnlyStringProperty offerProperty() {
        return offer;
    }
}
