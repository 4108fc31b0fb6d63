package org.registrar.assessments;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.registrar.db.Privileges;

/**
 * Wraps a control the login may not be allowed to use, so a tooltip says why while it is disabled (a disabled
 * control shows no tooltip of its own). FX thread only.
 */
final class NotPermitted {
    private NotPermitted() {}

    static Node explain(Node control, ObservableBooleanValue permitted, Privileges.Action action) {
        StackPane wrapper = new StackPane(control);
        Tooltip why = new Tooltip(Privileges.notPermitted(action));
        Runnable update = () -> {
            if (permitted.get()) {
                Tooltip.uninstall(wrapper, why);
            } else {
                Tooltip.install(wrapper, why);
            }
        };
        permitted.addListener((observable, was, now) -> update.run());
        update.run();
        return wrapper;
    }
}
