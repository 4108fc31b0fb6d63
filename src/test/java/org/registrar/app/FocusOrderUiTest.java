package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Accordion;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.db.Privileges;
import org.registrar.db.TestDatabases;
import org.registrar.testing.LeftWindows;
import org.registrar.testing.TestSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Tab through each main screen as a keyboard user does: every control that can take the keyboard is reached, in an
 * order that reads like the screen (its search and filters before its table, the table before what acts on the
 * rows), and Tab leads out of the screen again: nothing skipped, nothing trapped.
 */
class FocusOrderUiTest {
    private static final int MAX_TABS = 120;

    @TempDir
    static Path dataHome;

    private static Stage stage;
    private static TestSession session;
    private static AppContext context;
    private static MainWindow window;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void open() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        // a window an earlier test left showing would take the keys this test types (after the toolkit is up: run
        // first in its JVM, the test failed with "Toolkit not initialized")
        LeftWindows.close();
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
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(context, () -> {});
            stage.setScene(new Scene(window.root(), 1280, 800));
            stage.show();
        });
    }

    @AfterAll
    static void close() throws Exception {
        new FxRobot().interact(() -> window.dispose());
        FxToolkit.cleanupStages();
        context.close();
        session.close();
    }

    /** The ids (or class names) of the controls Tab reaches in the screen, from the screen's nav button on. */
    private List<String> tabThrough(String screen) throws Exception {
        robot.clickOn("#nav-" + screen);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(50);
        WaitForAsyncUtils.waitForFxEvents();
        Node center = center();
        robot.interact(() -> {
            stage.toFront();
            stage.requestFocus();
            robot.lookup("#nav-" + screen).query().requestFocus();
        });
        List<Node> reached = new ArrayList<>();
        boolean left = false;
        for (int tab = 0; tab < MAX_TABS; tab++) {
            robot.push(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            Node owner = stage.getScene().getFocusOwner();
            if (owner != null && inside(owner, center)) {
                Node control = controlOf(owner, center);
                if (!reached.isEmpty() && reached.get(reached.size() - 1) == control) {
                    continue; // a control whose parts take focus one after the other (a spinner's editor)
                }
                assertThat(reached)
                        .as("%s: reached twice before leaving the screen: %s", screen, name(control))
                        .doesNotContain(control);
                reached.add(control);
            } else if (!reached.isEmpty()) {
                left = true;
                break;
            }
        }
        List<String> names = reached.stream().map(FocusOrderUiTest::name).collect(Collectors.toList());
        assertThat(left)
                .as("%s: Tab never left the screen (trapped) after %s", screen, names)
                .isTrue();
        Set<Node> focusable = new LinkedHashSet<>();
        robot.interact(() -> collect(center, focusable));
        List<String> skipped = focusable.stream()
                .filter(node -> !reached.contains(node) && !groupReached(node, reached))
                .map(FocusOrderUiTest::name)
                .collect(Collectors.toList());
        assertThat(skipped)
                .as("%s: skipped by Tab (order reached: %s)", screen, names)
                .isEmpty();
        System.out.println("Focus order of " + screen + ": " + names);
        return names;
    }

    /**
     * A toggle of a group (the Health screen's 10 min | 24 h) is reached through its group: Tab goes to the selected
     * one and the arrow keys move within the group, as in a radio group.
     */
    private static boolean groupReached(Node node, List<Node> reached) {
        return node instanceof Toggle toggle
                && toggle.getToggleGroup() != null
                && reached.stream()
                        .anyMatch(other ->
                                other instanceof Toggle sibling && sibling.getToggleGroup() == toggle.getToggleGroup());
    }

    private static Node center() {
        return ((BorderPane) window.root()).getCenter();
    }

    private static boolean inside(Node node, Node ancestor) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The outermost control below the screen that holds {@code node} (a combo box, not its inner text field). */
    private static Node controlOf(Node node, Node center) {
        Node control = node;
        for (Node at = node; at != null && at != center; at = at.getParent()) {
            if (at instanceof Control && !(at instanceof ScrollPane || at instanceof SplitPane)) {
                control = at;
            }
        }
        return control instanceof TitledPane || control instanceof TabPane || control instanceof ToolBar
                ? node
                : control;
    }

    /** The controls a keyboard user can reach: shown, enabled, traversable; containers are looked into. */
    private static void collect(Node node, Set<Node> into) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (node instanceof ScrollPane scroll) {
            if (scroll.getContent() != null) {
                collect(scroll.getContent(), into);
            }
        } else if (node instanceof SplitPane split) {
            split.getItems().forEach(item -> collect(item, into));
        } else if (node instanceof TitledPane titled) {
            if (titled.isFocusTraversable()) {
                into.add(titled);
            }
            if (titled.isExpanded() && titled.getContent() != null) {
                collect(titled.getContent(), into);
            }
        } else if (node instanceof Accordion accordion) {
            accordion.getPanes().forEach(pane -> collect(pane, into));
        } else if (node instanceof TabPane tabs) {
            if (tabs.getSelectionModel().getSelectedItem() != null
                    && tabs.getSelectionModel().getSelectedItem().getContent() != null) {
                collect(tabs.getSelectionModel().getSelectedItem().getContent(), into);
            }
        } else if (node instanceof ToolBar bar) {
            bar.getItems().forEach(item -> collect(item, into));
        } else if (node instanceof Control) {
            if (node.isFocusTraversable() && node.getScene() != null && node.isManaged()) {
                into.add(node);
            }
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }

    private static String name(Node node) {
        return node.getId() != null ? "#" + node.getId() : node.getClass().getSimpleName();
    }

    private static int at(List<String> order, String name) {
        int index = order.indexOf(name);
        assertThat(index).as("%s in %s", name, order).isGreaterThanOrEqualTo(0);
        return index;
    }

    /** Each name comes after the one before it in {@code order}. */
    private static void inOrder(List<String> order, String... names) {
        for (int index = 1; index < names.length; index++) {
            assertThat(at(order, names[index - 1]))
                    .as("%s before %s in %s", names[index - 1], names[index], order)
                    .isLessThan(at(order, names[index]));
        }
    }

    @Test
    void studentsSearchThenFiltersThenTheTableThenThePagerAndTheRecord() throws Exception {
        List<String> order = tabThrough("students");

        inOrder(
                order,
                "#students-search",
                "#filter-cohort",
                "#filter-status",
                "#students-table",
                "#page-next",
                "#edit-family-name",
                "#edit-status");
    }

    @Test
    void assessmentsPickersThenTheGridThenItsProblems() throws Exception {
        List<String> order = tabThrough("assessments");

        // Save sits in the bar just above the grid: one Shift+Tab from the grid
        inOrder(order, "#cohort-picker", "#save", "#results-grid", "#problems-list");
        assertThat(at(order, "#results-grid") - at(order, "#save")).isEqualTo(1);
    }

    @Test
    void mentorsFilterThenTheTableThenWhatActsOnTheSelection() throws Exception {
        List<String> order = tabThrough("mentors");

        inOrder(order, "#mentor-filter", "#active-only", "#mentors-table", "#rename-mentor", "#toggle-active");
        inOrder(order, "#assign-query", "#assign-search", "#candidates", "#select-all-found");
    }

    @Test
    void healthRangeAndPauseThenEachChartsTableToggleThenTheServerTabs() throws Exception {
        List<String> order = tabThrough("health");

        inOrder(
                order,
                "#range-last_10_minutes",
                "#pause-charts",
                "#chart-throughput-as-table",
                "#chart-connection-acquire-as-table",
                "#health-tabs");
        robot.interact(() -> robot.lookup("#range-last_10_minutes").query().requestFocus());
        robot.push(KeyCode.RIGHT);
        assertThat(stage.getScene().getFocusOwner().getId()).isEqualTo("range-last_24_hours");
    }

    @Test
    void connectionChecksThenReportThenSettings() throws Exception {
        List<String> order = tabThrough("connection");

        inOrder(order, "#check-again", "#copy-report", "#open-connection-settings");
    }
}
