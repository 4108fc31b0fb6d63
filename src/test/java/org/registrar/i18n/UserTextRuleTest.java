package org.registrar.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Classes that are no views but whose words still reach people (problem and status texts, chart titles, the tooltip of
 * a forbidden action, the doctor's report, the import report, drafts' errors) write no English literal: every word
 * comes from {@code Messages.text("key")}. ViewTextRuleTest covers the scene graph; this covers what it cannot see
 * (a literal passed through a variable, a record, an exception message).
 */
class UserTextRuleTest {
    private static final Path MAIN = Path.of("src/main/java/org/registrar");

    /**
     * The checked classes, each with the literals it may keep because no person reads them as words (stored values,
     * a file's header, identifiers).
     */
    private static final Map<String, Set<String>> CHECKED = Map.ofEntries(
            Map.entry(
                    "assessments/save/DraftStore.java",
                    Set.of(
                            "Registrar results draft",
                            "drafts",
                            ".tmp",
                            ".draft",
                            "results-",
                            "new",
                            "format",
                            "batch",
                            "cohort",
                            "updated",
                            "assessment",
                            "entries",
                            ".student",
                            ".score",
                            ".comment",
                            ".version")),
            Map.entry("app/ImportReport.java", Set.of("null")),
            Map.entry(
                    "app/Startup.java",
                    Set.of(
                            "registrar",
                            "pgdata",
                            "server start",
                            "database exists",
                            "schema (Flyway)",
                            "desktop login",
                            "demo data check",
                            "Load demo data",
                            "pool and privileges",
                            "pool opened (beside the set-up)",
                            "registrar-pool-opening",
                            "pool classes loaded (beside the server start)",
                            "registrar-pool-warm-up")),
            Map.entry("app/StartupView.java", Set.of("danger")),
            Map.entry("app/AboutInfo.java", Set.of("Registrar ", "Java", "JavaFX", "logs", "/javafx.properties")),
            // the picocli commands' help (descriptions, headings, parameter labels) is in the help bundle (ADR 0059;
            // noCommandLineAnnotationHoldsWords); everything else these commands print comes from the messages bundle
            Map.entry("app/MigrateCommand.java", Set.of("migrate", "--dry-run")),
            Map.entry("app/DoctorCommand.java", Set.of("doctor", "ApplicationName: ")),
            // issue 18: the rest of the command line too; "registrar" is the program's name, as a shell prints it
            Map.entry(
                    "app/Launcher.java",
                    Set.of(
                            "registrar",
                            "registrar: ",
                            "--demo-students",
                            "--demo",
                            "--language",
                            "--config",
                            "false",
                            "logs")),
            Map.entry(
                    "app/ImportResultsCommand.java",
                    Set.of(
                            "import-results",
                            "Import results",
                            "--assessment",
                            "--file",
                            "--sheet",
                            "--encoding",
                            "--dry-run",
                            "--valid-only")),
            Map.entry("app/DemoCommand.java", Set.of("demo", "--students", "registrar-demo")),
            Map.entry("app/BenchLauncher.java", Set.of("bench", "registrar bench: ", "Main-Class", "main")),
            Map.entry(
                    "app/ExportCommand.java",
                    Set.of(
                            "export",
                            "registrar: ",
                            "Export report",
                            "--report",
                            "--assessment",
                            "--cohort",
                            "--term",
                            "--student",
                            "--year",
                            "--school-year",
                            "--format",
                            "--out")),
            Map.entry("app/SettingsProblem.java", Set.of()),
            // picocli's own message, recognised (not printed): an option given without its value
            Map.entry("app/CommandHelp.java", Set.of("Missing required parameter")),
            Map.entry(
                    "assessments/InputFlow.java",
                    Set.of("Paste", "Pasted", "Check input", "Match input", "Check students")),
            Map.entry(
                    "assessments/history/HistoryScope.java",
                    Set.of(
                            "%1$s.assessment_id = :assessment AND %1$s.student_id = :student",
                            "%1$s.student_id = :student",
                            "%1$s.assessment_id = :assessment",
                            ".assessment_id",
                            ".student_id")),
            Map.entry(
                    "students/StudentSort.java",
                    Set.of(
                            "(registrar_fold(s.given_name || ' ' || s.family_name) COLLATE \\\"C\\\")",
                            "COALESCE(s.cohort_id, 9223372036854775807)")),
            Map.entry(
                    "app/RegistrarApp.java",
                    Set.of(
                            "Registrar",
                            "Students",
                            "Plan[demoChosen=",
                            "JVM and JavaFX start",
                            "main window built (FX thread)",
                            "main window build begun (from process start)",
                            "registrar-settings",
                            "registrar-startup",
                            "registrar-reconnect",
                            "registrar-shutdown",
                            "registrar-shutdown-unused")),
            Map.entry("health/DiagnosticsReport.java", Set.of("yyyy-MM-dd HH:mm:ss xxx")),
            Map.entry("db/Privileges.java", Set.of()),
            Map.entry(
                    "health/HealthCharts.java",
                    Set.of(
                            "chart-throughput",
                            "chart-statement-latency",
                            "chart-pool-connections",
                            "chart-connection-acquire",
                            "chart-cache-hit-rate")),
            Map.entry("students/StatusNames.java", Set.of("active", "on_leave", "graduated", "withdrawn")),
            Map.entry("students/RowCount.java", Set.of()),
            Map.entry("students/ResultLine.java", Set.of()),
            Map.entry("mentors/CurrentMentor.java", Set.of()),
            Map.entry("assessments/data/Assessment.java", Set.of()),
            Map.entry("assessments/history/HistoryLine.java", Set.of("insert", "delete")),
            Map.entry("health/HealthFormat.java", Set.of("HH:mm:ss")),
            Map.entry("health/HealthViewModel.java", Set.of("Export health samples")),
            Map.entry("health/RedrawTimes.java", Set.of()),
            Map.entry("health/ServerViewModel.java", Set.of("Cancel backend", "Terminate backend")),
            Map.entry("health/ServerSession.java", Set.of("Lock", "idle in transaction", "active")),
            Map.entry("health/ServerActivity.java", Set.of()),
            Map.entry("health/Diagnostics.java", Set.of("none")),
            Map.entry(
                    "health/DiagnosticStep.java",
                    Set.of("name-resolution", "tcp-connect", "tls", "authentication", "schema-version", "round-trip")),
            Map.entry("health/NetworkChecks.java", Set.of("PGHOST", "localhost", "PGPORT")),
            Map.entry("health/ConnectionViewModel.java", Set.of("Check connection")),
            Map.entry("app/ConnectionFormViewModel.java", Set.of("registrar")),
            Map.entry("metrics/MetricsSampler.java", Set.of("registrar-metrics-sampler")),
            Map.entry(
                    "db/ServerAddress.java",
                    Set.of("PGHOST", "localhost", "PGPORT", "PGDBNAME", "jdbc:postgresql://")));

