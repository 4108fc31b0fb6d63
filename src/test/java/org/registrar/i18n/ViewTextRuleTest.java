package org.registrar.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No class that builds the scene graph (views, dialogs, panes, their helpers) sets literal user text: words come
 * from the bundle ({@code %key} in FXML, {@code Messages.text("key")} in code). The classes that still do are listed
 * here by name; the list only shrinks, and a listed class without literals left fails the test until it is taken off.
 */
class ViewTextRuleTest {
    private static final Path MAIN = Path.of("src/main/java/org/registrar");

    /** setText("Save"), setPromptText("Search…"), setTitle("…"), alerts' header and content text, placeholders. */
    private static final Pattern LITERAL_SETTER = Pattern.compile(
            "\\.(setText|setPromptText|setTitle|setHeaderText|setContentText|setAccessibleText|setAccessibleHelp"
                    + "|setPlaceholder)\\(\\s*\"[^\"]*\\p{L}");

    /** new Label("Name"), new Button("Save"), new Tooltip("…"), new TableColumn<>("Student"), … */
    private static final Pattern LITERAL_CONTROL = Pattern.compile(
            "new (Label|Button|ToggleButton|CheckBox|RadioButton|MenuItem|Menu|CheckMenuItem|RadioMenuItem|Tooltip"
                    + "|Tab|TitledPane|Hyperlink|Text|TableColumn|TreeTableColumn|MenuButton|SplitMenuButton)"
                    + "(<[^>(]*>)?\\(\\s*\"[^\"]*\\p{L}");

    /** Classes (path under org/registrar) that still set literal text today. Take a class off once it has none. */
    private static final Set<String> STILL_LITERAL = Set.of();

    @Test
    void noSceneGraphClassSetsLiteralUserText() {
        Set<String> offenders = new TreeSet<>(literalClasses());
        offenders.removeAll(STILL_LITERAL);
        assertThat(offenders)
                .as("classes that set literal user text: use Messages.text(\"key\") or %key in FXML")
                .isEmpty();
    }

    @Test
    void theListOfClassesStillSettingLiteralsIsHonest() {
        Set<String> cleaned = new TreeSet<>(STILL_LITERAL);
        cleaned.removeAll(literalClasses());
        assertThat(cleaned)
                .as("these classes no longer set literal text (or are gone): take them off STILL_LITERAL")
                .isEmpty();
    }

    @Test
    void theRuleSeesALiteral() {
        assertThat(literal("save.setText(\"Save\");")).isTrue();
        assertThat(literal("new TableColumn<StudentRow, String>(\"Student\")")).isTrue();
        assertThat(literal("Tooltip tip = new Tooltip(\"Copy\");")).isTrue();
        assertThat(literal("alert.setHeaderText(\"Déjà\");")).isTrue();
        assertThat(literal("save.setText(Messages.text(\"students.save\"));")).isFalse();
        assertThat(literal("status.setText(\"\");")).isFalse();
        assertThat(literal("count.setText(\" · \" + count);")).isFalse();
    }

    private static boolean literal(String source) {
        return LITERAL_SETTER.matcher(source).find()
                || LITERAL_CONTROL.matcher(source).find();
    }

    private static List<String> literalClasses() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> {
                        String source = read(file);
                        return source.contains("import javafx.scene") && literal(source);
                    })
                    .map(file -> MAIN.relativize(file).toString().replace('\\', '/'))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
