package org.registrar.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command line's help in the app's language (ADR 0059): every command's and option's description, the headings
 * and the parameter labels come from the bundle {@value #BUNDLE} (picocli's own resource-bundle support; its values
 * are read raw, not by MessageFormat). The language is chosen as the window's is (ADR 0049: {@code --language}, the
 * machine file's locked key, the user's choice, the machine file's default, else the system's), just before a usage
 * message is printed: on {@code --help} and when picocli refuses a command line. Not thread-safe: one command line,
 * one run.
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
            if (usageHelpRequested(parsed)) {
                speak(commandLine, parsed.asCommandLineList());
            }
            return run.execute(parsed);
        });
        CommandLine.IParameterExceptionHandler refuse = commandLine.getParameterExceptionHandler();
        commandLine.setParameterExceptionHandler((refused, args) -> {
            speak(commandLine, chain(refused.getCommandLine()));
            return refuse.handleParseException(refused, args);
        });
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

    private static void speak(CommandLine root, List<CommandLine> commands) {
        Locale locale;
        try {
            locale = language(commands).locale();
        } catch (RuntimeException unreadable) {
            return; // settings that cannot be read: the help stays in the system's language
        }
        root.setResourceBundle(bundle(locale));
    }

    private static boolean usageHelpRequested(ParseResult parsed) {
        for (ParseResult each = parsed; each != null; each = each.subcommand()) {
            if (each.isUsageHelpRequested()) {
                return true;
            }
        }
        return false;
    }

    private static List<CommandLine> chain(CommandLine deepest) {
        List<CommandLine> chain = new ArrayList<>();
        for (CommandLine each = deepest; each != null; each = each.getParent()) {
            chain.add(0, each);
        }
        return chain;
    }
}
