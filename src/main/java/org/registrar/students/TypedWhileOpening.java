package org.registrar.students;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Keys typed into the edit form while the student it will show is still loading: typed into the old student's
 * fields they would be overwritten when the new one arrives. They are kept per field, in order, and typed into the
 * loaded student's fields once they are filled. FX thread only.
 */
final class TypedWhileOpening {
    private final Map<TextField, StringBuilder> typed = new LinkedHashMap<>();
    /** The field the keyboard was sent to (Enter on a row): its loaded text is replaced, as keyboard focus selects. */
    private TextField focusedByKeyboard;

    private final ObservableBooleanValue opening;

    /** Keeps keys typed into text fields under {@code form} while {@code opening}; types them when it ends. */
    TypedWhileOpening(Node form, ObservableBooleanValue opening) {
        this.opening = opening;
        form.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (opening.get() && event.getTarget() instanceof TextField field && typeable(event)) {
                typed.computeIfAbsent(field, key -> new StringBuilder()).append(event.getCharacter());
                event.consume();
            }
        });
        form.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (opening.get()
                    && event.getCode() == KeyCode.BACK_SPACE
                    && event.getTarget() instanceof TextField field
                    && typed.containsKey(field)) {
                StringBuilder text = typed.get(field);
                if (!text.isEmpty()) {
                    text.setLength(text.length() - 1);
                }
                event.consume();
            }
        });
        opening.addListener((obs, was, now) -> {
            if (!now) {
                replay();
            }
        });
    }

    /** The keyboard was sent to {@code field} (Enter on a table row). */
    void focused(TextField field) {
        focusedByKeyboard = opening.get() ? field : null;
    }

    private void replay() {
        typed.forEach((field, text) -> {
            if (field == focusedByKeyboard) {
                field.selectAll();
            } else {
                field.end();
            }
            field.replaceSelection(text.toString());
        });
        typed.clear();
        focusedByKeyboard = null;
    }

    private static boolean typeable(KeyEvent event) {
        String character = event.getCharacter();
        return !character.isEmpty()
                && !Character.isISOControl(character.charAt(0))
                && !event.isShortcutDown()
                && !event.isAltDown();
    }
}
