package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.testing.LeftWindows;
import org.registrar.testing.OnFx;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An error that repeats (a painter failing each pulse, a background task failing again and again) shows one dialog,
 * not one per error: while it is open, further errors are counted in it; once closed, the next error shows one again.
 */
class ErrorReporterUiTest {
    private final FxRobot robot = new FxRobot();
    private Thread.UncaughtExceptionHandler before;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @BeforeEach
    void install() {
        before = Thread.getDefaultUncaughtExceptionHandler();
        ErrorReporter.install();
    }

    @AfterEach
    void restore() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler(before);
        LeftWindows.close();
    }

    @Test
    void errorsWhileItsDialogIsOpenAreCountedInItAndNoSecondDialogOpens() throws Exception {
        failOnFxThread("the painter failed (1)");
        failOnFxThread("the painter failed (2)");
        failOnBackgroundThread("the refresh failed");

        List<DialogPane> shown = errorDialogs();
        assertThat(shown).as("one dialog, however many errors").hasSize(1);
        assertThat(shown.get(0).getContentText())
                .contains("the painter failed (1)")
                .contains("2 more errors happened after this one; see the log.");
        DialogPane pane = shown.get(0);
        assertThat(OnFx.read(() -> pane.getHeight() >= pane.prefHeight(pane.getWidth())))
                .as("the dialog grew by the line it gained")
                .isTrue();
        Screenshots.save(shown.get(0).getScene(), "error-dialog-counted");
    }

    @Test
    void afterTheDialogIsClosedTheNextErrorShowsADialogAgain() throws Exception {
        failOnFxThread("the painter failed (1)");
        failOnFxThread("the painter failed (2)");
        Button ok = (Button) errorDialogs().get(0).lookupButton(ButtonType.OK);
        robot.interact(ok::fire);
        assertThat(errorDialogs()).isEmpty();

        failOnBackgroundThread("the refresh failed");

        List<DialogPane> shown = errorDialogs();
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).getContentText()).contains("the refresh failed").doesNotContain("more error");
    }

    /** An error no code catches, thrown on the FX thread (as a painter's or an event handler's). */
    private static void failOnFxThread(String what) {
        Platform.runLater(() -> {
            throw new IllegalStateException(what);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** An error no code catches, thrown on a thread of its own (as a background task's). */
    private static void failOnBackgroundThread(String what) throws InterruptedException {
        Thread worker = new Thread(
                () -> {
                    throw new IllegalStateException(what);
                },
                "failing-work");
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The error dialogs showing. */
    private static List<DialogPane> errorDialogs() throws Exception {
        return OnFx.read(() -> Window.getWindows().stream()
                .filter(Window::isShowing)
                .map(window -> window.getScene().getRoot())
                .filter(DialogPane.class::isInstance)
                .map(DialogPane.class::cast)
                .filter(pane -> "Something went wrong".equals(pane.getHeaderText()))
                .toList());
    }
}
