package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.Mnemonic;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.registrar.i18n.Messages;
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

    @RegisterExtension
    static final MainWindowSession ui = new MainWindowSession();

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
        ui.show(screen, 1280, 800);
        if (screen.equals("Assessments")) {
            ui.chooseCohortAndAssessment(); // the grid's toolbar and its actions appear with an assessment
        }
        Map<String, List<String>> clashes =
                WaitForAsyncUtils.asyncFx(() -> clashes(ui.stage().getScene())).get(20, TimeUnit.SECONDS);
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
}
