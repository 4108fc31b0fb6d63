package org.registrar.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.registrar.assessments.BulkEntryView;
import org.registrar.db.Privileges;
import org.registrar.dialogs.DialogService;
import org.registrar.dialogs.FxDialogService;
import org.registrar.health.HealthSettings;
import org.registrar.i18n.Messages;

/**
 * The shell: navigation on the left, the chosen screen in the middle, the status bar below. Screens come from
 * {@link Screens} (the composition root), are built on first visit and kept, so their state survives switching.
 * Owns the app's one {@link DialogService}, whose dialogs belong to this window. Executors belong to the
 * {@link AppContext}, not to the window.
 */
final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final StatusBarView statusBar;
    private final Map<String, Supplier<Node>> screens;
    private final Map<String, Node> built = new LinkedHashMap<>();
    private final ToggleGroup navigation = new ToggleGroup();
    private final DialogService dialogs;
    private final Screens wiring;
    private final java.nio.file.Path dataHome;
    private final MainMenu menu;

    MainWindow(AppContext context, Runnable editConnection) {
        this(context, editConnection, HealthSettings.load());
    }

    /**
     * @param editConnection opens the connection form (the demo banner's action too)
     * @param health the Health screen's thresholds from the effective settings
     */
    MainWindow(AppContext context, Runnable editConnection, HealthSettings health) {
        this(context, editConnection, health, Language.system(), () -> {});
    }

    /**
     * @param language this start's language and whether it is locked (the View ▸ Language menu)
     * @param quit File ▸ Quit: asks the window to close, as its close button does
     */
    MainWindow(AppContext context, Runnable editConnection, HealthSettings health, Language language, Runnable quit) {
        this.dialogs = new FxDialogService(
                () -> root.getScene() == null ? null : root.getScene().getWindow());
        this.wiring = new Screens(context, dialogs, editConnection, health);
        this.dataHome = context.dataHome();
        statusBar = StatusBarView.create(context);
        context.sampler().start();
        screens = wiring.forLogin();
        menu = MainMenu.create(
                List.copyOf(screens.keySet()),
                language,
                new MainMenu.Actions(
                        editConnection,
                        quit,
                        this::show,
                        this::showShortcuts,
                        this::showUserGuide,
                        this::showAbout,
                        this::saveLanguage));
        menu.installExtraKeys(root, this::showShortcuts);
        VBox top = new VBox(menu.bar());
        if (context.embedded()) {
            top.getChildren().add(demoBanner(editConnection));
        }
        root.setTop(top);
        root.setLeft(navigationBar());
        root.setBottom(statusBar.root());
        root.getStyleClass().add("main-window");
        show(screens.keySet().iterator().next());
        openOnWaitingDrafts();
    }

    /**
     * Unsaved scores kept from an earlier session: the window opens on the Assessments screen, which lists them with
     * Resume and Discard, unless the user has already gone elsewhere.
     */
    private void openOnWaitingDrafts() {
        if (!screens.containsKey("Assessments")) {
            return;
        }
        String first = screens.keySet().iterator().next();
        wiring.findWaitingDrafts(waiting -> {
            if (waiting && built.size() == 1 && built.containsKey(first)) {
                show("Assessments");
            }
        });
    }

    /** The screens this login sees, in navigation order (see {@link Screens#screensFor}). */
    static List<String> screensFor(Privileges privileges) {
        return Screens.screensFor(privileges);
    }

    /**
     * Above every screen while the demo data is open, so no one types real scores into made-up records: what it is,
     * and the way to the school's server.
     */
    static Node demoBanner(Runnable editConnection) {
        Label title = new Label(Messages.text("shell.demo.title"));
        title.setId("demo-banner-title");
        title.getStyleClass().add("demo-banner-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(Messages.text("shell.demo.text"));
        text.getStyleClass().add("demo-banner-text");
        // the explanation gives way (wraps) before the title and the way out do
        text.setWrapText(true);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.SOMETIMES);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button connect = new Button(Messages.text("shell.demo.connect"));
        connect.setId("demo-banner-connect");
        connect.getStyleClass().addAll("small", "accent");
        connect.setMinWidth(Region.USE_PREF_SIZE);
        connect.setOnAction(event -> editConnection.run());
        HBox banner = new HBox(12, title, text, spacer, connect);
        banner.setId("demo-banner");
        banner.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        banner.getStyleClass().add("demo-banner");
        return banner;
    }

    private Node navigationBar() {
        Label brand = new Label(Messages.text("shell.brand"));
        brand.getStyleClass().addAll("title-3", "brand");
        VBox bar = new VBox(4, brand);
        bar.getStyleClass().add("navigation");
        bar.setPadding(new Insets(16, 8, 16, 8));
        for (String name : screens.keySet()) {
            ToggleButton button = new ToggleButton(label(name));
            button.setId("nav-" + name.toLowerCase());
            button.setUserData(name);
            button.setToggleGroup(navigation);
            button.setMaxWidth(Double.MAX_VALUE);
            button.getStyleClass().add("nav-button");
            button.setOnAction(event -> show(name));
            bar.getChildren().add(button);
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        bar.getChildren().addAll(spacer, themeToggle());
        // at least 180 px, wider where a language's names need it
        bar.setMinWidth(180);
        return bar;
    }

    /** A screen's name in the navigation, in the chosen language (the English name stays its id). */
    private static String label(String screen) {
        return switch (screen) {
            case "Students" -> Messages.text("shell.nav.students");
            case "Assessments" -> Messages.text("shell.nav.assessments");
            case "Mentors" -> Messages.text("shell.nav.mentors");
            case "Health" -> Messages.text("shell.nav.health");
            case "Connection" -> Messages.text("shell.nav.connection");
            case "Reports" -> Messages.text("shell.nav.reports");
            default -> screen;
        };
    }

    private static Node themeToggle() {
        ToggleButton dark = new ToggleButton(Messages.text("shell.nav.dark"));
        dark.setId("theme-toggle");
        dark.setMaxWidth(Double.MAX_VALUE);
        dark.getStyleClass().add("nav-button");
        dark.setSelected(Theme.saved() == Theme.DARK);
        dark.setOnAction(event -> (dark.isSelected() ? Theme.DARK : Theme.LIGHT).apply());
        return dark;
    }

    /** Help ▸ About Registrar. */
    private void showAbout() {
        dialogs.ask(AboutDialog.dialog(AboutInfo.of(dataHome)), answer -> {});
    }

    /** Help ▸ Keyboard shortcuts (F1, Ctrl+/). */
    private void showShortcuts() {
        dialogs.ask(ShortcutSheet.dialog(menu.shortcuts()), answer -> {});
    }

    /** Help ▸ User guide: the guide shipped inside the package, in a window of its own. */
    private void showUserGuide() {
        UserGuideWindow.show(root.getScene() == null ? null : root.getScene().getWindow());
    }

    /** View ▸ Language: saved in the user's settings (off the FX thread) for the next start, and said so. */
    private void saveLanguage(String tag) {
        Thread saving = new Thread(() -> ProfileStore.forUser().saveLanguage(tag), "registrar-save-language");
        saving.setDaemon(true);
        saving.start();
        dialogs.inform(
                Messages.text("menu.language.savedHeader"),
                Messages.text(
                        "menu.language.savedText",
                        tag == null ? Messages.text("menu.language.system") : MainMenu.languageName(tag)));
    }

    /** The menu bar (tests). */
    MainMenu menu() {
        return menu;
    }

    private void show(String name) {
        Node screen = built.computeIfAbsent(name, key -> screens.get(key).get());
        root.setCenter(screen);
        navigation.getToggles().stream()
                .filter(toggle -> name.equals(toggle.getUserData()))
                .findFirst()
                .ifPresent(toggle -> toggle.setSelected(true));
    }

    /**
     * The window is asked to close: the cell being typed into is committed to the draft first; with scores not
     * saved the user chooses save now, keep as a draft or discard, and {@code close} runs once that is done (after a
     * save only if it left nothing unsaved). Cancel keeps the window open.
     */
    void closeRequested(Runnable close) {
        BulkEntryView bulkEntry = wiring.bulkEntry();
        if (bulkEntry == null || bulkEntry.unsavedStudents() == 0) {
            close.run();
            return;
        }
        dialogs.ask(UnsavedPrompt.dialog(bulkEntry.unsavedSummary()), answer -> {
            UnsavedPrompt.Choice choice = answer.orElse(UnsavedPrompt.Choice.CANCEL);
            switch (choice) {
                case SAVE -> {
                    show("Assessments");
                    bulkEntry.saveNow(close);
                }
                case KEEP_DRAFT -> bulkEntry.keepAsDraft(close);
                case DISCARD -> bulkEntry.discardEdits(close);
                case CANCEL -> {}
            }
        });
    }

    /** The app's dialog service, owned by this window. */
    DialogService dialogs() {
        return dialogs;
    }

    Parent root() {
        return root;
    }

    /** Stops the window's own timers and listeners; the threads stop when the {@link AppContext} closes. */
    void dispose() {
        statusBar.dispose();
    }
}
