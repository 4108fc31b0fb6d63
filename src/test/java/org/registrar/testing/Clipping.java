package org.registrar.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a user would see cut: every visible button, label, check box, menu and column header of a window whose
 * displayed text is shorter than its text ("Studen…"), or that lies outside the window or outside the clip of a
 * pane holding it. Rows of tables and lists (cells inside a scrolling body) and anything inside a scroll pane are
 * left out of the "outside" check: they are meant to scroll. Issue 18's clipping test is built on it.
 */
public final class Clipping {
    private static final double SLACK = 0.5;

    private Clipping() {}

    /** The problems of a shown window, looked at on the FX thread after CSS and layout have run. */
    public static List<String> in(Window window) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
                    Scene scene = window.getScene();
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    return problems(scene);
                })
                .get(20, TimeUnit.SECONDS);
    }

    /** On the FX thread: the problems of a scene as it is laid out now, each naming the control. */
    public static List<String> problems(Scene scene) {
        List<String> problems = new ArrayList<>();
        visit(scene.getRoot(), scene, problems);
        return problems;
    }

    private static void visit(Node node, Scene scene, List<String> problems) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof IndexedCell<?> cell && insideScrollingBody(cell)) {
            return;
        }
        if (node instanceof Labeled labeled) {
            truncation(labeled).ifPresent(problems::add);
        }
        if ((node instanceof Labeled || node instanceof TextInputControl) && !insideScrollPane(node)) {
            String outside = outside(node, scene);
            if (outside != null) {
                problems.add(outside);
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, scene, problems);
            }
        }
    }

    /**
     * On the FX thread: the cells of {@code table}'s shown columns whose displayed text is cut ("9B-00…" for
     * "9B-00022"), each named by its column's id, except in the columns named in {@code except} (a flexible column
     * meant to give way).
     */
    public static List<String> cutCells(javafx.scene.control.TableView<?> table, String... except) {
        java.util.Set<String> skipped = java.util.Set.of(except);
        table.applyCss();
        table.layout();
        List<String> cut = new ArrayList<>();
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof javafx.scene.control.TableCell<?, ?> cell
                    && cell.isVisible()
                    && cell.getTableColumn() != null
                    && cell.getTableColumn().isVisible()
                    && !skipped.contains(cell.getTableColumn().getId())) {
                truncation(cell)
                        .ifPresent(problem -> cut.add(cell.getTableColumn().getId() + ": " + problem));
            }
        }
        return cut;
    }

    /** What {@code labeled} shows instead of its whole text ("Studen…"), named; empty when it shows it all. */
    public static java.util.Optional<String> truncation(Labeled labeled) {
        String text = labeled.getText();
        if (text == null || text.isBlank()) {
            return java.util.Optional.empty();
        }
        String expected = labeled.isMnemonicParsing() ? withoutMnemonic(text) : text;
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && child.getStyleClass().contains("text") && shown.isVisible()) {
                String displayed = shown.getText();
                if (displayed != null
                        && !displayed.equals(expected)
                        && !displayed.replace("\n", " ").equals(expected.replace("\n", " "))) {
                    return java.util.Optional.of(
                            name(labeled) + " shows \"" + displayed + "\" instead of \"" + expected + "\"");
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The text as shown: a single underscore marks the mnemonic and is not drawn; "__" draws one. */
    static String withoutMnemonic(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        boolean marked = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_' && !marked && i + 1 < text.length()) {
                if (text.charAt(i + 1) == '_') {
                    shown.append('_');
                    i++;
                    continue;
                }
                marked = true;
                continue;
            }
            shown.append(c);
        }
        return shown.toString();
    }

    private static String outside(Node node, Scene scene) {
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        if (bounds.getWidth() <= 0 || bounds.getHeight() <= 0) {
            return null;
        }
        if (bounds.getMinX() < -SLACK
                || bounds.getMinY() < -SLACK
                || bounds.getMaxX() > scene.getWidth() + SLACK
                || bounds.getMaxY() > scene.getHeight() + SLACK) {
            return name(node) + " lies outside the window (" + describe(bounds) + " in a " + (int) scene.getWidth()
                    + "×" + (int) scene.getHeight() + " window)";
        }
        for (Parent ancestor = node.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (ancestor.getClip() != null) {
                Bounds clip = ancestor.localToScene(ancestor.getClip().getBoundsInParent());
                if (bounds.getMinX() < clip.getMinX() - SLACK
                        || bounds.getMaxX() > clip.getMaxX() + SLACK
                        || bounds.getMinY() < clip.getMinY() - SLACK
                        || bounds.getMaxY() > clip.getMaxY() + SLACK) {
                    return name(node) + " is cut off by " + name(ancestor) + " (" + describe(bounds) + " beyond "
                            + describe(clip) + ")";
                }
            }
        }
        return null;
    }

    private static boolean insideScrollingBody(Node node) {
        for (Parent ancestor = node.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (ancestor.getClass().getSimpleName().equals("VirtualFlow")) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideScrollPane(Node node) {
        for (Parent ancestor = node.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (ancestor instanceof ScrollPane
                    || ancestor.getClass().getSimpleName().equals("VirtualFlow")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Bounds bounds) {
        return String.format(
                "x %.0f–%.0f, y %.0f–%.0f", bounds.getMinX(), bounds.getMaxX(), bounds.getMinY(), bounds.getMaxY());
    }

    /** A control as a person finding it would name it: its kind, id and text. */
    public static String name(Node node) {
        StringBuilder name = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            name.append(" #").append(node.getId());
        }
        if (node instanceof Labeled labeled
                && labeled.getText() != null
                && !labeled.getText().isBlank()) {
            name.append(" \"").append(labeled.getText()).append('"');
        } else if (node instanceof TextInputControl input && input.getPromptText() != null) {
            name.append(" (prompt \"").append(input.getPromptText()).append("\")");
        }
        return name.toString();
    }
}
