package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.registrar.assessments.input.InputLimits;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line's help bundle ({@link CommandHelp}, ADR 0059): the four languages hold the same keys, no value is
 * empty, every value is raw picocli text (not a MessageFormat), every key is read by some command's help and every
 * command and option has its text.
 */
class HelpBundleTest {
    private static final Path BUNDLES = Path.of("src/main/resources/org/registrar/i18n");
    private static final Map<String, Locale> LANGUAGES = new LinkedHashMap<>();

    static {
        LANGUAGES.put("help.properties", Locale.ENGLISH);
        LANGUAGES.put("help_de.properties", Locale.GERMAN);
        LANGUAGES.put("help_fr.properties", Locale.FRENCH);
        LANGUAGES.put("help_es.properties", Locale.forLanguageTag("es"));
    }

    /** A key no command asks for, added to the recorded bundle: it must not count as read. */
    private static final String NOBODY_READS = "registrar.no-such-option";

    /** MessageFormat's apostrophe: picocli shows it as written, twice. */
    private static final Pattern DOUBLED_APOSTROPHE = Pattern.compile("''");

    @Test
    void everyLanguageHasEveryKeyAndNoEmptyValue() {
        Set<String> english = load("help.properties").stringPropertyNames();
        assertThat(english).isNotEmpty();
        LANGUAGES.keySet().forEach(file -> {
            Properties language = load(file);
            assertThat(language.stringPropertyNames()).as(file).containsExactlyInAnyOrderElementsOf(english);
            language.forEach((key, value) -> assertThat(((String) value).strip())
                    .as("%s in %s", key, file)
                    .isNotEmpty());
        });
    }

    @Test
    void everyValueIsRawPicocliText() {
        LANGUAGES
                .keySet()
                .forEach(file -> load(file).forEach((key, value) -> {
                    String text = (String) value;
                    assertThat(DOUBLED_APOSTROPHE.matcher(text).find())
                            .as("%s in %s: picocli reads ' as is, write it once", key, file)
                            .isFalse();
                    assertThatCode(() -> String.format(text))
                            .as("%s in %s: picocli formats the help, write %% for a percent sign", key, file)
                            .doesNotThrowAnyException();
                }));
    }

    @Test
    void everyKeyIsReadByAHelpAndEveryCommandAndOptionHasItsText() {
        Set<String> keys = load("help.properties").stringPropertyNames();
        LANGUAGES.forEach((file, locale) -> {
            Set<String> read = new TreeSet<>();
            CommandLine root = Launcher.commandLine();
            root.setResourceBundle(new Recording(CommandHelp.bundle(locale), read));

            for (CommandLine command : tree(root)) {
                CommandSpec spec = command.getCommandSpec();
                String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
                assertThat(help).as("%s in %s", spec.qualifiedName(), file).doesNotContain("${");
                assertThat(spec.usageMessage().description())
                        .as("%s's description in %s", spec.qualifiedName(), file)
                        .isNotEmpty();
                for (OptionSpec option : spec.options()) {
                    assertThat(option.description())
                            .as("%s %s in %s", spec.qualifiedName(), option.longestName(), file)
                            .isNotEmpty();
                }
            }

            assertThat(read).as("a key no help asks for is not counted").doesNotContain(NOBODY_READS);
            Set<String> unused = new TreeSet<>(keys);
            unused.removeAll(read);
            assertThat(unused).as("keys of %s no help reads", file).isEmpty();
        });
    }

    @Test
    void theImportsFooterNamesEveryLimitInEveryLanguage() {
        long megabyte = 1024 * 1024;
        List<Long> limits = List.of(
                InputLimits.MAX_BYTES / megabyte,
                (long) InputLimits.MAX_LINES,
                (long) InputLimits.MAX_CELLS_PER_LINE,
                (long) InputLimits.MAX_CELLS,
                (long) InputLimits.MAX_CELL_CHARS,
                (long) InputLimits.MAX_SCORE_CHARS,
                (long) InputLimits.MAX_SHEETS,
                InputLimits.MAX_UNZIPPED_BYTES / megabyte);
        LANGUAGES.keySet().forEach(file -> {
            String footer = load(file).getProperty("registrar.import-results.usage.footer");
            for (long limit : limits) {
                assertThat(footer).as("%s names %d", file, limit).containsPattern("(?<![\\d])" + limit + "(?![\\d])");
            }
        });
    }

    private static List<CommandLine> tree(CommandLine command) {
        List<CommandLine> all = new ArrayList<>(List.of(command));
        command.getSubcommands().values().forEach(sub -> all.addAll(tree(sub)));
        return all;
    }

    /** A bundle that notes each key read from it; it also holds {@link #NOBODY_READS}. */
    private static final class Recording extends ResourceBundle {
        private final ResourceBundle texts;
        private final Set<String> read;

        Recording(ResourceBundle texts, Set<String> read) {
            this.texts = texts;
            this.read = read;
        }

        @Override
        protected Object handleGetObject(String key) {
            if (NOBODY_READS.equals(key)) {
                read.add(key);
                return "unused";
            }
            if (!texts.containsKey(key)) {
                return null;
            }
            read.add(key);
            return texts.getObject(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            List<String> keys = Collections.list(texts.getKeys());
            keys.add(NOBODY_READS);
            return Collections.enumeration(keys);
        }
    }

    private static Properties load(String file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
