package org.registrar.assessments;

import java.util.List;
import org.registrar.assessments.data.Assessment;
import org.registrar.assessments.data.SheetRow;
import org.registrar.assessments.save.Draft;

/**
 * The only ways the save flow, the input flow and the assessment picker reach the screen: what they report and
 * what changes when a save ends or a grid opens (shared/STYLE.md: helpers get what they need as arguments, they do
 * not reach back into the ViewModel). FX thread only.
 */
final class ScreenFlows implements SaveFlow.Screen, InputFlow.Screen, AssessmentPicker.Host {
    private final BulkEntryViewModel screen;

    ScreenFlows(BulkEntryViewModel screen) {
        this.screen = screen;
    }

    @Override
    public void say(String text, boolean isError) {
        screen.say(text, isError);
    }

    @Override
    public void sayRowProblems(int rows) {
        screen.status().sayRowProblems(rows);
    }

    @Override
    public void setBusy(boolean value) {
        screen.setBusy(value);
    }

    @Override
    public void failed(Throwable failure) {
        screen.failed(failure);
    }

    @Override
    public void created(Assessment made) {
        screen.picker().created(made);
    }

    @Override
    public void nextBatch() {
        screen.drafts().nextBatch();
    }

    @Override
    public void reopenSaved(String message) {
        screen.picker().reopenAfterAppliedBatch(message);
    }

    @Override
    public void saveShown() {
        screen.journal();
        screen.refreshDrafts();
    }

    @Override
    public void dropDraft(long cohortId, Long assessmentId) {
        screen.drafts().delete(cohortId, assessmentId);
    }

    @Override
    public void leaving() {
        screen.leaving();
    }

    @Override
    public void cleared() {
        screen.cleared();
    }

    @Override
    public void show(List<SheetRow> sheet, Draft draft) {
        screen.show(sheet, draft);
    }

    @Override
    public void restoreDraft() {
        screen.restoreDraft();
    }
}
