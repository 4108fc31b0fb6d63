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
                            "pool and privileges")),
            Map.entry("app/StartupView.java", Set.of("danger")),
            Map.entry("app/AboutInfo.java", Set.of("Registrar ", "Java", "JavaFX", "logs", "/javafx.properties")),
            // the picocli descriptions (--help) are annotation constants, still English: a resource bundle for picocli
            // is left to do; everything else these commands print comes from the bundle
            Map.entry(
                    "app/MigrateCommand.java",
                    Set.of(
                            "migrate",
                            "--dry-run",
                            "Upgrade the school server's schema with the owner login: list the pending migrations and apply",
                            " them (--dry-run: list only). Exit 0 when done.",
                            "List the pending migrations and change nothing")),
            Map.entry(
                    "app/DoctorCommand.java",
                    Set.of(
                            "doctor",
                            "ApplicationName: ",
                            "Check the database connection, schema and latency; exit 0 only when healthy.")),
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

    /** A bundle key ("messages.drafts.unwritable"), not words. */
    private static final Pattern KEY = Pattern.compile("[a-z][\\w-]*(\\.[\\w-]+)+");

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
