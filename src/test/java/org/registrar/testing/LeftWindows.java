package org.registrar.testing;

import java.util.List;
import javafx.stage.Window;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The windows an app under test left open. In a real session they end with the process; in a test run the next test
 * shares the toolkit, and a dialog left from the last one (a password prompt, the settings form) would answer its
 * lookups. Hides every window but the registered primary stage.
 */
public final class LeftWindows {
    private LeftWindows() {}

    /** Hides them, on the FX thread, and waits until it is done. */
    public static void close() throws Exception {
        var primary = FxToolkit.toolkitContext().getRegisteredStage();
        WaitForAsyncUtils.asyncFx(() -> {
                    for (Window window : List.copyOf(Window.getWindows())) {
                        if (window != primary) {
                            window.hide();
                        }
                    }
                })
                .get();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
