package org.registrar.testing;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * The set-up a screen test repeats, as a JUnit 5 extension on a static field
 * ({@code @RegisterExtension static final UiSession ui = new UiSession();}): once per class the primary stage
 * registered with the app's theme (AtlantaFX Primer Light); before each test a fresh {@link TestSession} and an empty
 * user data folder (drafts, files the test writes); after it the test's windows hidden, the session closed (its
 * database dropped) and the folder deleted.
 */
public final class UiSession implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {
    private Stage stage;
    private TestSession session;
    private Path dataHome;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        session = TestSession.fresh();
        dataHome = Files.createTempDirectory("registrar-ui-test");
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            FxToolkit.cleanupStages();
        } finally {
            if (session != null) { // null when the test's set-up failed to make one
                session.close();
                session = null;
            }
            ScratchFolders.deleteQuietly(dataHome);
            dataHome = null;
        }
    }

    /** The running test's session. */
    public TestSession session() {
        if (session == null) {
            throw new IllegalStateException("no test is running: register UiSession on a static field");
        }
        return session;
    }

    /** The running test's user data folder, empty when it began. */
    public Path dataHome() {
        if (dataHome == null) {
            throw new IllegalStateException("no test is running: register UiSession on a static field");
        }
        return dataHome;
    }

    /** The primary stage every screen of the class is shown in. */
    public Stage stage() {
        return stage;
    }
}
