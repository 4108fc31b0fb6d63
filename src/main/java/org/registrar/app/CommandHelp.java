package org.registrar.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.registrar.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line's help in the app's language (ADR 0059): every command's and option's description, the headings
 * and the parameter labels come from the bundle {@value #BUNDLE} (picocli's own resource-bundle support; its values
 * are read raw, not by MessageFormat). The language is chosen as the window's is (ADR 0049: {@code --language}, the
 * machine file's locked key, the user's choice, the machine file's default, else the system's), just before a command
 * runs or picocli refuses its command line. What the command prints speaks the same language (issue 18): the messages
 * and the default locale are switched for the run, and picocli's own refusals ("Missing required option…") are said
 * in it too. Not thread-safe: one command line, one run.
 */
final class CommandHelp {
    /** Base name of the help bundle: {@code org/registrar/i18n/help.properties}, {@code help_de.properties}, … */
    static final String BUNDLE = "org.registrar.i18n.help";

    private CommandHelp() {}

    /**
     * The help in {@code locale}'s language; English (the base file) when that language is not shipped, never the
     * system's language in its place (ResourceBundle's default fallback would give German help to {@code --language
     * en} on a German system).
     */
    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * Makes {@code commandLine} (the root) print its help in the chosen language: the system's until a usage message
     * is due, then the one its arguments and the settings choose.
     */
    static void install(CommandLine commandLine) {
        commandLine.setResourceBundle(bundle(Locale.getDefault()));
        CommandLine.IExecutionStrategy run = commandLine.getExecutionStrategy();
        commandLine.setExecutionStrategy(parsed -> {
            Speaking speaking = speak(commandLine, parsed.asCommandLineList());
            try {
                return run.execute(parsed);
            } finally {
                speaking.close();
            }
        });
        commandLine.setParameterExceptionHandler((refused, args) -> {
            try (Speaking speaking = speak(commandLine, chain(refused.getCommandLine()))) {
                return refuse(refused);
            }
        });
    }

