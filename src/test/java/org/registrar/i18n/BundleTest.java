package org.registrar.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The four bundles hold the same keys with the same arguments, every value is a valid {@link MessageFormat}, every
 * key is used by the code or a layout, and every key the code asks for exists.
 */
class BundleTest {
    private static final Path BUNDLES = Path.of("src/main/resources/org/registrar/i18n");
    private static final Map<String, Locale> LANGUAGES = new LinkedHashMap<>();

    static {
        LANGUAGES.put("messages.properties", Locale.ENGLISH);
        LANGUAGES.put("messages_de.properties", Locale.GERMAN);
        LANGUAGES.put("messages_fr.properties", Locale.FRENCH);
        LANGUAGES.put("messages_es.properties", Locale.forLanguageTag("es"));
    }

    /** {0}, {1,number,integer}, {2,choice,…}: the argument numbers a pattern uses. */
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    /** A lone apostrophe: MessageFormat would swallow it and quote the text after it. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    private static final Pattern TEXT_CALL = Pattern.compile("Messages\\.text\\(\\s*\"([^\"]+)\"");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([A-Za-z][\\w-]*(?:\\.[\\w-]+)+)\"");
    /** A literal that names a key of the messages or cli areas, wherever it is written ("messages.save.saved"). */
    private static final Pattern AREA_KEY = Pattern.compile("\"((?:messages|cli)\\.[\\w.]+)\"");

    private static final Pattern FXML_KEY = Pattern.compile("\"%([\\w.-]+)\"");

    @Test
    void everyLanguageHasEveryKey() {
        Set<String> english = load("messages.properties").stringPropertyNames();
        assertThat(english).isNotEmpty();
        for (String file : LANGUAGES.keySet()) {
            assertThat(load(file).stringPropertyNames()).as(file).containsExactlyInAnyOrderElementsOf(english);
        }
    }

    @Test
    void everyLanguageUsesTheSameArguments() {
        Properties english = load("messages.properties");
        for (String file : LANGUAGES.keySet()) {
            Properties language = load(file);
            for (String key : english.stringPropertyNames()) {
                assertThat(arguments(language.getProperty(key, "")))
                        .as("%s in %s", key, file)
                        .isEqualTo(arguments(english.getProperty(key)));
            }
        }
    }

    @Test
    void everyValueIsAMessageFormatWithoutALoneApostrophe() {
        LANGUAGES.forEach((file, locale) -> load(file).forEach((key, value) -> {
            assertThatCode(() -> new MessageFormat((String) value, locale))
                    .as("%s in %s", key, file)
                    .doesNotThrowAnyException();
            assertThat(LONE_APOSTROPHE.matcher((String) value).find())
                    .as("%s in %s: write '' for an apostrophe", key, file)
                    .isFalse();
        }));
    }

    /**
     * A choice branch that holds an argument ("{0,number,integer} demandes n''''ont") is formatted twice, so its
     * apostrophe is written four times; written twice, "n''ont" would come out "nont".
     */
    @Test
    void anApostropheInAChoiceBranchWithArgumentsIsWrittenFourTimes() {
        Pattern twice = Pattern.compile("(?<!')''(?!')");
        LANGUAGES
                .keySet()
                .forEach(file -> load(file).forEach((key, value) -> {
                    for (String branch : choiceBranches((String) value)) {
                        assertThat(branch.contains("{") && twice.matcher(branch).find())
                                .as("%s in %s: write '''' in the branch \"%s\"", key, file, branch)
                                .isFalse();
                    }
                }));
        assertThat(new MessageFormat("{0,choice,1#1 n''a|1<{0,number,integer} n''''ont}", Locale.FRENCH)
                        .format(new Object[] {3}))
                .isEqualTo("3 n'ont");
    }

    private static List<String> choiceBranches(String value) {
        List<String> branches = new ArrayList<>();
        Matcher choice = Pattern.compile(",choice,").matcher(value);
        while (choice.find()) {
            int depth = 1;
            int start = choice.end();
            for (int i = start; i < value.length() && depth > 0; i++) {
                char c = value.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    branches.add(value.substring(start, i));
                } else if (c == '|' && depth == 1) {
                    branches.add(value.substring(start, i));
                    start = i + 1;
                }
            }
        }
        return branches;
    }

    @Test
    void everyKeyIsUsedByTheCodeOrALayout() {
        Set<String> used = new TreeSet<>();
        for (String source : sources(Path.of("src/main/java"), ".java")) {
            collect(STRING_LITERAL, source, used);
        }
        for (String layout : sources(Path.of("src/main/resources"), ".fxml")) {
            collect(FXML_KEY, layout, used);
        }
        Set<String> unused = new TreeSet<>(load("messages.properties").stringPropertyNames());
        unused.removeAll(used);
        assertThat(unused).as("keys no code or layout uses").isEmpty();
    }

    @Test
    void everyKeyTheCodeAsksForExists() {
        Set<String> asked = new TreeSet<>();
        for (String source : sources(Path.of("src/main/java"), ".java")) {
            collect(TEXT_CALL, source, asked);
            collect(AREA_KEY, source, asked);
        }
        for (String layout : sources(Path.of("src/main/resources"), ".fxml")) {
            collect(FXML_KEY, layout, asked);
        }
        assertThat(asked).isNotEmpty();
        asked.removeAll(load("messages.properties").stringPropertyNames());
        assertThat(asked).as("keys missing from messages.properties").isEmpty();
    }

    private static Set<String> arguments(String pattern) {
        Set<String> numbers = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(pattern);
        while (matcher.find()) {
            numbers.add(matcher.group(1));
        }
        return numbers;
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    static Properties load(String file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static List<String> sources(Path root, String suffix) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(suffix))
                    .map(file -> {
                        try {
                            return Files.readString(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
