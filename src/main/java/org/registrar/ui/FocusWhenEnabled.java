package org.registrar.ui;

import javafx.beans.value.ChangeListener;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * Hands keyboard focus to the control of the user's next step once it is enabled: the Assessments screen's assessment
 * field is disabled while the class just picked loads, and JavaFX meanwhile moves focus from the disabled class field
 * to the next control that takes it ("New assessment"). A key or click of the user's before then is theirs: focus
 * stays where they put it. FX thread only.
 */
public final class FocusWhenEnabled {
    private final Node target;
    private final Scene scene;
    private final ChangeListener<Boolean> enabled = (obs, was, disabled) -> enabled(disabled);
    private final EventHandler<Event> userActed = event -> stop();

    private FocusWhenEnabled(Node target, Scene scene) {
        this.target = target;
        this.scene = scene;
    }

    private void enabled(boolean disabled) {
        if (!disabled) {
            stop();
            target.requestFocus();
        }
    }

    /** Focuses {@code target} now if it is enabled, else once it is, unless the user presses a key or clicks first. */
    public static void give(Node target) {
        Scene scene = target.getScene();
        if (scene == null) {
            return;
        }
        if (!target.isDisabled()) {
            target.requestFocus();
            return;
        }
        new FocusWhenEnabled(target, scene).await();
    }

    private void await() {
        target.disabledProperty().addListener(enabled);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, userActed);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, userActed);
    }

    private void stop() {
        target.disabledProperty().removeListener(enabled);
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, userActed);
        scene.removeEventFilter(MouseEvent.MOUSE_PRESSED, userActed);
    }
}
