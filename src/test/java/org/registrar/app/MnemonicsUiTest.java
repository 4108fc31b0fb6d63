package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.Mnemonic;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.Privileges;
import org.registrar.db.TestDatabases;
import org.registrar.i18n.Messages;
import org.registrar.testing.LeftWindows;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18, mnemonics on every button of an action row: on every screen of the main window, in every shipped
 * language, no two controls shown together answer the same Alt+letter (in Spanish "_Grupo" and "_Guardar" on the
 * Assessments screen both took Alt+G: the key reached one of them, the other could not be reached by it). What is
 * checked is what JavaFX registered with the window's scene (the screen, the navigation and the menu bar), the
 * controls that are shown, disabled ones included: they are enabled as the user works.
 */
class MnemonicsUiTest {
    private static final List<Locale> LANGUAGES =
            List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.forLanguageTag("es"));

    private static final List<String> SCREENS =
            List.of("Students", "Assessments", "Mentors", "Health", "Connection", "Reports");

    @TempDir
    static Path dataHome;

    private static Stage stage;
    private static TestSession session;
    private static AppContext context;
    private static MainWindow window;
    private static Locale windowLanguage;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open() throws Exception {
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

    @AfterAll
    static void close() throws Exception {
        LeftWindows.close();
        if (window != null) {
            WaitForAsyncUtils.asyncFx(() -> {
                        stage.setScene(null);
                        window.dispose();
                    })
                    .get(20, TimeUnit.SECONDS);
        }
        FxToolkit.cleanupStages();
        context.close();
        session.close();
        Messages.use(Locale.ENGLISH);
    }

    @TestFactory
    Stream<DynamicNode> noTwoControlsShownTogetherShareAMnemonic() {
        return LANGUAGES.stream()
                .map(language -> DynamicContainer.dynamicContainer(
                        language.toLanguageTag(),
                        SCREENS.stream()
                                .map(screen -> DynamicTest.dynamicTest(screen, () -> uniqueOn(language, screen)))));
    }

    private void uniqueOn(Locale language, String screen) throws Exception {
        Messages.use(language);
        show(screen);
        if (screen.equals("Assessments")) {
            chooseCohortAndAssessment(); // the grid's toolbar and its actions appear with an assessment
        }
        Map<String, List<String>> clashes =
                WaitForAsyncUtils.asyncFx(() -> clashes(stage.getScene())).get(20, TimeUnit.SECONDS);
        assertThat(clashes)
                .as("%s %s: controls shown together that share a mnemonic", language.toLanguageTag(), screen)
                .isEmpty();
    }

    /** Per Alt+key that more than one shown control answers: those controls, by their text. */
    static Map<String, List<String>> clashes(Scene scene) {
        Map<String, List<String>> byKey = new TreeMap<>();
        for (Map.Entry<KeyCombination, ? extends List<Mnemonic>> entry :
                scene.getMnemonics().entrySet()) {
            List<String> shown = new ArrayList<>();
            for (Mnemonic mnemonic : entry.getValue()) {
                if (isShown(mnemonic.getNode())) {
                    shown.add(describe(mnemonic.getNode()));
                }
            }
            // "_Dernière" registers Alt+'D' and "Ai_de" Alt+'d': one key for the user
            byKey.computeIfAbsent(entry.getKey().getName().toUpperCase(Locale.ROOT), key -> new ArrayList<>())
                    .addAll(shown);
        }
        byKey.values().removeIf(controls -> controls.size() < 2);
        return byKey;
    }

    /** In the scene and visible all the way up (a screen's hidden part, a closed pane's button, do not count). */
    private static boolean isShown(Node node) {
        if (node == null || node.getScene() == null) {
            return false;
        }
        for (Node each = node; each != null; each = each.getParent()) {
            if (!each.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Node node) {
        String text = node instanceof Labeled labeled ? labeled.getText() : null;
        if (text == null && node.getProperties().get(MenuItem.class) instanceof MenuItem item) {
            text = item.getText();
        }
        String id = node.getId() == null ? node.getClass().getSimpleName() : "#" + node.getId();
        return text == null ? id : id + " \"" + text + "\"";
    }

    private static void show(String screen) throws Exception {
        MainWindow shell = windowIn(Messages.locale());
        WaitForAsyncUtils.asyncFx(() -> {
                    Parent root = shell.root();
                    Scene old = root.getScene();
                    if (old != null) {
                        old.setRoot(new Group());
                    }
                    Scene scene = new Scene(root, 1280, 800);
                    scene.getStylesheets()
                            .add(RegistrarApp.class.getResource("app.css").toExternalForm());
                    stage.setScene(scene);
                    stage.show();
                    ((ToggleButton) root.lookup("#nav-" + screen.toLowerCase(Locale.ROOT))).fire();
                })
                .get(30, TimeUnit.SECONDS);
        awaitDatabaseWork();
    }

    /** One main window per language (its words are read when it is built). */
    private static MainWindow windowIn(Locale language) throws Exception {
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
                .get(60, TimeUnit.SECONDS);
        windowLanguage = language;
        return window;
    }

    @SuppressWarnings("unchecked")
    private void chooseCohortAndAssessment() throws Exception {
        ComboBox<Object> cohorts = robot.lookup("#cohort-picker").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> !cohorts.getItems().isEmpty());
        if (cohorts.getValue() == null) {
            robot.interact(() -> cohorts.setValue(cohorts.getItems().get(0)));
        }
        ComboBox<Object> assessments = robot.lookup("#assessment-picker").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> assessments.getItems().size() > 1);
        if (assessments.getValue() == null) {
            robot.interact(() -> assessments.setValue(assessments.getItems().get(1)));
        }
        awaitDatabaseWork();
    }

    private static void awaitDatabaseWork() throws Exception {
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
}
