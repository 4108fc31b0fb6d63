package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.registrar.app.GuideMarkdown.Block;
import org.registrar.app.GuideMarkdown.Kind;
import org.registrar.app.GuideMarkdown.Span;
import org.registrar.testing.LeftWindows;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Help ▸ User guide: docs/user-guide.md shipped inside the package and shown as text, no browser (ADR 0049). */
class UserGuideWindowTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        LeftWindows.close();
    }

    @Test
    void theGuideIsInThePackageWithItsKeyboardShortcuts() {
        String guide = UserGuideWindow.text();

        assertThat(guide)
                .startsWith("# User guide")
                .contains("## Keyboard shortcuts")
                .contains("| Ctrl+D |");
    }

    @Test
    void headingsParagraphsListsCodeTablesAndImagesAreRead() {
        List<Block> blocks = GuideMarkdown.parse(String.join(
                "\n",
                "# Title",
                "",
                "A paragraph that",
                "goes on with `code` and **bold** and [a link](http://example.org) and *so* on; 2 * 3.",
                "",
                "- one item",
                "  that continues",
                "  - a nested one",
                "1. numbered",
                "",
                "```",
                "registrar doctor",
                "  --config FILE",
                "```",
                "![Students screen](screenshots/students.png)",
                "| key | what |",
                "|---|---|",
                "| `F1` | help |"));

        assertThat(blocks)
                .extracting(Block::kind)
                .containsExactly(
                        Kind.HEADING,
                        Kind.PARAGRAPH,
                        Kind.ITEM,
                        Kind.ITEM,
                        Kind.ITEM,
                        Kind.CODE,
                        Kind.IMAGE,
                        Kind.TABLE);
        assertThat(blocks.get(1).spans())
                .containsExactly(
                        new Span("A paragraph that goes on with ", false, false),
                        new Span("code", false, true),
                        new Span(" and ", false, false),
                        new Span("bold", true, false),
                        new Span(" and ", false, false),
                        new Span("a link", false, false),
                        new Span(" and ", false, false),
                        new Span("so", false, false),
                        new Span(" on; 2 * 3.", false, false));
        assertThat(blocks.get(2).text()).isEqualTo("one item that continues");
        assertThat(blocks.get(3).level()).isEqualTo(1);
        assertThat(blocks.get(5).text()).isEqualTo("registrar doctor\n  --config FILE");
        assertThat(blocks.get(6).text()).isEqualTo("Students screen");
        assertThat(blocks.get(7).rows()).containsExactly(List.of("key", "what"), List.of("`F1`", "help"));
    }

    @Test
    void theWindowShowsTheGuideAsText() throws Exception {
        Stage stage =
                WaitForAsyncUtils.asyncFx(() -> UserGuideWindow.show(null)).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        VBox page = (VBox) stage.getScene().lookup("#user-guide");
        List<String> headings = page.getChildren().stream()
                .filter(Label.class::isInstance)
                .map(node -> ((Label) node).getText())
                .collect(Collectors.toList());
        assertThat(stage.getTitle()).isEqualTo("Registrar user guide");
        assertThat(headings).contains("User guide", "Keyboard shortcuts", "Students");
        assertThat(page.getChildren()).anySatisfy(node -> assertThat(text(node)).contains("Ctrl+D"));
        assertThat(page.getChildren()).anySatisfy(node -> assertThat(node).isInstanceOf(TextFlow.class));
        Screenshots.save(stage.getScene(), "user-guide");
    }

    private static String text(Node node) {
        if (node instanceof GridPane grid) {
            return grid.getChildren().stream()
                    .map(cell -> ((Label) cell).getText())
                    .collect(Collectors.joining(" "));
        }
        if (node instanceof TextFlow flow) {
            return flow.getChildren().stream()
                    .map(part -> ((Text) part).getText())
                    .collect(Collectors.joining());
        }
        return node instanceof Label label ? label.getText() : "";
    }
}
