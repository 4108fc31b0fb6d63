package org.registrar.assessments;

import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.registrar.assessments.grid.GridSnapshot;

/**
 * The open grid's edits that are not saved, as asked about when the window closes: whether there are any, what
 * they are, and the three ways out (saved, kept as a draft, discarded), each reporting when it is done so the window
 * closes only then. FX thread only.
 */
final class UnsavedEdits {
    private final Supplier<GridSnapshot> sheet;
    private final Executor draftWriter;
    private final Executor fxThread;
    private Runnable afterSave;

    /**
     * @param sheet the open grid's edited rows now (empty when no grid is open)
     * @param draftWriter where drafts are written, in order
     * @param fxThread runs a step on the FX thread
     */
    UnsavedEdits(Supplier<GridSnapshot> sheet, Executor draftWriter, Executor fxThread) {
        this.sheet = sheet;
        this.draftWriter = draftWriter;
        this.fxThread = fxThread;
    }

    /** Students of the open grid with a typed score or a changed comment not saved; 0 when none or no grid. */
    int students() {
        return sheet.get().size();
    }

    /** Runs {@code then} on the FX thread once every draft write asked for so far is on disk. */
    void afterDraftWrites(Runnable then) {
        draftWriter.execute(() -> fxThread.execute(then));
    }

    /** The next save that ends with nothing left unsaved runs {@code then}; one that leaves edits forgets it. */
    void whenSaved(Runnable then) {
        afterSave = then;
    }

    /**
     * A save ended (saved, refused or not started): what waits for it runs when nothing is left unsaved, once the
     * draft's removal is on disk (a window closing right after must not leave a stale draft behind).
     */
    void saveEnded(boolean nothingToSave) {
        Runnable waiting = afterSave;
        afterSave = null;
        if (waiting != null && (nothingToSave || students() == 0)) {
            afterDraftWrites(waiting);
        }
    }

    /** The review was dismissed: the save the close asked for will not come. */
    void forgetSave() {
        afterSave = null;
    }
}