    /** A literal with letters: "Could not write", "student", "(none)". */
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Words: two letters or more ("ms", "min" and the like are units, also words: they come from the bundle too). */
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

    /** SQL, not words: "SELECT 1", "ORDER BY …". */
    private static final Pattern SQL = Pattern.compile("(SELECT|SHOW|ORDER BY|WITH|INSERT|UPDATE|DELETE) .*");

    /** A bundle key ("messages.drafts.unwritable"), or a picocli label read from the help bundle, not words. */
    private static final Pattern KEY = Pattern.compile("[a-z][\\w-]*(\\.[\\w-]+)+|\\$\\{bundle:[\\w.-]+}");

    /** The main code's picocli classes: the ones that import it. */
    private static final Pattern PICOCLI = Pattern.compile("(?m)^import picocli\\.");

    /** A picocli annotation, up to its opening parenthesis: {@code @Option(}, {@code @Command(}. */
    private static final Pattern ANNOTATION = Pattern.compile("@(Command|Option|Parameters|ArgGroup)\\s*\\(");

    /**
     * An attribute of a picocli annotation that people read in the help, with its value: a literal, a constant or an
     * array of them.
     */
    private static final Pattern HELP_TEXT = Pattern.compile(
            "\\b(description|header|footer|\\w*Heading|paramLabel|customSynopsis|synopsisSubcommandLabel)\\s*=\\s*"
                    + "(\\{[^}]*}|\"(?:[^\"\\\\]|\\\\.)*\"|[\\w.]+)");

    /** The one value such an attribute may have: a label read from the help bundle. */
    private static final Pattern FROM_BUNDLE = Pattern.compile("\"\\$\\{bundle:[\\w.-]+}\"");

    @Test
    void noCheckedClassWritesEnglishWords() {
        List<String> found = new ArrayList<>();
        CHECKED.forEach((file, allowed) -> {
            for (String literal : userLiterals(read(MAIN.resolve(file)))) {
                if (!allowed.contains(literal)) {
                    found.add(file + ": \"" + literal + "\"");
                }
            }
        });
        assertThat(found)
                .as("literal words people read: move them to the bundle, Messages.text(\"key\")")
                .isEmpty();
    }