    /**
     * Picocli's refusal of a command line in the chosen language (issue 18): what is wrong, then picocli's "did you
     * mean" suggestions when it has some, else the usage; the exit code picocli would give.
     */
    static int refuse(CommandLine.ParameterException refused) {
        CommandLine failed = refused.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println(describe(refused));
        List<String> suggestions = refused instanceof CommandLine.UnmatchedArgumentException unmatched
                ? unmatched.getSuggestions()
                : List.of();
        if (suggestions.isEmpty()) {
            failed.usage(err, failed.getColorScheme());
        } else {
            err.println(Messages.text("cli.error.suggestions", String.join(", ", suggestions)));
        }
        return failed.getExitCodeExceptionMapper() != null
                ? failed.getExitCodeExceptionMapper().getExitCode(refused)
                : failed.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The one line saying what is wrong with the command line, in the messages' language. */
    static String describe(CommandLine.ParameterException refused) {
        List<String> given = matched(refused.getCommandLine());
        if (refused instanceof CommandLine.MutuallyExclusiveArgsException) {
            // picocli names the options only inside its English sentence; they are the ones given of one group
            return Messages.text(
                    "cli.error.exclusive", String.join(", ", exclusiveGiven(refused.getCommandLine(), given)));
        }
        if (refused instanceof CommandLine.MaxValuesExceededException) {
            for (CommandLine.Model.ArgGroupSpec group : groups(refused.getCommandLine())) {
                if (timesGiven(group, given) > group.multiplicity().max()) {
                    List<String> members = givenMembers(group, given);
                    if (group.exclusive()) {
                        return members.size() == 1
                                ? Messages.text("cli.error.twice", members.get(0))
                                : Messages.text("cli.error.exclusive", String.join(", ", members));
                    }
                    return Messages.text(
                            "cli.error.groupTooOften",
                            String.join(", ", names(group.allOptionsNested())),
                            group.multiplicity().max());
                }
            }
        }
        if (refused instanceof CommandLine.MissingParameterException missing) {
            List<String> missed = names(missing.getMissing());
            // picocli's specs of a group's options are copies: they are told apart by name
            Optional<CommandLine.Model.ArgGroupSpec> oneOf = groups(refused.getCommandLine()).stream()
                    .filter(group -> group.exclusive() && names(group.args()).containsAll(missed) && !missed.isEmpty())
                    .findFirst();
            if (oneOf.isPresent()) {
                return Messages.text(
                        "cli.error.missingOneOf",
                        String.join(", ", names(oneOf.get().args())));
            }
            // in a group whose options go together picocli lists all of them, the ones given too
            List<String> notGiven =
                    missed.stream().filter(name -> !given.contains(name)).toList();
            List<String> names = notGiven.isEmpty() ? missed : notGiven;
            if (String.valueOf(missing.getMessage()).startsWith("Missing required parameter") && names.size() == 1) {
                return Messages.text("cli.error.missingValue", names.get(0)); // an option given without its value
            }
            return Messages.text("cli.error.missing", names.size(), String.join(", ", names));
        }
        if (refused instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> extra = unmatched.getUnmatched();
            return Messages.text(
                    unmatched.isUnknownOption() ? "cli.error.unknownOption" : "cli.error.unmatched",
                    extra.size(),
                    String.join(", ", extra));
        }
        if (refused instanceof CommandLine.OverwrittenOptionException twice && twice.getOverwritten() != null) {
            return Messages.text("cli.error.twice", name(twice.getOverwritten()));
        }
        if (refused.getArgSpec() != null && refused.getValue() != null) {
            return Messages.text("cli.error.invalidValue", name(refused.getArgSpec()), refused.getValue());
        }
        return refused.getMessage(); // what picocli refuses beyond these names no option (a gap in positions)
    }

    /** The names of the options and parameters picocli matched before it refused, once per time given. */
    private static List<String> matched(CommandLine failed) {
        CommandLine.ParseResult parsed;
        try {
            parsed = failed.getParseResult();
        } catch (RuntimeException halfParsed) {
            return List.of();
        }
        if (parsed == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        parsed.matchedOptions().forEach(option -> names.add(name(option)));
        parsed.matchedPositionals().forEach(positional -> names.add(name(positional)));
        return names;
    }

    /** Every argument group of the command, nested ones too. */
    private static List<CommandLine.Model.ArgGroupSpec> groups(CommandLine failed) {
        List<CommandLine.Model.ArgGroupSpec> all = new ArrayList<>();
        List<CommandLine.Model.ArgGroupSpec> next =
                new ArrayList<>(failed.getCommandSpec().argGroups());
        while (!next.isEmpty()) {
            CommandLine.Model.ArgGroupSpec group = next.remove(0);
            all.add(group);
            next.addAll(group.subgroups());
        }
        return all;
    }

    /** The options given of the exclusive group that more than one was given of. */
    private static List<String> exclusiveGiven(CommandLine failed, List<String> given) {
        for (CommandLine.Model.ArgGroupSpec group : groups(failed)) {
            List<String> together = givenMembers(group, given);
            if (group.exclusive() && together.size() > 1) {
                return together;
            }
        }
        return given.stream().distinct().toList();
    }

    /** The group's own options and parameters that were given, each once, in the group's order. */
    private static List<String> givenMembers(CommandLine.Model.ArgGroupSpec group, List<String> given) {
        return names(group.args()).stream().filter(given::contains).toList();
    }

    /** How often a group was given: an exclusive one once per option given, others once per repeat of an option. */
    private static long timesGiven(CommandLine.Model.ArgGroupSpec group, List<String> given) {
        List<String> members = names(group.allOptionsNested());
        if (group.exclusive()) {
            return given.stream().filter(members::contains).count();
        }
        return members.stream()
                .mapToLong(member -> given.stream().filter(member::equals).count())
                .max()
                .orElse(0);
    }

    private static List<String> names(java.util.Collection<? extends CommandLine.Model.ArgSpec> args) {
        return args.stream().map(CommandHelp::name).distinct().toList();
    }

    private static String name(CommandLine.Model.ArgSpec arg) {
        return arg instanceof CommandLine.Model.OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    /**
     * The language of the help for these commands (the root first): {@code --language} and {@code --config} as given
     * to any of them (a subcommand's own option wins), then the settings. Blocking (reads the machine file and the
     * user's preferences).
     */
    static Language language(List<CommandLine> commands) {
        ConnectionOptions given = new ConnectionOptions();
        for (CommandLine command : commands) {
            for (CommandSpec mixin : command.getCommandSpec().mixins().values()) {
                if (mixin.userObject() instanceof ConnectionOptions options) {
                    given.language = options.language != null ? options.language : given.language;
                    given.config = options.config != null ? options.config : given.config;
                }
            }
        }
        return given.language();
    }

    /**
     * Makes the chosen language that of the help, the messages and the default locale until closed (then the ones
     * before come back: a test's JVM runs many command lines). Settings that cannot be read leave the system's.
     */
    private static Speaking speak(CommandLine root, List<CommandLine> commands) {
        Speaking before = new Speaking(Locale.getDefault(), Messages.locale());
        Language language;
        try {
            language = language(commands);
        } catch (RuntimeException unreadable) {
            return before;
        }
        root.setResourceBundle(bundle(language.locale()));
        language.apply();
        return before;
    }

    /** The default locale and the messages' locale to go back to. */
    private record Speaking(Locale system, Locale messages) implements AutoCloseable {
        @Override
        public void close() {
            Locale.setDefault(system);
            Messages.use(messages);
        }
    }

    private static List<CommandLine> chain(CommandLine deepest) {
        List<CommandLine> chain = new ArrayList<>();
        for (CommandLine each = deepest; each != null; each = each.getParent()) {
            chain.add(0, each);
        }
        return chain;
    }
}
