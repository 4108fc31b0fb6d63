package org.registrar.reports;

import atlantafx.base.theme.PrimerLight;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.registrar.cache.CacheSettings;
import org.registrar.cache.ChangeStamps;
import org.registrar.dialogs.DialogService;
import org.registrar.testing.ClassPicks;
import org.registrar.testing.OnFx;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Reports screen as the UI tests show it: over a {@link ReportCache} of the session's database, in a 1270 × 790
 * window with the app's theme; and a class chosen through its picker as a keyboard user does.
 */
final class ReportScreens {
    private ReportScreens() {}

    /** Shows the screen in the primary stage (registered by the caller) and returns its root. */
    static Parent show(TestSession session, DialogService dialogs) throws Exception {
        return show(session, dialogs, scene -> {});
    }

    /** As {@link #show(TestSession, DialogService)}, with {@code beforeShown} given the scene before the window shows. */
    static Parent show(TestSession session, DialogService dialogs, Consumer<Scene> beforeShown) throws Exception {
        ReportsViewModel model = new ReportsViewModel(session.fxTasks(), cache(session));
        Parent[] root = {null};
        FxToolkit.setupStage(window -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            root[0] = (Parent) new ReportsView(model, dialogs).root();
            window.setScene(new Scene(root[0], 1270, 790));
            beforeShown.accept(window.getScene());
            window.show();
        });
        return root[0];
    }

    /** The reports of the session's database as the program caches them (5 minutes, 10 s staleness, 100 reports). */
    static ReportCache cache(TestSession session) {
        return new ReportCache(
                new ReportsRepository(session.database().jdbi()),
                new ChangeStamps(session.database().jdbi()),
                new CacheSettings(Duration.ofMinutes(5), Duration.ofSeconds(10), 100));
    }

    /**
     * Chooses the class {@code name} as a keyboard user does: a click into the class field, its name typed, Enter; then
     * waits until the field shows it and its list is closed.
     */
    static void chooseClass(FxRobot robot, String name) throws Exception {
        TextField field = robot.lookup("#report-cohort").queryAs(TextField.class);
        robot.clickOn(field).write(name).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> OnFx.read(() -> field.getText().equals(name) && !ClassPicks.popupShowing()));
    }
}
