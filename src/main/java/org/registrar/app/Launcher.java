package org.registrar.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.application.Application;
import org.registrar.i18n.Messages;
import org.registrar.settings.Key;
import org.registrar.settings.MachineFile;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Entry point. With no command it opens the window; {@code doctor}, {@code migrate} and {@code demo} run headless. Kept apart from
 * the JavaFX {@link Application} so the app starts with JavaFX on the class path.
 */
@Command(
        name = "registrar",
        mixinStandardHelpOptions = true,
        versionProvider = Launcher.VersionProvider.class,
        resourceBundle = CommandHelp.BUNDLE,
        subcommands = {
            DoctorCommand.class,
            MigrateCommand.class,
            DemoCommand.class,
            BenchLauncher.class,
            ImportResultsCommand.class,
            ExportCommand.class
        })
public final class Launcher implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--demo-students", paramLabel = "${bundle:label.number}")
    int demoStudents = Startup.DEFAULT_DEMO_STUDENTS;

    @Option(names = "--demo")
    boolean demo;

    /** Exit code when the connection settings cannot be used. */
    static final int BAD_SETTINGS = 2;

    public static void main(String[] args) {
        EarlyLogging.begin(args); // Logback starts while picocli reads the command line (ADR 0058)
        int exitCode = commandLine().execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    @Override
    public Integer call() {
        if (demoStudents < 1 || demoStudents > 1_000_000) {
            System.err.println(Messages.text("cli.launcher.demoStudents", 1, 1_000_000));
            return 2;
        }
        connection.profile(); // a command line that cannot make a profile ends here, in one line
        if (demo) {
            MachineFile machine = connection.machineFile();
            if (!machine.hasIssues() && "false".equals(machine.values().get(Key.DEMO_ALLOWED))) {
                System.err.println(
                        "registrar: " + Messages.text("cli.launcher.demoOff", String.valueOf(machine.path())));
                return BAD_SETTINGS;
            }
        }
        if (connection.language != null
                && Language.problemWith(connection.language).isPresent()) {
            System.err.println(
                    "registrar: " + Language.problemWith(connection.language).get());
            return BAD_SETTINGS;
        }
        connection.language().apply(); // before any window or message is built
        Path dataHome = prepareLogging(connection.dataHome());
        RegistrarApp.configure(new RegistrarApp.LaunchOptions(
                connection.layer(),
                connection.config,
                ConnectionOptions.passwordFromEnvironment(),
                dataHome,
                demoStudents,
                demo));
        RegistrarApp.startEmbeddedEarly();
        Application.launch(RegistrarApp.class);
        return 0;
    }

    /**
     * The command line with its subcommands; unusable connection settings end it with one line, not a stack. Its help
     * speaks the app's language ({@link CommandHelp}).
     */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Launcher());
        commandLine.setExecutionStrategy(Launcher::execute); // before the help's, which wraps it
        CommandHelp.install(commandLine);
        commandLine.setExecutionExceptionHandler((error, command, parsed) -> {
            if (!(error instanceof SettingsProblem problem)) {
                throw error;
            }
            command.getErr().println("registrar: " + problem.oneLine());
            return BAD_SETTINGS;
        });
        return commandLine;
    }

    /**
     * Runs what was asked, as picocli's default does, once the options given before a command's name are settled:
     * one the command also has (the connection options) applies to it as if given after its name, unless given there
     * too; {@code --language} and {@code --config} choose the words of every command; any other (the window's
     * {@code --demo}, {@code --demo-students}, or {@code --data-home} before {@code demo}) ends the run with one line
     * rather than being ignored: a doctor must not check another server than the one named.
     */
    private static int execute(CommandLine.ParseResult parsed) {
        if (parsed.hasSubcommand() && !helpAsked(parsed)) {
            CommandLine.ParseResult command = parsed.subcommand();
            for (CommandLine.Model.OptionSpec given : parsed.matchedOptions()) {
                String name = given.longestName();
                if (!EVERY_COMMANDS.contains(name) && command.commandSpec().findOption(name) == null) {
                    parsed.commandSpec()
                            .commandLine()
                            .getErr()
                            .println("registrar: "
                                    + Messages.text(
                                            "cli.launcher.notAnOptionOf",
                                            name,
                                            command.commandSpec().name()));
                    return BAD_SETTINGS;
                }
            }
            Launcher launcher = parsed.commandSpec().commandLine().getCommand();
            for (CommandLine.Model.CommandSpec mixin :
                    command.commandSpec().mixins().values()) {
                if (mixin.userObject() instanceof ConnectionOptions options) {
                    options.takeUnsetFrom(launcher.connection);
                }
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** Options before a command's name that every command takes: they choose the words it speaks. */
    private static final Set<String> EVERY_COMMANDS = Set.of("--language", "--config");

    private static boolean helpAsked(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult part = parsed; part != null; part = part.subcommand()) {
            if (part.isUsageHelpRequested() || part.isVersionHelpRequested()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Points Logback at the user data folder and hands java.util.logging (pgjdbc's logger) to it; must run before
     * the first logger is created. The property is set first: making the folder private logs, and that first logger
     * fixes where Logback writes for the whole run.
     */
    static Path prepareLogging(Path dataHome) {
        EarlyLogging.await(dataHome);
        return prepareLoggingNow(dataHome);
    }

    /** As {@link #prepareLogging}, without waiting for {@link EarlyLogging}: its own thread calls this. */
    static Path prepareLoggingNow(Path dataHome) {
        Path logs = dataHome.resolve("logs");
        if (System.getProperty("registrar.logDir") == null) {
            System.setProperty("registrar.logDir", logs.toString());
        }
        bridgeJavaLogging();
        try {
            UserDataFolder.makePrivate(dataHome);
            Files.createDirectories(logs);
        } catch (java.io.IOException e) {
            System.err.println(Messages.text("cli.launcher.noLogFolder", String.valueOf(logs), e.getMessage()));
        }
        return dataHome;
    }

    /** Replaces JUL's console handler by the SLF4J bridge, once per JVM (every command calls prepareLogging). */
    static synchronized void bridgeJavaLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        // LevelChangePropagator (logback.xml) sets the JUL levels once Logback starts: start it now
        org.slf4j.LoggerFactory.getILoggerFactory();
    }

    /** {@code --version}: the app, Java and JavaFX versions, and the data and log folders (as About shows them). */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public String[] getVersion() {
            Path dataHome = spec != null && spec.userObject() instanceof Launcher launcher
                    ? launcher.connection.dataHome()
                    : UserDataFolder.resolve();
            return AboutInfo.of(dataHome).lines().toArray(String[]::new);
        }
    }
}
