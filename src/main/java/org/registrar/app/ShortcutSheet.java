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
import javafx.scene.layout.Region;
import org.registrar.i18n.Messages;
import org.registrar.ui.Fxml;

/**
 * Help ▸ Keyboard shortcuts: every key the app answers to, in three groups: the window's (the menu's accelerators),
 * the Students screen's and the bulk-entry grid's (the keys GridTable and EditCell handle). Its layout is
 * ShortcutSheet.fxml; shown by the window's dialog service.
 */
final class ShortcutSheet {
    @FXML
    private GridPane rows;

    private int line;

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
                new MainMenu.Shortcut(shortcut("D"), Messages.text("menu.sheet.grid.fill")),
                new MainMenu.Shortcut(shortcut("C"), Messages.text("grid.sheet.copy")),
                new MainMenu.Shortcut(
                        shortcut("Y") + ", "
                                + new KeyCodeCombination(
                                                KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)
                                        .getDisplayText(),
                        Messages.text("grid.sheet.redo")),
                new MainMenu.Shortcut(Messages.text("grid.keys.header"), Messages.text("grid.sheet.sort")));
    }

    /** @param windowShortcuts the menu's accelerators ({@link MainMenu#shortcuts()}) */
    static Dialog<ButtonType> dialog(List<MainMenu.Shortcut> windowShortcuts) {
        ShortcutSheet sheet = new ShortcutSheet();
        DialogPane pane = Fxml.load(sheet);
        sheet.group(Messages.text("menu.sheet.window"), windowShortcuts);
        sheet.group(Messages.text("menu.sheet.students"), studentKeys());
        sheet.group(Messages.text("menu.sheet.grid"), gridKeys());
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

    /** A heading across both columns, then one row per shortcut. */
    private void group(String heading, List<MainMenu.Shortcut> shortcuts) {
        Label title = new Label(heading);
        title.getStyleClass().add("title-4");
        title.setStyle("-fx-font-size: 1.15em;");
        title.setPadding(new javafx.geometry.Insets(line == 0 ? 0 : 10, 0, 0, 0));
        rows.add(title, 0, line++, 2, 1);
        for (MainMenu.Shortcut shortcut : shortcuts) {
            Label keys = new Label(shortcut.keys());
            keys.getStyleClass().add("shortcut-keys");
            keys.setStyle("-fx-font-family: monospace; -fx-font-weight: bold;");
            keys.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE); // a key is never cut: "Esc", not "E…"
            Label action = new Label(shortcut.action());
            action.setWrapText(true);
            action.setMinHeight(Region.USE_PREF_SIZE);
            keys.setLabelFor(action);
            rows.addRow(line++, keys, action);
        }
    }
}
