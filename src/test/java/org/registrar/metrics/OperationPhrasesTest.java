package org.registrar.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The status bar's words for finished operations: a phrase a user reads, and the counts kept. */
class OperationPhrasesTest {
    private static OperationSummary summary(
            String operation, int statements, int transactions, int errors, long micros) {
        return new OperationSummary(
                operation,
                statements,
                statements + transactions,
                transactions,
                errors,
                Duration.ofNanos(micros * 1_000),
                Instant.now());
    }

    @Test
    void aPrefetchReadsAsTheNextPageBeingReady() {
        assertThat(OperationPhrases.describe(summary("Prefetch students page", 1, 0, 0, 4_500)))
                .isEqualTo("Next page ready · 1 query, 1 round trip · 4.5 ms");
    }

    @Test
    void aSaveKeepsItsQueriesAndItsTransaction() {
        assertThat(OperationPhrases.describe(summary("Save results", 3, 1, 0, 12_300)))
                .isEqualTo("Results saved · 3 queries in 1 transaction, 4 round trips · 12 ms");
    }

    @Test
    void failedQueriesAndWorkWithoutQueriesAreSaid() {
        assertThat(OperationPhrases.describe(summary("Save student", 2, 1, 1, 5_000)))
                .isEqualTo("Student saved · 2 queries in 1 transaction (1 failed), 3 round trips · 5.0 ms");
        assertThat(OperationPhrases.describe(summary("Open mentors", 0, 0, 0, 300)))
                .isEqualTo("Mentors loaded · no query · 0.3 ms");
    }

    @Test
    void inGermanThePhraseTheCountsAndTheDecimalSeparatorAreGerman() {
        org.registrar.i18n.Messages.use(java.util.Locale.GERMAN);
        try {
            assertThat(OperationPhrases.describe(summary("Save results", 3, 1, 1, 4_500)))
                    .isEqualTo(
                            "Ergebnisse gespeichert · 3 Abfragen in 1 Transaktion (1 fehlgeschlagen), 4 Roundtrips · 4,5 ms");
        } finally {
            org.registrar.i18n.Messages.use(java.util.Locale.ENGLISH);
        }
    }

    @Test
    void anOperationWithoutAPhraseShowsItsName() {
        assertThat(OperationPhrases.describe(summary("Something new", 2, 0, 0, 1_000)))
                .isEqualTo("Something new · 2 queries, 2 round trips · 1.0 ms");
    }

    @Test
    void noStatusBarWordIsAnInternalOne() {
        assertThat(OperationWords.KEYS.keySet().stream().map(OperationPhrases::phrase))
                .noneMatch(phrase -> phrase.matches("(?i).*\\b(prefetch|statements?|backend|poll)\\b.*"));
    }

    /**
     * Every operation the app names (a literal or a constant given to {@code tasks.run}, {@code tasks.runLocal} or
     * {@code begin}, and the names passed on to a feature's own {@code write} helper) has a phrase.
     */
    @Test
    void everyOperationTheAppNamesHasAPhrase() throws IOException {
        Set<String> names = operationNames(Path.of("src/main/java/org/registrar"));
        assertThat(names)
                .contains(
                        "Prefetch students page",
                        "Save results",
                        "Unassign students",
                        "Deactivate mentor",
                        "Cancel backend",
                        "Reconnect check");
        assertThat(names).allSatisfy(name -> assertThat(OperationWords.KEYS).containsKey(name));
    }

    private static final Pattern CALL = Pattern.compile(
            "(?:\\.run|\\.runLocal|\\.begin|\\bwrite)\\(\\s*\"([^\"]+)\"|(?:\\.run|\\.runLocal|\\.begin|\\bwrite|\\bsignal)"
                    + "\\(\\s*([A-Z][A-Z_]+)\\s*[,)]");
    private static final Pattern CONSTANT = Pattern.compile("static final String ([A-Z_]+) = \"([^\"]+)\";");
    private static final Pattern CHOSEN = Pattern.compile("String operation = [^;]*\\? \"([^\"]+)\" : \"([^\"]+)\";");

    private static Set<String> operationNames(Path root) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.toString().contains("/bench/"))
                    .forEach(file -> collect(read(file), names));
        }
        return names;
    }

    private static void collect(String source, Set<String> names) {
        java.util.Map<String, String> constants = new java.util.HashMap<>();
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        Matcher call = CALL.matcher(source);
        while (call.find()) {
            if (call.group(1) != null) {
                names.add(call.group(1));
            } else if (constants.containsKey(call.group(2))) {
                names.add(constants.get(call.group(2)));
            }
        }
        Matcher chosen = CHOSEN.matcher(source);
        while (chosen.find()) {
            names.add(chosen.group(1));
            names.add(chosen.group(2));
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
