package org.registrar.assessments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.registrar.assessments.data.NewAssessment;
import org.registrar.assessments.data.ResultChange;
import org.registrar.assessments.data.SaveOutcome;
import org.registrar.assessments.data.SaveRequest;
import org.registrar.assessments.save.Draft;

/**
 * What one save is for: its batch id, cohort, assessment (or the new one) and maximum score. {@link #collect} works
 * out the request and the draft from a {@link GridSnapshot}, on any thread. Immutable and thread-safe.
 */
record SaveBatch(UUID id, long cohortId, Long assessmentId, NewAssessment created, BigDecimal maxScore) {

    /** A request to send, and the draft written before its first attempt. */
    record Collected(SaveRequest request, Draft journal) {}

    /** A result the save wrote: the change and the version it now has. */
    record SavedRow(ResultChange change, Integer version) {}

    /** The outcome, with each saved row's change looked up (on the worker, so the FX thread only marks rows). */
    record Saved(SaveOutcome outcome, List<SavedRow> rows) {
        static Saved of(SaveRequest request, SaveOutcome outcome) {
            Map<Long, ResultChange> byStudent = new HashMap<>();
            request.changes().forEach(change -> byStudent.put(change.studentId(), change));
            List<SavedRow> rows = new ArrayList<>(outcome.savedVersions().size());
            outcome.savedVersions()
                    .forEach((student, version) -> rows.add(new SavedRow(byStudent.get(student), version)));
            return new Saved(outcome, List.copyOf(rows));
        }
    }

    /** The request and draft of the snapshot's changes; null when no row asks for a change. */
    Collected collect(GridSnapshot sheet) {
        List<ResultChange> changes = sheet.changes(maxScore);
        if (changes.isEmpty()) {
            return null;
        }
        SaveRequest request = created != null
                ? SaveRequest.creating(id, created, changes)
                : SaveRequest.existing(id, assessmentId, changes);
        return new Collected(request, sheet.draft(id, cohortId, assessmentId, created, Instant.now()));
    }
}
