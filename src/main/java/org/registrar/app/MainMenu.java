package org.registrar.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.registrar.i18n.Messages;
import org.registrar.settings.Key;
import org.registrar.ui.Fxml;

/**
 * The main window's menu bar (ADR 0049): File (connection settings, quit), View (each screen on Ctrl+1…6 in
 * navigation order; the language, applied from the next start), Help (keyboard shortcuts on F1 and Ctrl+/, the user
 * guide shipped in the package, About). Its layout is MainMenu.fxml; the screens and languages are added here. FX
 * thread only.
 */
final class MainMenu {
    /** Ctrl+/ opens the shortcut sheet too (a menu item has one accelerator: F1). */
    static final KeyCombination SHORTCUTS_TOO = new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN);

    /** What the menu's items do; the window supplies them. */
    record Actions(
            Runnable editConnection,
            Runnable quit,
            Consumer<String> show,
            Runnable shortcuts,
            Runnable userGuide,
            Runnable about,
            Consumer<String> saveLanguage) {}

    /** A key and what it does, as the shortcut sheet lists it. */
    record Shortcut(String keys, String action) {}

    @FXML
    private MenuBar menuBar;

    @FXML
    private Menu viewMenu;

    @FXML
    private Menu languageMenu;

    @FXML
    private MenuItem connectionItem;

    @FXML
    private MenuItem quitItem;

    @FXML
    private MenuItem shortcutsItem;

    @FXML
    private MenuItem guideItem;

    @FXML
    private MenuItem aboutItem;

    private final ToggleGroup languages = new ToggleGroup();
    private final Label languageNote = new Label();
    private final List<MenuItem> screenItems = new ArrayList<>();

    private MainMenu() {}

    /**
     * @param screens the screens this login sees, in navigation order
     * @param language the language of this start and whether the machine file locks it
     */
    static MainMenu create(List<String> screens, Language language, Actions actions) {
        MainMenu menu = new MainMenu();
        Fxml.load(menu);
        menu.connectionItem.setOnAction(event -> actions.editConnection().run());
        menu.quitItem.setOnAction(event -> actions.quit().run());
        menu.shortcutsItem.setOnAction(event -> actions.shortcuts().run());
        menu.guideItem.setOnAction(event -> actions.userGuide().run());
        menu.aboutItem.setOnAction(event -> actions.about().run());
        menu.addScreens(screens, actions.show());
        menu.addLanguages(language, actions.saveLanguage());
        return menu;
    }

    private void addScreens(List<String> screens, Consumer<String> show) {
        int index = 0;
        for (String screen : screens) {
            MenuItem item = new MenuItem(screenTitle(screen));
            item.setId("menu-view-" + screen.toLowerCase(java.util.Locale.ROOT));
            if (index < 9) {
                item.setAccelerator(
                        new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (index + 1)), KeyCombination.SHORTCUT_DOWN));
            }
            item.setOnAction(event -> show.accept(screen));
            viewMenu.getItems().add(index++, item);
            screenItems.add(item);
        }
    }

    /** A screen's name as the View menu shows it. */
    static String screenTitle(String screen) {
        return switch (screen) {
            case "Students" -> Messages.text("menu.view.students");
            case "Assessments" -> Messages.text("menu.view.assessments");
            case "Mentors" -> Messages.text("menu.view.mentors");
            case "Health" -> Messages.text("menu.view.health");
            case "Connection" -> Messages.text("menu.view.connection");
            case "Reports" -> Messages.text("shell.nav.reports");
            default -> screen;
        };
    }

    /** A shipped language by its own name (the same in every language, so anyone finds theirs). */
    static String languageName(String tag) {
        return switch (tag) {
            case "de" -> Messages.text("menu.language.de");
            case "fr" -> Messages.text("menu.language.fr");
            case "es" -> Messages.text("menu.language.es");
            default -> Messages.text("menu.language.en");
        };
    }

    private void addLanguages(Language language, Consumer<String> saveLanguage) {
        languageNote.setId("menu-language-note");
        CustomMenuItem note = new CustomMenuItem(languageNote, false);
        note.getStyleClass().add("language-note");
        languageMenu.getItems().addAll(note, new SeparatorMenuItem());
        RadioMenuItem system = new RadioMenuItem(Messages.text("menu.language.system"));
        system.setId("menu-language-system");
        List<RadioMenuItem> items = new ArrayList<>(List.of(system));
        for (String tag : Key.LANGUAGES) {
            RadioMenuItem item = new RadioMenuItem(languageName(tag));
            item.setId("menu-language-" + tag);
            item.setUserData(tag);
            item.setMnemonicParsing(false);
            items.add(item);
        }
        for (RadioMenuItem item : items) {
            item.setToggleGroup(languages);
            item.setSelected(java.util.Objects.equals(item.getUserData(), language.tag()));
            item.setDisable(language.locked());
            item.setOnAction(event -> {
                String tag = (String) item.getUserData();
                languageNote.setText(
                        Messages.text("menu.language.saved", tag == null ? item.getText() : languageName(tag)));
                saveLanguage.accept(tag);
            });
        }
        languageMenu.getItems().addAll(items);
        if (language.locked()) {
            languageNote.setText(Messages.text("menu.language.locked"));
            Tooltip.install(languageNote, new Tooltip(Messages.text("menu.language.lockedWhy")));
        } else {
            languageNote.setText(Messages.text("menu.language.nextStart"));
        }
    }

    /** Ctrl+/ on the window's root opens the shortcut sheet, as F1 does. */
    void installExtraKeys(Node root, Runnable shortcuts) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (SHORTCUTS_TOO.match(event) || (event.isShortcutDown() && event.getCode() == KeyCode.DIVIDE)) {
                event.consume();
                shortcuts.run();
            }
        });
    }

    /** Every accelerator of the menu, in menu order, for the shortcut sheet. */
    List<Shortcut> shortcuts() {
        List<Shortcut> shortcuts = new ArrayList<>();
        shortcuts.add(new Shortcut(keys(quitItem), plain(quitItem.getText())));
        for (MenuItem item : screenItems) {
            if (item.getAccelerator() != null) {
                shortcuts.add(new Shortcut(keys(item), Messages.text("menu.shortcut.show", item.getText())));
            }
        }
        shortcuts.add(new Shortcut(
                keys(shortcutsItem) + ", " + SHORTCUTS_TOO.getDisplayText(), plain(shortcutsItem.getText())));
        return shortcuts;
    }

    private static String keys(MenuItem item) {
        return item.getAccelerator().getDisplayText();
    }

    /** A menu text without its mnemonic mark and trailing ellipsis. */
    private static String plain(String text) {
        return text.replace("_", "").replace("…", "");
    }

    MenuBar bar() {
        return menuBar;
    }

    /** The language entries (tests: the choice is saved, a locked one cannot be chosen). */
    Menu languageMenu() {
        return languageMenu;
    }

    Label languageNote() {
        return languageNote;
    }
}
