package org.registrar.testing;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Picks a class in a typed class picker ({@code org.registrar.ui.ClassPicker}) as a mouse user does. */
public final class ClassPicks {
    private ClassPicks() {}

    /** Opens the picker whose field has {@code fieldId} ("#cohort-picker") and picks the first class it lists. */
    public static void first(FxRobot robot, String fieldId) throws Exception {
        matching(robot, fieldId, item -> true);
    }

    /**
     * Opens the picker with its arrow, waits for a class {@code wanted} accepts among the first it lists (with no prefix
     * typed) and clicks it.
     */
    public static void matching(FxRobot robot, String fieldId, Predicate<Object> wanted) throws Exception {
        TextField field = robot.lookup(fieldId).queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> OnFx.read(() -> !field.isDisabled()));
        // the arrow beside the field opens the list, as a mouse user opens a drop-down
        robot.clickOn(fieldId + "-arrow");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> OnFx.read(() -> list(robot, fieldId)
                        .map(list -> list.getItems().stream().anyMatch(wanted))
                        .orElse(false)));
        Object item = OnFx.read(() -> {
            ListView<Object> list = list(robot, fieldId).orElseThrow();
            Object found = list.getItems().stream().filter(wanted).findFirst().orElseThrow();
            list.scrollTo(found);
            return found;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(fieldId + "-list .list-cell")
                .match(cell -> cell instanceof ListCell<?> listed && item.equals(listed.getItem()))
                .queryAs(ListCell.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** True while a popup window (a picker's list) is showing. */
    public static boolean popupShowing() {
        return Window.getWindows().stream().anyMatch(window -> window instanceof PopupWindow && window.isShowing());
    }

    /** The popup window showing (a picker's list). */
    public static Window popup() {
        return Window.getWindows().stream()
                .filter(window -> window instanceof PopupWindow && window.isShowing())
                .findFirst()
                .orElseThrow();
    }

    /** True when {@code list} shows a vertical scroll bar. FX thread. */
    public static boolean scrollBarShown(ListView<?> list) {
        return list.lookupAll(".scroll-bar").stream()
                .anyMatch(node -> node instanceof ScrollBar bar
                        && bar.getOrientation() == Orientation.VERTICAL
                        && bar.isVisible());
    }

    /** How many of {@code list}'s filled rows show whole inside it: none cut at its top or bottom. FX thread. */
    public static int rowsShownWhole(ListView<?> list) {
        Node viewport = list.lookup(".clipped-container");
        Bounds inside = viewport.localToScene(viewport.getLayoutBounds());
        int whole = 0;
        for (Node node : list.lookupAll(".list-cell")) {
            if (node instanceof ListCell<?> cell && !cell.isEmpty() && cell.isVisible()) {
                Bounds row = cell.localToScene(cell.getLayoutBounds());
                if (row.getMinY() >= inside.getMinY() - 0.5 && row.getMaxY() <= inside.getMaxY() + 0.5) {
                    whole++;
                }
            }
        }
        return whole;
    }

    @SuppressWarnings("unchecked")
    private static Optional<ListView<Object>> list(FxRobot robot, String fieldId) {
        return robot.lookup(fieldId + "-list").tryQueryAs(ListView.class).map(list -> (ListView<Object>) list);
    }
}
