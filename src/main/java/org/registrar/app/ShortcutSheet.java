package org.registrar.app;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import org.registrar.i18n.Messages;
import org.registrar.ui.Fxml;

/**
 * Help ▸ Keyboard shortcuts: every key the app answers to, in three groups: the window's (the menu's accelerators),
 * the Students screen's and the bulk-entry grid's (the keys GridTable and EditCell handle). Its layout is
 * ShortcutSheet.fxml; shown by the window's dialog service.
 */
final class ShortcutSheet {
    @FXML
    private GridPane windowKeys;

    @FXML
    private GridPane studentKeys;

    @FXML
    private GridPane gridKeys;

    private ShortcutSheet() {}

    /** The keys of the Students screen (StudentsView.wireKeys). */
    static List<MainMenu.Shortcut> studentKeys() {
        return List.of(
                new MainMenu.Shortcut(shortcut("F"), Messages.text("menu.sheet.students.search")),
                new MainMenu.Shortcut(Messages.text("menu.keys.pageDown"), Messages.text("menu.sheet.students.next")),
                new MainMenu.Shortcut(Messages.text("menu.keys.pageUp"), Messages.text("menu.sheet.students.previous")),
                new MainMenu.Shortcut(Messages.text("menu.keys.enter"), Messages.text("menu.sheet.students.open")));
    }

    /** The keys of the Assessments grid (GridTable.keyPressed and EditCell). */
    static List<MainMenu.Shortcut> gridKeys() {
        return List.of(
                new MainMenu.Shortcut(Messages.text("menu.keys.typing"), Messages.text("menu.sheet.grid.type")),
                new MainMenu.Shortcut(Messages.text("menu.keys.f2"), Messages.text("menu.sheet.grid.edit")),
                new MainMenu.Shortcut(Messages.text("menu.keys.enter"), Messages.text("menu.sheet.grid.enter")),
                new MainMenu.Shortcut(Messages.text("menu.keys.tab"), Messages.text("menu.sheet.grid.tab")),
                new MainMenu.Shortcut(Messages.text("menu.keys.escape"), Messages.text("menu.sheet.grid.escape")),
                new MainMenu.Shortcut(Messages.text("menu.keys.delete"), Messages.text("menu.sheet.grid.delete")),
                new MainMenu.Shortcut(shortcut("V"), Messages.text("menu.sheet.grid.paste")),
                new MainMenu.Shortcut(shortcut("Z"), Messages.text("menu.sheet.grid.undo")),
                new MainMenu.Shortcut(shortcut("D"), Messages.text("menu.sheet.grid.fill")));
    }

    /** @param windowShortcuts the menu's accelerators ({@link MainMenu#shortcuts()}) */
    static Dialog<ButtonType> dialog(List<MainMenu.Shortcut> windowShortcuts) {
        ShortcutSheet sheet = new ShortcutSheet();
        DialogPane pane = Fxml.load(sheet);
        fill(sheet.windowKeys, windowShortcuts);
        fill(sheet.studentKeys, studentKeys());
        fill(sheet.gridKeys, gridKeys());
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(Messages.text("menu.sheet.title"));
        dialog.setDialogPane(pane);
        dialog.setResizable(true);
        return dialog;
    }

    /**
     * Shortcut+letter as this platform writes it, as the menus show their accelerators ("Ctrl+V"; "⌘V" on macOS), so
     * the sheet and the menus agree in every language.
     */
    private static String shortcut(String letter) {
        return new KeyCodeCombination(KeyCode.valueOf(letter), KeyCombination.SHORTCUT_DOWN).getDisplayText();
    }

    private static void fill(GridPane rows, List<MainMenu.Shortcut> shortcuts) {
        int line = 0;
        for (MainMenu.Shortcut shortcut : shortcuts) {
            Label keys = new Label(shortcut.keys());
            keys.getStyleClass().add("shortcut-keys");
            keys.setStyle("-fx-font-family: monospace; -fx-font-weight: bold;");
            Label action = new Label(shortcut.action());
            action.setWrapText(true);
            keys.setLabelFor(action);
            rows.addRow(line++, keys, action);
        }
    }
}
