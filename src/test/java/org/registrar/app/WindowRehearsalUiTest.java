package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.registrar.db.StartPhases;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * While the server starts, the main window's first build is rehearsed off-screen (ADR 0057): the Students screen
 * is built by the window's own wiring, styled, laid out and drawn at the window's size, without a database, without
 * a window of its own, and it gives way as soon as the real window is shown.
 */
class WindowRehearsalUiTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void drawsTheWindowOffScreenWithoutAskingTheDatabase() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        List<Window> before = WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()))
                .get(20, TimeUnit.SECONDS);

        WindowRehearsal rehearsal = WindowRehearsal.begin(() -> true, connections::incrementAndGet);

        assertThat(rehearsal.finished().get(120, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rehearsal.drawing().getWidth()).isEqualTo(1280);
        assertThat(rehearsal.drawing().getHeight()).isEqualTo(800);
        assertThat(connections).hasValue(0);
        assertThat(WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()))
                        .get(20, TimeUnit.SECONDS))
                .containsExactlyElementsOf(before);
        assertThat(StartPhases.process().phases())
                .extracting(StartPhases.Phase::name)
                .contains(WindowRehearsal.PHASE);
    }

    @Test
    void givesWayOnceTheWindowIsShown() throws Exception {
        AtomicInteger asked = new AtomicInteger();

        // wanted for the first step only, as when the real window arrives while it runs
        WindowRehearsal rehearsal = WindowRehearsal.begin(() -> asked.incrementAndGet() <= 1);

        assertThat(rehearsal.finished().get(60, TimeUnit.SECONDS)).isFalse();
        assertThat(rehearsal.drawing()).isNull();
        assertThat(asked).hasValue(2);
    }
}
