package org.registrar.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: every class of the main code, not a list of them, writes no English words people read. A literal with
 * words is skipped only by a rule saying no person reads it (see {@link #NOBODY_READS}); what is left either comes from
 * the bundle or is in {@link #ALLOWED} for its class, with the reason. UserTextRuleTest keeps its stricter list.
 *
 * <p>Exceptions: IllegalStateException, AssertionError, NullPointerException and UnsupportedOperationException signal
 * programming errors; ErrorReporter shows them only as the technical details under a translated header. An
 * IllegalArgumentException is NOT skipped: SettingsProblem and the connection form show its message as the reason a
 * setting or address cannot be used, so its words are user text.
 */
class EveryClassTextRuleTest {
    private static final Path MAIN = Path.of("src/main/java/org/registrar");

    /**
     * Calls whose arguments no person reads: logger calls, thread names, system properties and environment variables,
     * preference keys, CSS style classes, ids and pseudo-classes, resource names, SQL and its parameter and column
     * names, programming errors, and annotations (picocli help has its own rule in UserTextRuleTest).
     */
    static final Pattern NOBODY_READS = Pattern.compile("(?:\\b(?:LOG|log|LOGGER|logger)\\s*\\.\\s*"
            + "(?:trace|debug|info|warn|error|atTrace|atDebug|atInfo|atWarn|atError)"
            + "|\\bnew\\s+Thread|\\.\\s*(?:name|setName|factory|ofPlatform|ofVirtual)"
            + "|\\bSystem\\s*\\.\\s*(?:getProperty|setProperty|clearProperty|getenv)"
            + "|\\b(?:Boolean\\.getBoolean|Integer\\.getInteger|Long\\.getLong)"
            + "|\\b\\w*(?:[pP]refs|[pP]references)\\s*\\.\\s*(?:get|put|remove|node)\\w*"
            + "|\\.\\s*(?:getStyleClass\\s*\\(\\s*\\)\\s*\\.\\s*\\w+|setId|lookup|lookupAll|setStyle"
            + "|pseudoClassStateChanged)"
            + "|\\bPseudoClass\\s*\\.\\s*getPseudoClass|\\bgetResource(?:AsStream)?"
            + "|\\.\\s*(?:createQuery|createUpdate|createCall|createScript|prepareStatement|prepareCall|executeQuery"
            + "|executeUpdate|bind\\w*|define|registerRowMapper|getString|getLong|getInt|getObject|getBigDecimal"
            + "|getTimestamp|getBoolean|getDouble|getShort|getArray|wasNull)"
            + "|\\bnew\\s+(?:IllegalStateException|AssertionError|NullPointerException|UnsupportedOperationException)"
            + "|\\bObjects\\s*\\.\\s*requireNonNull"
            + "|@\\w+(?:\\.\\w+)*)\\s*\\(");

    /** A resource's or file's name: "AboutDialog.fxml", "/javafx.properties", "app.css". */
    private static final Pattern RESOURCE =
            Pattern.compile("[\\w/.-]*\\.(?:fxml|css|png|svg|properties|md|html|txt|json|log|csv|xlsx|ods|sql)");

    /** A piece of SQL: a keyword in capitals, a snake_case name, a parameter or a positional format. */
    private static final Pattern SQL_PIECE = Pattern.compile("(?s).*(?:\\b(?:SELECT|FROM|WHERE|JOIN|UNION|RETURNING"
            + "|INSERT|UPDATE|SET|CASE|WHEN|ELSE|END|CAST|AND|AS|NOT|NULL|OVERRIDING|LIMIT)\\b|\\b[a-z]+(?:_[a-z]+)+\\b"
            + "|:[a-z]\\w*\\b|%\\d\\$s).*");

    /**
     * Per class: the literals it may keep, and why. Read from {@code every-class-text-allowed.txt} beside this test:
     * {@code == <file under org/registrar> -- <reason>}, then one quoted literal a line, as the source writes it.
     */
    private static final Map<String, Allowed> ALLOWED = allowed();

    record Allowed(String reason, Set<String> literals) {}

    private static Map<String, Allowed> allowed() {
        Map<String, Allowed> map = new LinkedHashMap<>();
        try (var in = EveryClassTextRuleTest.class.getResourceAsStream("every-class-text-allowed.txt")) {
            String file = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("== ")) {
                    int dash = line.indexOf(" -- ");
                    file = line.substring(3, dash < 0 ? line.length() : dash).strip();
                    map.put(
                            file,
                            new Allowed(dash < 0 ? "" : line.substring(dash + 4).strip(), new TreeSet<>()));
                } else if (line.startsWith("\"") && line.endsWith("\"") && line.length() > 1 && file != null) {
                    map.get(file).literals().add(line.substring(1, line.length() - 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }

    @Test
    void noClassWritesEnglishWords() {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            String name = MAIN.relativize(file).toString().replace('\\', '/');
            Allowed allowed = ALLOWED.getOrDefault(name, new Allowed("", Set.of()));
            for (String literal : wordsIn(read(file))) {
                if (!allowed.literals().contains(literal)) {
                    found.add(name + ": \"" + literal + "\"");
                }
            }
        }
        writeFinds(found);
        assertThat(found)
                .as("literal words people read: move them to the bundle, Messages.text(\"key\"), or allow them in"
                        + " EveryClassTextRuleTest.ALLOWED with the reason no person reads them")
                .isEmpty();
    }

    @Test
    void everyAllowanceHasAReasonAndIsStillNeeded() {
        List<String> stale = new ArrayList<>();
        ALLOWED.forEach((file, allowed) -> {
            assertThat(allowed.reason()).as(file).isNotBlank();
            Path path = MAIN.resolve(file);
            List<String> words = Files.exists(path) ? wordsIn(read(path)) : List.of();
            allowed.literals().stream()
                    .filter(literal -> !words.contains(literal))
                    .forEach(literal -> stale.add(file + ": \"" + literal + "\""));
        });
        assertThat(stale)
                .as("allowed literals the class no longer writes: remove them")
                .isEmpty();
    }

    /** An allowance is a reason no person reads the words, not a note that they are still to be moved. */
    @Test
    void noAllowanceIsWordsLeftToMove() {
        List<String> toDo = new ArrayList<>();
        ALLOWED.forEach((file, allowed) -> {
            if (allowed.reason().contains("TODO") || allowed.reason().contains("not yet moved")) {
                toDo.add(file + " -- " + allowed.reason());
            }
        });
        assertThat(toDo)
                .as("words people read, allowed until they were moved: move them to the bundle")
                .isEmpty();
    }

    @Test
    void theRuleSkipsWhatNobodyReadsButSeesTheRest() {
        assertThat(wordsIn("LOG.warn(\"Draft {} cannot be read\",\n        file);"))
                .isEmpty();
        assertThat(wordsIn("Thread thread = new Thread(work, \"registrar-metrics\");"))
                .isEmpty();
        assertThat(wordsIn("Thread.ofPlatform().name(\"registrar-saver\").start(work);"))
                .isEmpty();
        assertThat(wordsIn("String dir = System.getProperty(\"registrar.logDir\", \"logs here\");"))
                .isEmpty();
        assertThat(wordsIn("prefs.get(\"window width\", null);")).isEmpty();
        assertThat(wordsIn("node.getStyleClass().addAll(\"grid cell\", \"danger\"); node.setId(\"saveButton\");"))
                .isEmpty();
        assertThat(wordsIn("Fxml.load(this, \"AboutDialog.fxml\");")).isEmpty();
        assertThat(wordsIn("throw new IllegalStateException(\"not on the FX thread\");"))
                .isEmpty();
        assertThat(wordsIn("handle.createQuery(\"select name from student\").bind(\"cohort id\", 1);"))
                .isEmpty();
        assertThat(wordsIn("@Command(name = \"doctor\")\nclass X {}")).isEmpty();
        assertThat(wordsIn("String sql = \" FROM students s\" + \" WHERE s.cohort_id = :cohort\";"))
                .isEmpty();
        assertThat(wordsIn("throw new IllegalArgumentException(\"port is no number\");"))
                .containsExactly("port is no number");
        assertThat(wordsIn("issues.add(source + \" line \" + line + \": \" + message);"))
                .containsExactly(" line ");
        assertThat(wordsIn("LOG.info(\"a\");\nstatus.set(\"Saved\");")).containsExactly("Saved");
    }

    /** The literals with words in {@code source} that a person may read. */
    static List<String> wordsIn(String source) {
        return UserTextRuleTest.userLiterals(withoutWhatNobodyReads(source)).stream()
                .filter(literal -> !RESOURCE.matcher(literal).matches()
                        && !SQL_PIECE.matcher(literal).matches())
                .toList();
    }

    /** {@code source} with comments dropped and the arguments of {@link #NOBODY_READS} calls blanked. */
    static String withoutWhatNobodyReads(String source) {
        String code = withoutComments(source);
        StringBuilder out = new StringBuilder(code);
        Matcher call = NOBODY_READS.matcher(code);
        while (call.find()) {
            int end = closing(code, call.end());
            for (int i = call.end(); i < end; i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }

    /** Comments blanked, string literals kept (a "//" in a literal is no comment). */
    private static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, source.length());
                out.append(source, i, j);
                i = j;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                for (int k = i; k < end; k++) {
                    out.append(source.charAt(k) == '\n' ? '\n' : ' ');
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Where the parenthesis that {@code start} follows closes, string literals skipped. */
    private static int closing(String code, int start) {
        int depth = 1;
        for (int i = start; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                for (i++; i < code.length() && code.charAt(i) != c; i++) {
                    if (code.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return code.length();
    }

    /** All finds in target/every-class-text-finds.txt (the assertion message cuts a long list). */
    private static void writeFinds(List<String> found) {
        try {
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target/every-class-text-finds.txt"), found, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
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
