package org.registrar.app;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Group;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.registrar.db.Privileges;
import org.registrar.db.TestDatabases;
import org.registrar.i18n.Messages;
import org.registrar.testing.ClassPicks;
import org.registrar.testing.LeftWindows;
import org.registrar.testing.ScratchFolders;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole main window on a {@link TestSession}, as the tests of every screen at once build it (a JUnit 5 extension
 * on a static field: {@code @RegisterExtension static final MainWindowSession ui = new MainWindowSession();}): once
 * per class the primary stage with the app's theme, a fresh session and its {@link AppContext} (every privilege, a
 * private data folder); one {@link MainWindow} per language (its words are read when it is built); a screen of it
 * shown at a size as the app dresses it. After the class: windows closed, the window disposed, context and session
 * closed, English again. Here, not in {@code org.registrar.testing} beside {@code UiSession}: {@link AppContext} and
 * {@link MainWindow} are package-private to {@code app}. FX work runs on the FX thread; one test at a time.
 */
final class MainWindowSession implements BeforeAllCallback, AfterAllCallback {
    private static final long FX_SECONDS = 30;
    private static final long BUILD_SECONDS = 60;

    private final FxRobot robot = new FxRobot();
    private Path dataHome;
    private Stage stage;
    private TestSession session;
    private AppContext context;
    private MainWindow window;
    private Locale windowLanguage;

    @Override
    public void beforeAll(ExtensionContext extension) throws Exception {
        Messages.use(Locale.ENGLISH);
        dataHome = Files.createTempDirectory("registrar-main-window");
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        session = TestSession.fresh();
        context = new AppContext(
                null,
                session.database(),
                TestDatabases.jdbcUrl(session.databaseName()),
                "test",
                null,
                dataHome,
                Privileges.ALL);
    }

    @Override
    public void afterAll(ExtensionContext extension) throws Exception {
        try {
            LeftWindows.close();
            if (window != null) {
                WaitForAsyncUtils.asyncFx(() -> {
                            stage.setScene(null);
                            window.dispose();
                        })
                        .get(FX_SECONDS, TimeUnit.SECONDS);
            }
            FxToolkit.cleanupStages();
        } finally {
            if (context != null) {
                context.close();
            }
            if (session != null) {
                session.close();
            }
            Messages.use(Locale.ENGLISH);
            ScratchFolders.deleteQuietly(dataHome);
        }
    }

    /** The primary stage the window is shown in. */
    Stage stage() {
        return stage;
    }

    TestSession session() {
        return session;
    }

    /** The data folder the app context was given (drafts, preferences). */
    Path dataHome() {
        return dataHome;
    }

    /** The main window built in {@code language}, the one before disposed when it was built in another. */
    MainWindow windowIn(Locale language) throws Exception {
        if (window != null && language.equals(windowLanguage)) {
            return window;
        }
        MainWindow old = window;
        window = WaitForAsyncUtils.asyncFx(() -> {
                    stage.setScene(null);
                    if (old != null) {
                        old.dispose();
                    }
                    return new MainWindow(context, () -> {});
                })
                .get(BUILD_SECONDS, TimeUnit.SECONDS);
        windowLanguage = language;
        return window;
    }

    /**
     * The main window in the current language, at {@code width} × {@code height}, with {@code screen} chosen in its
     * navigation ("Students", "Assessments", …); returns once the database work it started is done.
     */
    Stage show(String screen, double width, double height) throws Exception {
        MainWindow shell = windowIn(Messages.locale());
        WaitForAsyncUtils.asyncFx(() -> {
                    Parent root = shell.root();
                    Scene old = root.getScene();
                    if (old != null) {
                        old.setRoot(new Group());
                    }
                    stage.setScene(asInTheApp(new Scene(root, width, height)));
                    stage.show();
                    ((ToggleButton) root.lookup("#nav-" + screen.toLowerCase(Locale.ROOT))).fire();
                })
                .get(FX_SECONDS, TimeUnit.SECONDS);
        awaitDatabaseWork();
        return stage;
    }

    /** {@code content} alone in the window (as the start-up cards are), the main window taken out of it. */
    Stage showAlone(Supplier<Parent> content, double width, double height) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    Scene old = stage.getScene();
                    if (old != null && window != null && old.getRoot() == window.root()) {
                        old.setRoot(new Group());
                    }
                    stage.setScene(asInTheApp(new Scene(content.get(), width, height)));
                    stage.show();
                })
                .get(FX_SECONDS, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return stage;
    }

    /** On the Assessments screen: the first class and its second assessment chosen, so the grid and its actions show. */
    @SuppressWarnings("unchecked")
    void chooseCohortAndAssessment() throws Exception {
        TextField cohorts = robot.lookup("#cohort-picker").queryAs(TextField.class);
        if (cohorts.getText().isEmpty()) {
            ClassPicks.first(robot, "#cohort-picker");
        }
        ComboBox<Object> assessments = robot.lookup("#assessment-picker").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> assessments.getItems().size() > 1);
        if (assessments.getValue() == null) {
            robot.interact(() -> assessments.setValue(assessments.getItems().get(1)));
        }
        awaitDatabaseWork();
    }

    /** Until the database worker has been idle, with the FX events it queued handled, twice in a row. */
    void awaitDatabaseWork() throws Exception {
        ThreadPoolExecutor worker = (ThreadPoolExecutor) context.databaseWorker();
        for (int quiet = 0; quiet < 2; ) {
            WaitForAsyncUtils.waitFor(
                    30,
                    TimeUnit.SECONDS,
                    () -> worker.getActiveCount() == 0 && worker.getQueue().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            quiet = worker.getActiveCount() == 0 && worker.getQueue().isEmpty() ? quiet + 1 : 0;
        }
    }

    /** With the app's own style sheet, as {@link RegistrarApp} dresses its window. */
    private static Scene asInTheApp(Scene scene) {
        scene.getStylesheets().add(RegistrarApp.class.getResource("app.css").toExternalForm());
        return scene;
    }
}
