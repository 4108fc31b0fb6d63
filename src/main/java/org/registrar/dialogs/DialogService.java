package org.registrar.dialogs;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.Dialog;

/**
 * How a View asks the user something: Views build the question, this service shows it, owned by the main window.
 * The application wires {@link FxDialogService}; tests wire a scripted one that answers at once. Views never call
 * {@code Dialog.show} or {@code FileChooser} themselves (JabRef's DialogService, shared/STYLE.md). FX thread only.
 */
public interface DialogService {

    /**
     * Shows {@code dialog} without waiting; {@code answer} receives its result on the FX thread when it closes
     * (empty when it was closed without a result).
     */
    <R> void ask(Dialog<R> dialog, Consumer<Optional<R>> answer);

    /**
     * Asks a confirmation question; {@code onConfirm} runs when the user confirms, {@code onDecline} otherwise.
     * Never waits.
     */
    void confirm(Question question, Runnable onConfirm, Runnable onDecline);

    /** Tells the user something that needs no answer (an information dialog). Never waits. */
    void inform(String header, String text);

    /** Tells the user something went wrong, with the details that help support. Never waits. */
    void showError(String header, String text);

    /** Lets the user pick an existing file; empty when cancelled. */
    Optional<Path> chooseFileToOpen(FileRequest request);

    /** Lets the user pick where to write a file; empty when cancelled. */
    Optional<Path> chooseFileToSave(FileRequest request);
}
