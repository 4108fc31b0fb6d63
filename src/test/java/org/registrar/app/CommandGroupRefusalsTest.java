package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 18: picocli's refusals of argument groups (options that exclude each other, options that go together) were
 * its English sentences ("Error: --cohort=<c>, --student=<s> are mutually exclusive (specify only one)") under a
 * German help. No command of the app has a group yet; this one has both kinds, as an export by class or by student
 * would.
 */
class CommandGroupRefusalsTest {
    @Command(name = "grouped")
    static final class Grouped implements Runnable {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @ArgGroup(exclusive = false, multiplicity = "0..1")
        Range range;

        static final class Target {
            @Option(names = "--cohort")
            String cohort;

            @Option(names = "--student")
            String student;
        }

        static final class Range {
            @Option(names = "--from", required = true)
            String from;

            @Option(names = "--to", required = true)
            String to;
        }

        @Override
        public void run() {}
    }

    private final Locale before = Messages.locale();

    @BeforeEach
    void german() {
        Messages.use(Locale.GERMAN);
    }

    @AfterEach
    void restore() {
        Messages.use(before);
    }

    private static String refusal(String... args) {
        CommandLine.ParameterException refused = catchThrowableOfType(
                () -> new CommandLine(new Grouped()).parseArgs(args), CommandLine.ParameterException.class);
        assertThat(refused).as(String.join(" ", args)).isNotNull();
        return CommandHelp.describe(refused);
    }

    @Test
    void optionsThatExcludeEachOtherAreNamedInTheChosenLanguage() {
        assertThat(refusal("--cohort", "7A", "--student", "S1"))
                .isEqualTo("Diese Optionen schließen einander aus, geben Sie nur eine davon an: --cohort, --student");
    }

    @Test
    void noneOfARequiredChoiceIsOneOfThemMissingNotAll() {
        assertThat(refusal()).isEqualTo("Geben Sie eine dieser Optionen an: --cohort, --student");
    }

    @Test
    void anOptionThatGoesWithAnotherGivenAloneNamesOnlyTheOneMissing() {
        assertThat(refusal("--cohort", "7A", "--from", "2025-09-01")).isEqualTo("Es fehlt die Pflichtoption: --to");
    }

    @Test
    void aGroupGivenTwiceIsSaidInTheChosenLanguage() {
        assertThat(refusal("--cohort", "7A", "--from", "a", "--to", "b", "--from", "c", "--to", "d"))
                .isEqualTo("Diese Optionen dürfen zusammen nur einmal angegeben werden: --from, --to");
        assertThat(refusal("--cohort", "7A", "--cohort", "7B"))
                .isEqualTo("Die Option --cohort darf nur einmal angegeben werden");
    }

    @Test
    void theRefusalLineIsFollowedByTheUsageAsPicocliDoes() {
        CommandLine commandLine = new CommandLine(new Grouped());
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        CommandLine.ParameterException refused = catchThrowableOfType(
                () -> commandLine.parseArgs("--cohort", "7A", "--student", "S1"), CommandLine.ParameterException.class);

        int exitCode = CommandHelp.refuse(refused);

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("Diese Optionen schließen einander aus")
                .contains("Usage: grouped")
                .doesNotContain("mutually exclusive");
    }
}
