package org.registrar.app;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;

/**
 * Logback's start begun beside the command line's parsing, for the window only (ADR 0058). Logback reads its XML
 * configuration, builds the rolling file appender and its date patterns (the locale data behind them) before the
 * first line is logged: in a second start that was about half of the time before the embedded server's start could
 * begin, and the command line (picocli), the language and the settings, on the main thread, did not need it. The
 * window's data folder is read from the arguments the way the command line reads it; anything it cannot be sure of
 * (a subcommand's name anywhere, help, an argument file) starts nothing here, and logging is prepared when the
 * command runs, as before. Thread-safe.
 */
final class EarlyLogging {
    private static final List<String> NOT_THE_WINDOW = List.of("-h", "--help", "-V", "--version", "--");
    private static final String DATA_HOME = "--data-home";
    private static volatile Thread preparing;
    private static volatile Path preparedFor;

    private EarlyLogging() {}

    /** From {@code main}: when {@code args} open the window, its logging is prepared on a thread of its own. */
    static void begin(String[] args) {
        Optional<Path> dataHome = windowDataHome(args);
        if (dataHome.isEmpty()) {
            return;
        }
        Thread thread = new Thread(() -> Launcher.prepareLoggingNow(dataHome.get()), "registrar-logging");
        thread.setDaemon(true);
        preparedFor = dataHome.get();
        preparing = thread;
        thread.start();
    }

    /**
     * Waits until logging begun by {@link #begin} is prepared; returns at once when none was begun. Says so in the log
     * when it was begun for another folder than {@code dataHome}, the one the command line named.
     */
    static void await(Path dataHome) {
        Thread thread = preparing;
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        join(thread);
        if (!dataHome.equals(preparedFor)) {
            org.slf4j.LoggerFactory.getLogger(EarlyLogging.class)
                    .warn("The log is in {} (read before the command line was), not in {}", preparedFor, dataHome);
        }
    }

    private static void join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The data folder the window will use when {@code args} open the window ({@code --data-home}, else the user's
     * own), or empty when they may run a subcommand, ask for help or the version, or read an argument file.
     */
    static Optional<Path> windowDataHome(String[] args) {
        Set<String> commands = commandNames();
        Path given = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (commands.contains(arg) || NOT_THE_WINDOW.contains(arg) || arg.startsWith("@")) {
                return Optional.empty();
            }
            if (arg.equals(DATA_HOME) || arg.startsWith(DATA_HOME + "=")) {
                if (given != null) {
                    return Optional.empty();
                }
                String value = arg.equals(DATA_HOME) ? (i + 1 < args.length ? args[++i] : null) : arg.substring(12);
                if (value == null || value.isEmpty()) {
                    return Optional.empty();
                }
                given = Path.of(value);
            }
        }
        return Optional.of(given != null ? given : UserDataFolder.resolve());
    }

    /** The subcommands' names and aliases, from the launcher's annotations (no picocli model is built). */
    private static Set<String> commandNames() {
        Set<String> names = new HashSet<>();
        for (Class<?> subcommand : Launcher.class.getAnnotation(Command.class).subcommands()) {
            Command command = subcommand.getAnnotation(Command.class);
            if (command != null) {
                names.add(command.name());
                names.addAll(List.of(command.aliases()));
            }
        }
        return names;
    }
}