    /**
     * Issue 18: the help of {@code registrar} and its commands speaks the app's language, so no picocli annotation holds
     * words: descriptions, headings and footers come from the help bundle by their keys, parameter labels as
     * {@code "${bundle:label.x}"} (ADR 0059). The bench jar's own help ({@code registrar bench --help}, src/bench) stays
     * English: a developer tool in a jar of its own; only its line in {@code registrar --help} is translated.
     */
    @Test
    void noCommandLineAnnotationHoldsWords() {
        List<String> found = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (Path file : javaFiles(MAIN)) {
            String source = read(file);
            if (PICOCLI.matcher(source).find()) {
                commands.add(MAIN.relativize(file).toString());
                helpTexts(source).forEach(text -> found.add(MAIN.relativize(file) + ": " + text));
            }
        }
        assertThat(commands).contains("app/Launcher.java", "app/ExportCommand.java", "app/ConnectionOptions.java");
        assertThat(found)
                .as("help text in a picocli annotation: put it in org/registrar/i18n/help*.properties (ADR 0059)")
                .isEmpty();
    }

    @Test
    void theAnnotationRuleSeesDescriptionsHeadingsAndLabelsButNotBundleLabels() {
        assertThat(helpTexts("@Command(name = \"doctor\", mixinStandardHelpOptions = true,\n"
                        + "        description = \"Check the connection (and more).\")"))
                .containsExactly("description = \"Check the connection (and more).\"");
        assertThat(helpTexts("@Option(names = \"--file\", description = {\"A file\", \"read once\"})"))
                .containsExactly("description = {\"A file\", \"read once\"}");
        assertThat(helpTexts("@Command(name = \"x\", footer = {\"\", InputLimits.SUMMARY})"))
                .containsExactly("footer = {\"\", InputLimits.SUMMARY}");
        assertThat(helpTexts("@Option(names = \"--out\", paramLabel = \"FILE\")"))
                .containsExactly("paramLabel = \"FILE\"");
        assertThat(helpTexts("@Option(names = \"--out\", required = true, paramLabel = \"${bundle:label.file}\")"))
                .isEmpty();
        assertThat(helpTexts("String description = \"not an annotation\";")).isEmpty();
    }

    /** The help texts written in the picocli annotations of {@code source}. */
    static List<String> helpTexts(String source) {
        List<String> texts = new ArrayList<>();
        Matcher annotation = ANNOTATION.matcher(source);
        while (annotation.find()) {
            Matcher attribute = HELP_TEXT.matcher(arguments(source, annotation.end()));
            while (attribute.find()) {
                if (!FROM_BUNDLE.matcher(attribute.group(2)).matches()) {
                    texts.add(attribute.group().replaceAll("\\s+", " "));
                }
            }
        }
        return texts;
    }

    /** The text from {@code start} to the parenthesis that closes the one before it, string literals skipped. */
    private static String arguments(String source, int start) {
        int depth = 1;
        boolean inString = false;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return source.substring(start, i);
            }
        }
        return source.substring(start);
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theRuleSeesWordsButNotKeysLogsOrComments() {
        assertThat(userLiterals("throw new IllegalStateException(\"Could not write \" + file);"))
                .containsExactly("Could not write ");
        assertThat(userLiterals("String name = \"student\";")).containsExactly("student");
        assertThat(userLiterals("return Messages.text(\"messages.drafts.unwritable\", file);"))
                .isEmpty();
        assertThat(userLiterals("LOG.warn(\"Draft {} cannot be read\", file);")).isEmpty();
        assertThat(userLiterals("handle.createQuery(\"SELECT current_user\")")).isEmpty();
        assertThat(userLiterals("// \"a comment\" is no text\n/** \"nor\n * is this\" */ int x = 1;"))
                .isEmpty();
        assertThat(userLiterals("out.append(\"\\t\" + \" → \" + \"\\\\x%02x\");"))
                .isEmpty();
        assertThat(userLiterals("@Option(names = \"--out\", paramLabel = \"${bundle:label.file}\")"))
                .containsExactly("--out");
    }

    static List<String> userLiterals(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "");
        List<String> literals = new ArrayList<>();
        for (String line : code.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("//") || trimmed.matches("(LOG|log|logger|LOGGER)\\.\\w+\\(.*")) {
                continue;
            }
            Matcher literal = LITERAL.matcher(line);
            while (literal.find()) {
                String text = literal.group(1);
                String letters = text.replaceAll("\\\\[a-z]", " ").replaceAll("%[\\w.]+", " ");
                if (WORD.matcher(letters).find()
                        && !KEY.matcher(text).matches()
                        && !SQL.matcher(text).matches()) {
                    literals.add(text);
                }
            }
        }
        return literals;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
