package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.i18n.Messages;
import org.registrar.settings.Source;
import org.registrar.testing.LeftWindows;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window's menu bar (ADR 0049): File, View, Help with their accelerators, the screens on Ctrl+1…5, the
 * language choice saved for the next start (or locked), and the keyboard-shortcut sheet on F1 and Ctrl+/.
 */
class MainMenuUiTest {
    private static final List<String> SCREENS = List.of("Students", "Assessments", "Mentors", "Health", "Connection");

    private static Stage stage;
    private final FxRobot robot = new FxRobot();
    private final List<String> done = new CopyOnWriteArrayList<>();
    private MainMenu menu;

    @BeforeAll
    static void stage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @BeforeEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @AfterEach
    void close() throws Exception {
        Messages.use(Locale.ENGLISH);
        LeftWindows.close();
    }

    private void open(Language language) throws Exception {
        FxToolkit.setupStage(window -> {
            menu = MainMenu.create(
                    SCREENS,
                    language,
                    new MainMenu.Actions(
                            () -> done.add("connection"),
                            () -> done.add("quit"),
                            screen -> done.add("show " + screen),
                            () -> done.add("shortcuts"),
                            () -> done.add("guide"),
                            () -> done.add("about"),
                            tag -> done.add("language " + tag)));
            BorderPane root = new BorderPane(new Label("screen"));
            root.setTop(menu.bar());
            menu.installExtraKeys(root, () -> done.add("shortcuts"));
            window.setScene(new Scene(root, 900, 600));
            window.show();
            window.requestFocus();
            root.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> texts(Menu menu) {
        return menu.getItems().stream()
                .map(item -> item.getText() == null ? "---" : item.getText())
                .collect(Collectors.toList());
    }

    @Test
    void fileViewAndHelpWithTheirItemsAndAccelerators() throws Exception {
        open(Language.system());

        List<Menu> menus = menu.bar().getMenus();
        assertThat(menus).extracting(Menu::getText).containsExactly("_File", "_View", "_Help");
        assertThat(texts(menus.get(0))).containsExactly("_Connection settings…", "---", "_Quit");
        assertThat(menus.get(0).getItems().get(2).getAccelerator().getName()).isEqualTo("Shortcut+Q");
        assertThat(texts(menus.get(1)))
                .containsExactly("Students", "Assessments", "Mentors", "Health", "Connection", "---", "_Language");
        for (int i = 0; i < SCREENS.size(); i++) {
            assertThat(menus.get(1).getItems().get(i).getAccelerator().getName())
                    .isEqualTo("Shortcut+" + (i + 1));
        }
        assertThat(texts(menus.get(2)))
                .containsExactly("_Keyboard shortcuts", "_User guide", "---", "_About Registrar");
        assertThat(menus.get(2).getItems().get(0).getAccelerator().getName()).isEqualTo("F1");
    }

    @Test
    void theKeysSwitchScreensOpenTheShortcutsAndQuit() throws Exception {
        open(Language.system());

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        robot.push(KeyCode.F1);
        robot.press(KeyCode.CONTROL, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(done).containsExactly("show Mentors", "show Connection", "shortcuts", "shortcuts", "quit");
    }

    @Test
    void theHelpMenuOpensTheGuideAndAbout() throws Exception {
        open(Language.system());

        robot.interact(() -> menu.bar().getMenus().get(2).getItems().get(1).fire());
        robot.interact(() -> menu.bar().getMenus().get(2).getItems().get(3).fire());
        robot.interact(() -> menu.bar().getMenus().get(0).getItems().get(0).fire());

        assertThat(done).containsExactly("guide", "about", "connection");
    }

    @Test
    void choosingALanguageSavesItForTheNextStartAndSaysSo() throws Exception {
        open(new Language("fr", Source.USER, false));
        List<RadioMenuItem> languages = radios(menu.languageMenu());
        assertThat(languages)
                .extracting(MenuItem::getText)
                .containsExactly("System language", "English", "Deutsch", "Français", "Español");
        assertThat(languages)
                .filteredOn(RadioMenuItem::isSelected)
                .extracting(MenuItem::getText)
                .containsExactly("Français");
        assertThat(menu.languageNote().getText()).isEqualTo("Applies from the next start");

        robot.interact(() -> languages.get(2).fire());
        robot.interact(() -> languages.get(0).fire());

        assertThat(done).containsExactly("language de", "language null");
        assertThat(menu.languageNote().getText()).isEqualTo("System language from the next start");
    }

    @Test
    void aLockedLanguageCannotBeChosenAndSaysWhy() throws Exception {
        open(new Language("de", Source.MACHINE_LOCKED, true));
        List<RadioMenuItem> languages = radios(menu.languageMenu());

        assertThat(languages).allMatch(MenuItem::isDisable);
        assertThat(languages)
                .filteredOn(RadioMenuItem::isSelected)
                .extracting(MenuItem::getText)
                .containsExactly("Deutsch");
        assertThat(menu.languageNote().getText()).isEqualTo("Set by the IT department of your school");
        assertThat(javafx.scene.control.Tooltip.class
                        .cast(menu.languageNote().getProperties().get("javafx.scene.control.Tooltip"))
                        .getText())
                .contains("ui.language");
    }

    @Test
    void inGermanTheMenusAreGerman() throws Exception {
        Messages.use(Locale.GERMAN);
        open(Language.system());

        assertThat(menu.bar().getMenus()).extracting(Menu::getText).containsExactly("_Datei", "_Ansicht", "_Hilfe");
        assertThat(menu.bar().getMenus().get(1).getItems().get(0).getText()).isEqualTo("Schüler");
        // the sixth screen, from the reports work, is named in the chosen language too (was "Reports")
        assertThat(MainMenu.screenTitle("Reports")).isEqualTo("Berichte");
    }

    @Test
    void screenshotOfTheViewMenuOpenWithItsLanguages() throws Exception {
        open(Language.system());
        Menu view = menu.bar().getMenus().get(1);
        robot.interact(view::show);
        WaitForAsyncUtils.waitForFxEvents();
        ContextMenu popup = (ContextMenu) Window.getWindows().stream()
                .filter(ContextMenu.class::isInstance)
                .findFirst()
                .orElseThrow();
        robot.moveTo((javafx.scene.Node)
                robot.from(popup.getScene().getRoot()).lookup(".menu").query());
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> Window.getWindows().stream()
                                .filter(ContextMenu.class::isInstance)
                                .count()
                        >= 2);
        WaitForAsyncUtils.waitForFxEvents();

        Path file = screenshotWithPopups("menu-view-open");
        assertThat(file).exists();
        assertThat(Window.getWindows().stream()
                        .filter(ContextMenu.class::isInstance)
                        .count())
                .isGreaterThanOrEqualTo(2);
        robot.interact(view::hide);
    }

    @Test
    void theShortcutSheetListsTheMenuAndGridKeys() throws Exception {
        open(Language.system());
        Dialog<ButtonType> sheet = WaitForAsyncUtils.asyncFx(() -> {
                    Dialog<ButtonType> dialog = ShortcutSheet.dialog(menu.shortcuts());
                    dialog.initOwner(stage);
                    dialog.show();
                    return dialog;
                })
                .get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        String shown = robot.lookup(".label").queryAllAs(Label.class).stream()
                .filter(label -> label.getScene() == sheet.getDialogPane().getScene())
                .map(Label::getText)
                .collect(Collectors.joining("\n"));
        assertThat(shown)
                .contains("Ctrl+Q", "Quit")
                .contains("Ctrl+1", "Show Students")
                .contains("Ctrl+5", "Show Connection")
                .contains("F1, Ctrl+/")
                .contains("Ctrl+D", "Fill the selection down with its first value")
                .contains("F2", "Ctrl+V", "Ctrl+Z", "Page Down", "Ctrl+F")
                .contains("Ctrl+C", "Copy the selected cells", "Ctrl+Y", "Redo what was undone")
                .contains("Click a column header");
        org.registrar.app.Screenshots.save(sheet.getDialogPane().getScene(), "shortcut-sheet");
        robot.interact(sheet::close);
    }

    @Test
    void theShortcutSheetInGerman() throws Exception {
        Messages.use(Locale.GERMAN);
        open(Language.system());
        Dialog<ButtonType> sheet = WaitForAsyncUtils.asyncFx(() -> {
                    Dialog<ButtonType> dialog = ShortcutSheet.dialog(menu.shortcuts());
                    dialog.initOwner(stage);
                    dialog.show();
                    return dialog;
                })
                .get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(sheet.getTitle()).isEqualTo("Tastenkürzel");
        assertThat(menu.shortcuts()).contains(new MainMenu.Shortcut("Ctrl+2", "Leistungsnachweise anzeigen"));
        org.registrar.app.Screenshots.save(sheet.getDialogPane().getScene(), "shortcut-sheet-de");
        robot.interact(sheet::close);
    }

    private static List<RadioMenuItem> radios(Menu menu) {
        return menu.getItems().stream()
                .filter(RadioMenuItem.class::isInstance)
                .map(RadioMenuItem.class::cast)
                .collect(Collectors.toList());
    }

    /** The window with its open menus drawn on it where they show (a popup is a window of its own). */
    private static Path screenshotWithPopups(String name) throws Exception {
        Path folder = Path.of(System.getProperty("registrar.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png");
        BufferedImage image = WaitForAsyncUtils.asyncFx(() -> {
                    Scene scene = stage.getScene();
                    BufferedImage base = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
                    BufferedImage all =
                            new BufferedImage(base.getWidth(), base.getHeight(), BufferedImage.TYPE_INT_ARGB);
                    Graphics2D graphics = all.createGraphics();
                    graphics.drawImage(base, 0, 0, null);
                    double originX = stage.getX() + scene.getX();
                    double originY = stage.getY() + scene.getY();
                    for (Window window : Window.getWindows()) {
                        if (window instanceof ContextMenu popup && popup.isShowing()) {
                            BufferedImage part =
                                    SwingFXUtils.fromFXImage(popup.getScene().snapshot(null), null);
                            graphics.drawImage(
                                    part, (int) (popup.getX() - originX), (int) (popup.getY() - originY), null);
                        }
                    }
                    graphics.dispose();
                    return all;
                })
                .get(20, TimeUnit.SECONDS);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
