package org.registrar.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.Dialog;
import org.registrar.dialogs.DialogService;
import org.registrar.dialogs.FileRequest;
import org.registrar.dialogs.Question;

/**
 * A DialogService a test scripts: each question is recorded and answered at once with the next scripted answer
 * (confirm, decline, a file, a dialog result). A question with no answer scripted fails the test. FX thread only,
 * like the real one.
 */
public final class ScriptedDialogs implements DialogService {
    private final Deque<Object> answers = new ArrayDeque<>();
    private final List<String> asked = new ArrayList<>();

    /** The next confirmation is confirmed. */
    public ScriptedDialogs thenConfirm() {
        answers.add(Boolean.TRUE);
        return this;
    }

    /** The next confirmation is declined. */
    public ScriptedDialogs thenDecline() {
        answers.add(Boolean.FALSE);
        return this;
    }

    /** The next file chooser answers {@code file} (null: cancelled). */
    public ScriptedDialogs thenFile(Path file) {
        answers.add(Optional.ofNullable(file));
        return this;
    }

    /** The next custom dialog answers what {@code result} makes of the dialog shown (null: closed). */
    public <R> ScriptedDialogs thenDialog(Function<Dialog<R>, R> result) {
        answers.add(result);
        return this;
    }

    /** What was asked, in order: headers of questions (their text when they have none) and messages, titles of dialogs and file choosers. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> void ask(Dialog<R> dialog, Consumer<Optional<R>> answer) {
        asked.add(dialog.getTitle());
        Function<Dialog<R>, R> result = (Function<Dialog<R>, R>) next(Function.class, dialog.getTitle());
        answer.accept(Optional.ofNullable(result.apply(dialog)));
    }

    @Override
    public void confirm(Question question, Runnable onConfirm, Runnable onDecline) {
        String what = question.header() != null ? question.header() : question.text();
        asked.add(what);
        if (next(Boolean.class, what)) {
            onConfirm.run();
        } else {
            onDecline.run();
        }
    }

    @Override
    public void inform(String header, String text) {
        asked.add(header);
    }

    @Override
    public void showError(String header, String text) {
        asked.add(header);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Path> chooseFileToOpen(FileRequest request) {
        asked.add(request.title());
        return next(Optional.class, request.title());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Path> chooseFileToSave(FileRequest request) {
        asked.add(request.title());
        return next(Optional.class, request.title());
    }

    private <T> T next(Class<T> kind, String what) {
        Object answer = answers.poll();
        if (!kind.isInstance(answer)) {
            throw new AssertionError(
                    "No " + kind.getSimpleName() + " answer scripted for: " + what + " (next: " + answer + ")");
        }
        return kind.cast(answer);
    }
}
