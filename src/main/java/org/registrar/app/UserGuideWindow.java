package org.registrar.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.registrar.i18n.Messages;

/**
 * Help ▸ User guide: docs/user-guide.md as the build copied it into the package (resource {@value #RESOURCE} beside
 * this class), rendered as text in a window of its own; no web link, no browser. FX thread only.
 */
final class UserGuideWindow {
    static final String RESOURCE = "user-guide.md";

    private UserGuideWindow() {}

    /** The guide's Markdown from the package, or null when the package has none. Reads a resource (small). */
    static String text() {
        try (InputStream in = UserGuideWindow.class.getResourceAsStream(RESOURCE)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException error) {
            throw new UncheckedIOException(error);
        }
    }

    /** Opens the guide beside {@code owner} (may be null); not modal, so the guide stays open while working. */
    static Stage show(Window owner) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(Messages.text("menu.guide.title"));
        stage.setScene(new Scene(view(text()), 760, 640));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.show();
        return stage;
    }

    /** The guide rendered: one node per block in a scroll pane. */
    static ScrollPane view(String markdown) {
        VBox page = new VBox(10);
        page.setId("user-guide");
        page.setPadding(new Insets(16, 24, 24, 24));
        if (markdown == null) {
            page.getChildren().add(new Label(Messages.text("menu.guide.missing")));
        } else {
            for (GuideMarkdown.Block block : GuideMarkdown.parse(markdown)) {
                page.getChildren().add(render(block));
            }
        }
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("user-guide-scroll");
        return scroll;
    }

    private static Node render(GuideMarkdown.Block block) {
        return switch (block.kind()) {
            case HEADING -> {
                Label heading = new Label(GuideMarkdown.plain(block.text()));
                heading.getStyleClass().add("title-" + Math.min(4, block.level() + 1));
                heading.setStyle("-fx-font-weight: bold; -fx-font-size: "
                        + (block.level() == 1 ? "1.7em" : block.level() == 2 ? "1.35em" : "1.1em") + ";");
                heading.setWrapText(true);
                heading.setPadding(new Insets(block.level() <= 2 ? 12 : 6, 0, 0, 0));
                yield heading;
            }
            case PARAGRAPH -> flow(block.spans(), "");
            case ITEM -> {
                TextFlow item = flow(block.spans(), "•  ");
                item.setPadding(new Insets(0, 0, 0, 16 + 16 * block.level()));
                yield item;
            }
            case CODE -> {
                Label code = new Label(block.text());
                code.setStyle(
                        "-fx-font-family: monospace; -fx-background-color: -color-bg-subtle;" + " -fx-padding: 8;");
                code.setWrapText(true);
                yield code;
            }
            case IMAGE -> {
                Label image = new Label("[" + block.text() + "]");
                image.setStyle("-fx-font-style: italic;");
                image.getStyleClass().add("text-muted");
                yield image;
            }
            case TABLE -> table(block.rows());
        };
    }

    private static TextFlow flow(List<GuideMarkdown.Span> spans, String prefix) {
        TextFlow flow = new TextFlow();
        if (!prefix.isEmpty()) {
            flow.getChildren().add(text(prefix, ""));
        }
        for (GuideMarkdown.Span span : spans) {
            flow.getChildren()
                    .add(text(
                            span.text(),
                            span.code() ? "-fx-font-family: monospace;" : span.bold() ? "-fx-font-weight: bold;" : ""));
        }
        return flow;
    }

    private static Text text(String content, String style) {
        Text text = new Text(content);
        text.getStyleClass().add("guide-text");
        text.setStyle("-fx-fill: -color-fg-default;" + style);
        return text;
    }

    private static GridPane table(List<List<String>> rows) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        for (int row = 0; row < rows.size(); row++) {
            List<String> cells = rows.get(row);
            for (int column = 0; column < cells.size(); column++) {
                Label cell = new Label(GuideMarkdown.plain(cells.get(column)));
                cell.setWrapText(true);
                if (column < cells.size() - 1) {
                    cell.setMinWidth(Region.USE_PREF_SIZE); // short keys and names keep their line; the last wraps
                }
                if (row == 0) {
                    cell.setStyle("-fx-font-weight: bold;");
                }
                grid.add(cell, column, row);
            }
        }
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        for (int column = 0; column < columns; column++) {
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setHgrow(column == columns - 1 ? Priority.ALWAYS : Priority.NEVER);
            grid.getColumnConstraints().add(constraints);
        }
        return grid;
    }
}
